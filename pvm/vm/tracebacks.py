"""Printing an uncaught guest exception in CPython 3.11's format.

The host's ``traceback`` module owns the format (the "Traceback (most recent
call last):" header, source lines, ^^^^ markers, chained exceptions, exception
groups, notes).  pvm builds its ``TracebackException`` and then replaces
every stack in it with the guest traceback that the interpreter recorded on
each exception (``__pvm_traceback__``: (code, instruction index) pairs,
innermost first), so the host frames of the VM never show.
"""

import sys
import traceback


def guest_stack(exception):
    """A ``traceback.StackSummary`` of the guest frames ``exception`` went through."""
    summaries = []
    for code, index in reversed(getattr(exception, "__pvm_traceback__", None) or ()):
        line, end_line, column, end_column = code.co_positions_table[index]
        summaries.append(traceback.FrameSummary(
            code.co_filename, line, code.co_name, lookup_line=True,
            end_lineno=end_line, colno=column, end_colno=end_column))
    return traceback.StackSummary.from_list(summaries)


def _replace_stacks(report, exception, seen):
    if report is None or exception is None or id(report) in seen:
        return
    seen.add(id(report))
    report.stack = guest_stack(exception)
    _replace_stacks(report.__cause__, exception.__cause__, seen)
    _replace_stacks(report.__context__, exception.__context__, seen)
    for inner_report, inner in zip(getattr(report, "exceptions", None) or (),
                                   getattr(exception, "exceptions", None) or ()):
        _replace_stacks(inner_report, inner, seen)


def format_exception(exception):
    report = traceback.TracebackException(type(exception), exception, None, compact=True)
    _replace_stacks(report, exception, set())
    return list(report.format())


def print_exception(exception, file=None):
    file = sys.stderr if file is None else file
    for chunk in format_exception(exception):
        file.write(chunk)
    file.flush()
