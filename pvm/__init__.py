"""pvm: Python 3.11, implemented in Python.

The pipeline, one stage per module:

    source -> pvm.tokenize -> pvm.parser -> (symtable, compiler, vm: to come)

``pvm.parse`` turns source into standard ``ast`` nodes, exactly as ``ast.parse``.
"""

from pvm.parser import parse

__all__ = ["parse"]
__version__ = "0.1.0"
