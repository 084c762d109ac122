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
    _REFUSAL = "pvm needs Python 3.11 or newer, not %s" % sys.version.split()[0]
    if sys.version_info[0] < 3:
        # Python 2's runpy shows the ImportError of a package run with -m as a
        # traceback (3's prints it in one line): under `python2 -m pvm`, where runpy
        # imports this package, one line.  Its ImportError takes no name.
        if sys._getframe(1).f_code.co_filename.endswith(("runpy.py", "runpy.pyc")):
            raise SystemExit("%s: %s" % (sys.executable, _REFUSAL))
        raise ImportError(_REFUSAL)
    raise ImportError(_REFUSAL, name="pvm")

from pvm.code import Code  # noqa: E402

__all__ = ["Code", "InstructionLimitExceeded", "LimitExceeded", "MemoryLimitExceeded",
           "TimeLimitExceeded", "World", "compile", "parse"]
_WORLD_NAMES = frozenset({"World", "LimitExceeded", "InstructionLimitExceeded",
                          "TimeLimitExceeded", "MemoryLimitExceeded"})
__version__ = "0.1.0"


def __getattr__(name):
    # The front end is imported when first asked for: a program whose modules all come
    # from the cache never parses, and importing the parser and compiler (with the
    # host's ast, enum and re) was a third of pvm's start-up (docs/architecture.md,
    # "Start-up").
    if name == "compile":
        from pvm.compiler import compile
        return compile
    if name == "parse":
        from pvm.parser import parse
        return parse
    # So is the world, for programs that embed pvm (pvm.world.World, pvm.world.limits).
    if name in _WORLD_NAMES:
        from pvm.world import limits, world
        return getattr(world if name == "World" else limits, name)
    raise AttributeError("module 'pvm' has no attribute %r" % name)
