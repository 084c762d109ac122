"""Printing an uncaught guest exception in CPython 3.11's format.

The host's ``traceback`` module owns the format (the "Traceback (most recent
call last):" header, source lines, ^^^^ markers, chained exceptions, exception
groups, notes).  pvm builds its ``TracebackException`` and then replaces
every stack in it with the guest traceback that the interpreter recorded on
each exception (``__pvm_traceback__``: (code, instruction index, frame)
triples, innermost first), so the host frames of the VM never show.  Where the
printer of uncaught exceptions (C, in CPython) and the traceback module differ, pvm
follows the printer: a SyntaxError's lines, the ^ under a binary operator, the
"Did you mean" suggestions and the closing line of an exception group.

The traceback module (with linecache, tokenize and textwrap) is imported when a
traceback is first formatted: most processes print none, and importing it was a
tenth of pvm's start-up on the host.
"""

import os
import sys
from _thread import get_ident
from _functools import partial

from pvm.engine.guest_traceback import traceback_of


def guest_stack(exception):
    """A ``traceback.StackSummary`` of the guest frames ``exception`` went through."""
    import traceback
    summaries = []
    for code, index, _ in reversed(getattr(exception, "__pvm_traceback__", None) or ()):
        line, end_line, column, end_column = code.position_of(index)
        if line is None:
            line = -1       # the C printer's tb_lineno for an instruction without a line
        summaries.append(traceback.FrameSummary(
            code.co_filename, line, code.co_name, lookup_line=True,
            end_lineno=end_line, colno=column, end_colno=end_column))
    return traceback.StackSummary.from_list(summaries)


# The printer drops the notes of a SyntaxError whose location it could read (it goes on
# with the message in place of the exception) until CPython 3.11.6 (gh-109179).  pvm
# follows the release it runs on.
_PRINTS_SYNTAX_ERROR_NOTES = sys.version_info >= (3, 11, 6)


def _replace_stacks(report, exception, seen):
    if report is None or exception is None or id(report) in seen:
        return
    seen.add(id(report))
    report.stack = guest_stack(exception)
    _add_name_suggestion(report, exception)
    if isinstance(exception, SyntaxError):
        report._format_syntax_error = partial(_c_format_syntax_error, report,
                                                        exception)
        if not _PRINTS_SYNTAX_ERROR_NOTES and _c_syntax_error_lines(exception) is not None:
            report.__notes__ = None
    _replace_stacks(report.__cause__, exception.__cause__, seen)
    _replace_stacks(report.__context__, exception.__context__, seen)
    for inner_report, inner in zip(getattr(report, "exceptions", None) or (),
                                   getattr(exception, "exceptions", None) or ()):
        inner_report.format = partial(_format_remembering_close, inner_report)
        _replace_stacks(inner_report, inner, seen)


# "Did you mean" suggestions: CPython 3.11 computes them when it prints an uncaught
# NameError or AttributeError (not in the traceback module), with an edit distance
# over UTF-8 bytes where moving a character costs 2 and changing its case costs 1.
_MOVE_COST = 2
_CASE_COST = 1
_MAX_CANDIDATES = 750
_MAX_NAME_BYTES = 40


def _substitution_cost(first, second):
    if first == second:
        return 0
    if chr(first).lower() == chr(second).lower():
        return _CASE_COST
    return _MOVE_COST


def _edit_distance(word, candidate, limit):
    """The edit distance of two byte strings, or limit + 1 once it is sure to exceed limit."""
    start = 0
    while start < len(word) and start < len(candidate) and word[start] == candidate[start]:
        start += 1
    word, candidate = word[start:], candidate[start:]
    while word and candidate and word[-1] == candidate[-1]:
        word, candidate = word[:-1], candidate[:-1]
    if not word or not candidate:
        return (len(word) + len(candidate)) * _MOVE_COST
    if len(word) > _MAX_NAME_BYTES or len(candidate) > _MAX_NAME_BYTES:
        return limit + 1
    if len(candidate) < len(word):
        word, candidate = candidate, word
    if (len(candidate) - len(word)) * _MOVE_COST > limit:
        return limit + 1
    row = [(index + 1) * _MOVE_COST for index in range(len(word))]
    result = 0
    for candidate_index, code in enumerate(candidate):
        diagonal = result = candidate_index * _MOVE_COST
        smallest = None
        for index, other in enumerate(word):
            substitute = diagonal + _substitution_cost(code, other)
            diagonal = row[index]
            result = min(min(result, diagonal) + _MOVE_COST, substitute)
            row[index] = result
            if smallest is None or result < smallest:
                smallest = result
        if smallest > limit:
            return limit + 1
    return result


def _closest_name(names, wrong):
    names = list(names)
    if len(names) > _MAX_CANDIDATES:
        return None
    wrong_bytes = wrong.encode("utf-8", "surrogatepass")
    best = None
    best_distance = None
    for name in names:
        if not isinstance(name, str) or name == wrong:
            continue
        name_bytes = name.encode("utf-8", "surrogatepass")
        limit = (len(wrong_bytes) + len(name_bytes) + 3) * _MOVE_COST // 6
        if best_distance is not None:
            limit = min(limit, best_distance - 1)
        distance = _edit_distance(wrong_bytes, name_bytes, limit)
        if distance > limit:
            continue
        if best is None or distance < best_distance:
            best, best_distance = name, distance
    return best


def _suggestion(exception):
    name = getattr(exception, "name", None)
    if not isinstance(name, str):
        return None
    if isinstance(exception, AttributeError):
        try:
            names = sorted(dir(exception.obj))
        except Exception:
            return None
        return _closest_name(names, name)
    if isinstance(exception, NameError):
        entries = getattr(exception, "__pvm_traceback__", None)
        if not entries:
            return None
        frame = entries[0][2]
        for namespace in (frame.f_locals, frame.f_globals, frame.f_builtins):
            suggestion = _closest_name(namespace, name)
            if suggestion is not None:
                return suggestion
    return None


def _add_name_suggestion(report, exception):
    if not isinstance(exception, (NameError, AttributeError)):
        return
    suggestion = _suggestion(exception)
    if suggestion is not None:
        report._str += ". Did you mean: '%s'?" % suggestion


def _c_syntax_error_lines(error):
    """The lines CPython's own printer (C, pythonrun.c) writes for a SyntaxError before
    its "Type: message" line, or None where it would print none of its own.

    The traceback module's rules for the text and the ^ line differ from the C
    printer's where an offset is 0, negative, past the text or before the start, and
    for SyntaxError's subclasses (the C printer ignores their end offset).
    """
    lineno = error.lineno
    if not isinstance(lineno, int):
        return None
    filename = "<string>" if error.filename is None else error.filename
    lines = ['  File "%s", line %d\n' % (filename, lineno)]
    text = error.text
    if not isinstance(text, str):
        return lines
    offset = -1 if error.offset is None else error.offset
    if type(error) is SyntaxError:
        end_lineno = lineno if error.end_lineno is None else error.end_lineno
        end_offset = -1 if error.end_offset is None else error.end_offset
    else:
        end_lineno, end_offset = lineno, -1
    if not (isinstance(offset, int) and isinstance(end_lineno, int)
            and isinstance(end_offset, int)):
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return lines
    if end_lineno > lineno:
        end_offset = len(data)
    if end_offset > len(data) + 1:
        end_offset = len(data) + 1
    carets = end_offset - offset if end_offset > 0 and end_offset > offset else 1
    offset -= 1
    stripped = data.lstrip(b" \t\f")
    offset -= len(data) - len(stripped)
    data = stripped
    length = len(data) - 1 if data.endswith(b"\n") else len(data)
    offset = min(offset, length)
    while True:
        newline = data.find(b"\n")
        if newline < 0 or newline >= offset:
            break
        data = data[newline + 1:]
        length -= newline + 1
        offset -= newline + 1
    shown = data.decode("utf-8", "replace")
    lines.append("    " + shown + ("" if data[length:length + 1] == b"\n" else "\n"))
    if offset >= 0:
        lines.append("    " + " " * offset + "^" * carets + "\n")
    return lines


def _c_format_syntax_error(report, error, type_name):
    lines = _c_syntax_error_lines(error)
    if lines is None:
        yield from type(report)._format_syntax_error(report, type_name)
        return
    yield lines[0]
    # The printer writes the source line and its ^ line without the margin of the
    # exception groups the error is in (the traceback module gives them one).
    yield from map(_WithoutMargin, lines[1:])
    message = "" if error.msg is None else str(error.msg)
    yield "%s: %s\n" % (type_name, message) if message else type_name + "\n"


class _WithoutMargin(str):
    """A line the printer writes without the margin of the groups around it."""


def format_exception(exception, chain=True):
    import traceback
    report = traceback.TracebackException(type(exception), exception, None, compact=True)
    _replace_stacks(report, exception, set())
    return list(report.format(chain=chain, _ctx=_printer_context()))


def _printer_context():
    """The traceback module's printing state, made to close groups as CPython's printer.

    A group's last sub-exception ends with a closing line ("+---..."), unless a group
    nested in it already drew one.  The printer (C) keeps that "needs a closing line"
    flag across the exceptions a sub-exception is chained to (print_chained restores
    it); the traceback module lets a group in the chain clear it, so that a last
    sub-exception raised while handling a group lost its closing line.  Here each
    sub-exception's format() remembers the flag it started with, and the message that
    leads from a chained exception to the next (the printer's print_chained
    returning) puts it back.  It also leaves the lines of a SyntaxError's source
    without the groups' margin, as the printer does (_WithoutMargin)."""
    import traceback

    class PrinterContext(traceback._ExceptionPrintContext):
        chain_messages = (traceback._cause_message, traceback._context_message)

        def __init__(self):
            super().__init__()
            self.flags_at_start = []

        def emit(self, text_gen, margin_char=None):
            if isinstance(text_gen, str):
                if text_gen in self.chain_messages and self.flags_at_start:
                    self.need_close = self.flags_at_start[-1]
                return super().emit(text_gen, margin_char)
            return self._emit_each(text_gen, margin_char)

        def _emit_each(self, texts, margin_char):
            for text in texts:
                if type(text) is _WithoutMargin:
                    yield str(text)
                else:
                    yield from super().emit(text, margin_char)

    return PrinterContext()


def _format_remembering_close(report, *, chain=True, _ctx=None):
    """``report.format`` for a group's sub-exception (see _printer_context)."""
    flags = getattr(_ctx, "flags_at_start", None)
    if flags is None:
        yield from type(report).format(report, chain=chain, _ctx=_ctx)
        return
    flags.append(_ctx.need_close)
    try:
        yield from type(report).format(report, chain=chain, _ctx=_ctx)
    finally:
        flags.pop()


def print_exception(exception, file=None, chain=True):
    """Print ``exception`` as CPython prints an uncaught one (``chain=False``: without
    its cause and context, as the default ``sys.unraisablehook`` does)."""
    import traceback
    file = sys.stderr if file is None else file
    original = getattr(traceback, "_extract_caret_anchors_from_line_segment", None)
    if original is not None:
        traceback._extract_caret_anchors_from_line_segment = partial(
            _interpreter_caret_anchors, original)
    try:
        chunks = format_exception(exception, chain)
    finally:
        if original is not None:
            traceback._extract_caret_anchors_from_line_segment = original
    for chunk in chunks:
        file.write(chunk)
    file.flush()


# CPython 3.11.6 (gh-108959) made its printer look for a binary operator past the
# closing parentheses and spaces after the left operand; 3.11.0 to 3.11.5 put the
# marker on the first character after the operand that is not a space, so `(a - 1) // b`
# has one ^ under the parenthesis there.  pvm follows the release it runs on.
_STEPS_PAST_PARENTHESIS = sys.version_info >= (3, 11, 6)


def _interpreter_caret_anchors(original, segment):
    """The ^ anchors of a binary operation as CPython's own printer places them.

    The printer of uncaught exceptions (C, in the interpreter) and the
    traceback module differ for an operator after a closing parenthesis: the
    printer steps past the parenthesis before it decides whether the operator
    has two characters (from 3.11.6 on; before, it marks the parenthesis itself).
    Everything else is the traceback module's.
    """
    import ast
    import traceback
    from pvm.engine import host_trees
    try:
        tree = host_trees.parse(segment)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr) \
            or not isinstance(tree.body[0].value, ast.BinOp):
        with host_trees.alone():  # the traceback module parses the segment again
            return original(segment)
    expression = tree.body[0].value
    data = segment.encode("utf-8")
    start, stop = expression.left.end_col_offset, expression.right.col_offset
    left = right = None
    for position in range(start, stop):
        character = data[position:position + 1]
        if character.isspace():
            continue
        left, right = position, position + 1
        if position + 1 < stop and not data[position + 1:position + 2].isspace():
            right += 1
        if _STEPS_PAST_PARENTHESIS and position + 1 < stop and character == b")":
            continue
        break
    if left is None:
        return original(segment)
    return traceback._Anchors(len(data[:left].decode("utf-8", "replace")),
                              len(data[:right].decode("utf-8", "replace")))


def report_exception(world, error):
    """Report an uncaught exception as CPython's PyErr_Print does: it is kept as
    sys.last_type, last_value and last_traceback (where ``pdb.pm()`` finds it), and
    shown by sys.excepthook.  SystemExit raised by the hook propagates."""
    guest_sys = world.sys
    traceback = traceback_of(error)
    guest_sys.last_type = type(error)
    guest_sys.last_value = error
    guest_sys.last_traceback = traceback
    hook = getattr(guest_sys, "excepthook", None)
    if hook is None:
        write_to_guest_stderr(world, "sys.excepthook is missing\n")
        _print_to_guest_stderr(world, error)
        return
    try:
        hook(type(error), error, traceback)
    except SystemExit:
        raise
    except BaseException as hook_error:
        # CPython calls the hook with nothing being handled: what it raises is not
        # chained to the exception it was shown.
        if hook_error.__context__ is error:
            hook_error.__context__ = None
        write_to_guest_stderr(world, "Error in sys.excepthook:\n")
        _print_to_guest_stderr(world, hook_error)
        write_to_guest_stderr(world, "\nOriginal exception was:\n")
        _print_to_guest_stderr(world, error)


def write_to_guest_stderr(world, text):
    # The guest's stream, or the process's when the guest has none.
    stream = getattr(world.sys, "stderr", None)
    try:
        stream.write(text)
    except Exception:
        sys.stderr.write(text)


def _print_to_guest_stderr(world, error):
    stream = getattr(world.sys, "stderr", None)
    print_exception(error, stream if stream is not None else sys.stderr)


def thread_excepthook(world):
    """The guest's ``_thread._excepthook`` (threading.excepthook), CPython's C
    function for pvm's tracebacks: the host's prints a guest traceback as its last
    line alone."""
    import _thread

    def _excepthook(args, /):
        if args.exc_type is SystemExit:
            return
        stream = getattr(world.sys, "stderr", None)
        if stream is None and args.thread is not None:
            stream = getattr(args.thread, "_stderr", None)
        if stream is None:
            return
        name = args.thread.name if args.thread is not None else _thread.get_ident()
        stream.write("Exception in thread %s:\n" % name)
        stream.flush()
        if args.exc_value is not None:
            print_exception(args.exc_value, stream)
        stream.flush()
    _excepthook.__module__ = "_thread"
    return _excepthook


def faulthandler_dump_traceback(world, host_dump):
    """The guest's ``faulthandler.dump_traceback``: the guest frames of each thread, in
    faulthandler's format, written to the file's descriptor as the host's writes (the
    host's would show pvm's frames).  The dumps the host's C code makes by itself (on
    a fatal signal, a timer's) still show the host's."""
    def dump_traceback(file=None, all_threads=True):
        if file is None:
            file = world.sys.stderr
        if isinstance(file, int):
            descriptor = file
        else:
            descriptor = file.fileno()
            file.flush()
        frames = world.sys._current_frames()
        current = get_ident()
        lines = []
        if all_threads:
            # (In the host's order of threads, the newest first, as faulthandler's.)
            for ident in frames:
                if lines:
                    lines.append("")
                lines.append("%s 0x%016x (most recent call first):"
                             % ("Current thread" if ident == current else "Thread", ident))
                lines.extend(_fault_lines(frames[ident]))
        else:
            lines.append("Stack (most recent call first):")
            lines.extend(_fault_lines(frames.get(current)))
        os.write(descriptor, ("\n".join(lines) + "\n").encode("utf-8", "backslashreplace"))
    dump_traceback.__doc__ = host_dump.__doc__
    dump_traceback.__module__ = "faulthandler"
    return dump_traceback


def _fault_lines(frame):
    while frame is not None:
        yield '  File "%s", line %s in %s' % (frame.f_code.co_filename, frame.f_lineno,
                                              frame.f_code.co_name)
        frame = frame.f_back
