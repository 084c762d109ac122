"""pvm's engine: runs ``pvm.Code``.

``interpreter`` holds the loop (frames, calls, exception unwinding, generators
and coroutines), ``handlers`` what each opcode does, ``fusion`` the
superinstructions, ``objects`` the guest objects pvm makes (functions, frames,
generators), ``arguments`` call binding, ``guest_traceback`` the traceback
objects guest code sees, ``tracing`` ``sys.settrace`` and ``sys.setprofile``.
The guest's builtins, sys and import system are the world's (``pvm.world``).
"""
