"""pvm's virtual machine: runs ``pvm.Code``.

``interpreter`` holds the loop and the world it runs in, ``objects`` the guest objects
pvm makes (functions, frames, generators), ``arguments`` call binding, ``world`` the
guest builtins and sys, ``tracebacks`` the printing of uncaught exceptions.  What each
instruction does is defined in ``pvm.engine.instructions``.  The import system is
``pvm.importer``.
"""
