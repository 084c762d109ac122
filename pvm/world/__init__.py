"""The guest's world, built on pvm's engine: builtins, sys, the import system.

``World`` (``world.py``) is one guest world on an engine of its own; ``run``
(``main.py``) runs a program in a new one as ``python`` does, given the
``Options`` of its command line.  ``guest_builtins`` and ``guest_sys`` make the
guest's builtins and sys, ``importer`` its import system (CPython's importlib
run on pvm), ``guest`` the stand-ins for C modules, ``tracebacks`` the printing
of uncaught exceptions, ``unraisable`` the reports of exceptions nothing can
catch, ``host_warnings`` the warnings of the host's C code, ``interactive``
the prompt.
"""

from pvm.world.main import ConfigurationError, Options, run
from pvm.world.world import World

__all__ = ["ConfigurationError", "Options", "World", "run"]
