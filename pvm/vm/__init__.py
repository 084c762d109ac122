"""pvm's virtual machine: runs ``pvm.Code``.

``interpreter`` holds the loop and the world it runs in, ``handlers`` what
each opcode does, ``objects`` the guest objects pvm makes (functions, frames,
generators), ``arguments`` call binding, ``world`` the guest builtins and sys,
``importer`` the import of modules, ``tracebacks`` the printing of uncaught
exceptions.
"""

from pvm.vm.interpreter import Interpreter

__all__ = ["Interpreter"]
