"""pvm: Python 3.11, implemented in Python.

The pipeline, one stage per module:

    source -> pvm.tokenize -> pvm.parser -> pvm.symtable -> pvm.compiler -> pvm.Code
      -> pvm.engine, in the guest world pvm.world builds on it

``pvm.parse`` turns source into standard ``ast`` nodes, exactly as ``ast.parse``;
``pvm.compile`` turns source into a ``pvm.Code`` that the VM runs.
"""

from pvm.code import Code
from pvm.compiler import compile
from pvm.parser import parse

__all__ = ["Code", "compile", "parse"]
__version__ = "0.1.0"
