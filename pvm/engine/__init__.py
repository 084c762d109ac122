"""pvm's engine: runs ``pvm.Code``, knowing the bytecode contract and nothing above it.

``interpreter`` holds the loop (frames, calls, exception unwinding, generators
and coroutines) and the decoded code it runs; ``instructions`` defines each
instruction once, ``generate`` makes ``tier0`` (the handlers) and ``tier0_fused``
(the superinstructions, rows in ``superinstructions``) from them and ``decode``
turns code into handlers; ``objects`` holds the guest functions and
generators pvm makes, ``frames`` their frames, ``arguments`` call binding,
``guest_traceback`` the traceback objects guest code sees, ``tracing``
``sys.settrace`` and ``sys.setprofile``, ``method_binding`` the binding of guest
functions to instances in the host's C code.  The guest's builtins, sys and import
system are the world's (``pvm.world``), which installs what the engine needs of
it on the interpreter.
"""
