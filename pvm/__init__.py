"""pvm: Python 3.11, implemented in Python.

The pipeline, one stage per module:

    source -> pvm.tokenize -> pvm.parser -> pvm.symtable -> pvm.compiler -> pvm.Code
      -> pvm.engine, in the guest world pvm.world builds on it

``pvm.parse`` turns source into standard ``ast`` nodes, exactly as ``ast.parse``;
``pvm.compile`` turns source into a ``pvm.Code`` that the VM runs.
"""

import sys

# pvm's own code is written in Python 3.11: on an older host it would fail as it is read.
if sys.version_info < (3, 11):
    raise ImportError("pvm needs Python 3.11 or newer, not %s" % sys.version.split()[0],
                      name="pvm")

from pvm.code import Code  # noqa: E402
from pvm.compiler import compile  # noqa: E402
from pvm.parser import parse  # noqa: E402

__all__ = ["Code", "compile", "parse"]
__version__ = "0.1.0"
