"""What pvm's tiers made of guest code, for people who embed pvm or study it.

``source(function)`` is the host source tier 1 (``-X tier=1``) translated a guest
function into, each line ending with the guest instruction it runs; the command line's
``-X jit-show=NAME`` prints the same as translations are made.
"""

from pvm.engine import tier1
from pvm.engine.objects import NOT_DECODED


def source(function):
    """The host source of the guest ``function``'s translation (a pvm function object,
    as a world's namespaces hold them), or None if tier 1 has not translated it."""
    executable = function.executable
    if executable is NOT_DECODED:
        return None
    for handler in executable.handlers:
        text = tier1.source(handler)
        if text is not None:
            return text
    return None
