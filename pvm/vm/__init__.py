"""pvm's virtual machine: runs ``pvm.Code``.

``interpreter`` holds the loop and the world it runs in, ``handlers`` what
each opcode does, ``objects`` the guest objects pvm makes (functions, frames,
generators), ``arguments`` call binding, ``world`` the guest builtins and sys,
``tracebacks`` the printing of uncaught exceptions.  The import system is
``pvm.importer``.
"""

from pvm.vm.interpreter import Interpreter

__all__ = ["Interpreter"]
