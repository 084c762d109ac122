"""Warnings that host C code issues for the guest, passed on to the guest's ``warnings``.

The guest's ``warnings`` module is its own: warnings.py run by pvm, over pvm's
``_warnings`` stand-in.  But much of what guest code calls is the host's C code
(the built-in types and functions, the C modules, an unclosed file's finalizer),
and C code warns through the host's C ``_warnings``, which reads the filters from
whatever module ``sys.modules["warnings"]`` holds and shows a warning by calling
its ``_showwarnmsg``.  So the guest's filters, ``-W error`` and ``catch_warnings``
never saw them: ``int()`` of an object whose ``__int__`` returns a subclass of int
could not be made an error, and ``-X dev`` showed no unclosed file.

``install`` puts a stand-in for the host's module there.  While a guest runs, it
shows the C code every warning (one filter, "always") and passes each, through
``_showwarnmsg``, to the guest's ``warnings.warn_explicit`` at the guest frame that
is running, which is the frame CPython would name: C code finds its place from
the Python frames, and here those are the VM's own.  The guest's filters then
decide, with the guest module's name and registry; an "error" raises the warning
back through the C code that issued it, as in CPython.  Everything else, reads
and writes, goes to the host's module, which is unchanged for host code.
"""

import sys as host_sys
import types
import warnings as host_warnings
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref

# What the C code sees as the filters while a guest runs: show everything, so that
# the guest's own filters decide (in _show_in_guest).
_SHOW_EVERYTHING = [("always", None, Warning, None, 0)]


class _WarningsForTheHost(types.ModuleType):
    """``sys.modules["warnings"]`` of the host, once ``install`` has run."""

    def __getattribute__(self, name):
        if name == "filters" or name == "_showwarnmsg":
            world = _guest()
            if world is not None:
                if name == "filters":
                    return _SHOW_EVERYTHING
                return lambda message: _show_in_guest(world, message)
        return getattr(host_warnings, name)

    def __setattr__(self, name, value):
        setattr(host_warnings, name, value)

    def __delattr__(self, name):
        delattr(host_warnings, name)


def _guest():
    return None


def install(world):
    """Send the warnings of the host's C code to ``world`` (a ``pvm.world.World``)."""
    global _guest
    # A weak reference: the host's module must not keep the guest world alive.
    _guest = weakref.ref(world)
    if not isinstance(host_sys.modules.get("warnings"), _WarningsForTheHost):
        host_sys.modules["warnings"] = _WarningsForTheHost("warnings")


def _show_in_guest(world, message):
    """Issue ``message`` (a host ``WarningMessage``) through the guest's warnings."""
    guest_warnings = world.warnings_module()
    frame = world.interpreter.running_frame()
    if frame is None:
        # No guest frame: where CPython's C code puts a warning issued with no Python
        # frame running.
        globals_ = world.sys.__dict__
        filename, lineno = "sys", 1
    else:
        globals_ = frame.f_globals
        filename, lineno = frame.f_code.co_filename, frame.f_lineno
    module = globals_.get("__name__", "<string>")
    registry = globals_.setdefault("__warningregistry__", {})
    # No module globals: C code's warnings give none (no loader is asked for the line).
    guest_warnings.warn_explicit(message.message, message.category, filename, lineno,
                                 module, registry, None, message.source)
