"""pvm's printer of uncaught exceptions against CPython's own (C) printer.

The expected text is the host's ``sys.__excepthook__`` (CPython's C printer) on
the same exception objects.
"""

import contextlib
import io
import itertools
import sys

from pvm.world.tracebacks import format_exception

TEXTS = ["abcdefg", "abcdefg\n", "  indented line\n", "\tx = 1\n", "first\nsecond\n",
         "a\nbc\ndef", "", "\n", "h\u00e9llo w\u00f6rld\n", None]
OFFSETS = [None, -4, -1, 0, 1, 2, 3, 7, 8, 100]
END_OFFSETS = [None, -2, 0, 1, 3, 5, 100]


def c_printer_output(error):
    output = io.StringIO()
    with contextlib.redirect_stderr(output):
        sys.__excepthook__(type(error), error, None)
    return output.getvalue()


def test_syntax_errors_print_as_cpythons_printer_prints_them():
    differing = []
    for error_class, text, offset, end_offset, end_lineno, message in itertools.product(
            (SyntaxError, IndentationError, TabError), TEXTS, OFFSETS, END_OFFSETS,
            (None, 1, 2), ("bad bad", "", None)):
        error = error_class(message, ("bad.py", 1, offset, text, end_lineno, end_offset))
        if message is None:
            error.msg = None
        expected = c_printer_output(error)
        if "".join(format_exception(error)) != expected:
            differing.append((error_class.__name__, error.args))
    assert differing == []
