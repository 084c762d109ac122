"""Where the compiler's warnings go (SyntaxWarning, invalid escape DeprecationWarning).

Used as a library, pvm warns through the host's ``warnings`` module, as the
builtin ``compile`` does.  An interpreter compiling for a guest sends them to
the guest's own ``warnings`` module instead (its filters, its
``catch_warnings``), with ``redirected_to``.  The redirection is per thread,
so two interpreters in two threads do not see each other's warnings.
"""

import contextlib
import threading
import warnings

_state = threading.local()


def warn_explicit(message, category, filename, lineno):
    """Issue a compile-time warning where the current compilation's warnings go."""
    sink = getattr(_state, "sink", None)
    if sink is None:
        warnings.warn_explicit(message, category, filename, lineno)
    else:
        sink(message, category, filename, lineno)


@contextlib.contextmanager
def redirected_to(sink):
    """Send compile-time warnings to ``sink(message, category, filename, lineno)``."""
    previous = getattr(_state, "sink", None)
    _state.sink = sink
    try:
        yield
    finally:
        _state.sink = previous
