"""Exceptions that nobody can catch, reported through the guest's ``sys.unraisablehook``.

An exception raised while an object dies (a generator's finally block run by
its finalizer, a guest ``__del__``, a coroutine's never-awaited warning turned
into an error) has no caller to reach.  CPython hands it to
``sys.unraisablehook``; pvm hands it to the guest's: a hook the guest installed
(``test.support.catch_unraisable_exception``) gets an object with CPython's
attributes, and the default hook's report is written to the guest's
``sys.stderr`` with the guest traceback, never the VM's own frames.

Guest ``__del__`` methods are called by the host when the host frees the
object, so the host's ``sys.unraisablehook`` sees their exceptions first:
``install_host_hook`` makes it pass them on.
"""

import sys as host_sys
import types
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref

from pvm.engine import guest_traceback
from pvm.engine.objects import Function
from pvm.world.tracebacks import print_exception


class UnraisableHookArguments:
    """What ``sys.unraisablehook`` receives (CPython's ``UnraisableHookArgs``)."""

    __slots__ = ("exc_type", "exc_value", "exc_traceback", "err_msg", "object")

    def __init__(self, error, owner, message=None):
        self.exc_type = type(error)
        self.exc_value = error
        self.exc_traceback = guest_traceback.traceback_of(error)
        self.err_msg = message
        self.object = owner

    def __repr__(self):
        return ("UnraisableHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, "
                "err_msg=%r, object=%r)" % (self.exc_type, self.exc_value,
                                            self.exc_traceback, self.err_msg, self.object))


def report(world, error, owner, message=None):
    """Hand ``error``, raised where nothing can catch it, to the unraisable hook of
    ``world`` (a ``pvm.world.World``)."""
    frame = world.interpreter.running_frame()
    if frame is not None and not getattr(error, guest_traceback.RECORD, None):
        # Raised by no guest code (a generator's close() refused): CPython gives it the
        # frame running at the time as its traceback.
        try:
            setattr(error, guest_traceback.RECORD,
                    guest_traceback.Entries(
                        ((frame.f_code, max(frame.resume_index - 1, 0), frame),)))
        except (AttributeError, TypeError):
            pass
    hook = world.sys.__dict__.get("unraisablehook")
    if hook is None or hook is host_sys.__unraisablehook__:
        write_default_report(world, error, owner, message)
        return
    try:
        hook(UnraisableHookArguments(error, owner, message))
    except BaseException as hook_error:
        # The hook itself failed: CPython reports that failure with the default hook.
        write_default_report(world, hook_error, hook,
                             "Exception ignored in sys.unraisablehook")


def write_default_report(world, error, owner, message=None):
    """CPython's default report: what was being finalized, then the traceback."""
    stderr = world.sys.__dict__.get("stderr")
    if stderr is None:
        return
    try:
        if owner is not None:
            try:
                described = repr(owner)
            except Exception:
                described = "<object repr() failed>"
            stderr.write("%s: %s\n" % (message or "Exception ignored in", described))
        elif message:
            stderr.write("%s:\n" % message)
        print_exception(error, file=stderr, chain=False)
    except Exception:
        pass    # stderr itself is broken: there is nowhere left to report to


def install_host_hook(world):
    """Make the host's unraisable hook pass what guest code raised on to the guest's."""
    # A weak reference: the hook must not keep the guest world alive, whose objects
    # are finalized (their __del__ printing) when the program ends.
    guest = weakref.ref(world)
    host_hook = host_sys.unraisablehook

    def forward_to_guest(arguments):
        world = guest()
        if world is None:
            host_hook(arguments)
            return
        owner = arguments.object
        # A guest __del__ is a pvm Function; the host looks it up as a bound method,
        # where CPython (whose functions are method descriptors) reports the function.
        if isinstance(owner, types.MethodType) and isinstance(owner.__func__, Function):
            owner = owner.__func__
        error = arguments.exc_value
        if error is None:
            error = arguments.exc_type()
        report(world, error, owner, arguments.err_msg)

    host_sys.unraisablehook = forward_to_guest
