"""The interactive prompt: read statements, compile them ('single' mode), run them, as
CPython's prompt does.

CPython's prompt parses while the user types: it reads another line (showing
``sys.ps2``) when its parser asks for a token past the last line read, and a
totally empty line ends a compound statement.  After each line, pvm asks its
compiler the same question:

- a first line holding only blanks or a comment is an empty statement;
- an empty line that is not inside brackets, a string or a backslash
  continuation ends the input: the lines are compiled as they stand;
- otherwise the lines are parsed allowing them to end early (codeop's
  ``PyCF_ALLOW_INCOMPLETE_INPUT``): "incomplete input" means the parser ran out
  of lines; a compound statement that parses needs more too, since its grammar
  rule ends with the NEWLINE of an empty line (and an ``else`` or a deeper line
  may come first); a simple statement is complete;
- at the end of input (Ctrl-D, the end of a pipe) the lines read are compiled
  as they stand.

Lines end with their newline: only a line at the very end of the input lacks one.

The stdlib's ``code.InteractiveConsole`` (codeop: compile the lines as they are,
then with a newline more) decides otherwise where CPython's prompt parses as it
reads: after ``def f():`` an empty line waits for more instead of reporting the
missing block, and an error found after the parse (``global`` of a parameter)
comes before the block's end.
"""

import ast
import io
import sys

from pvm.code import PyCF_MASK
from pvm.compile_warnings import redirected_to
from pvm.parser import parse
from pvm.tokenize import OP, TokenError, generate_tokens
from pvm.world.tracebacks import report_exception, write_to_guest_stderr

_FILENAME = "<stdin>"

# The statements whose rule is 'compound_stmt NEWLINE' at the prompt.
_COMPOUND_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For,
                        ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.TryStar,
                        ast.Match)
_CLOSING_BRACKETS = {"(": ")", "[": "]", "{": "}"}


class Console:
    """CPython's interactive loop over a world (``pvm.world.World``) and the namespace of
    ``__main__``."""

    def __init__(self, world, namespace):
        self.world = world
        self.namespace = namespace
        # Whether the last statement run ended in KeyboardInterrupt: CPython then ends
        # the process as if killed by SIGINT when the input ends.
        self.interrupted = False
        # The future features the statements so far turned on: each holds for the
        # statements that follow, as in CPython's loop.
        self.future_flags = 0

    def interact(self):
        """Read, compile and run statements until the input ends; return the exit status.
        SystemExit raised by a statement propagates."""
        guest_sys = self.world.sys
        # CPython's loop sets the prompts that are missing, where guest code sees them.
        for name, default in (("ps1", ">>> "), ("ps2", "... ")):
            if not hasattr(guest_sys, name):
                setattr(guest_sys, name, default)
        source = ""
        while True:
            try:
                line = self.read_line(self.prompt("ps2" if source else "ps1"))
            except KeyboardInterrupt as interruption:
                # The lines typed so far are dropped.
                _write_to_terminal("\n")
                self.report(interruption)
                source = ""
                continue
            if not line:
                _write_to_terminal("\n")
                if not source:
                    return 0
            source += line
            try:
                code = self.compile_statement(source, input_ended=not line)
            except Exception as error:
                source = ""
                if type(error) in (SyntaxError, IndentationError, TabError):
                    _show_the_line_as_read(error)
                self.report(error)
                continue
            if code is not None:
                source = ""
                self.run(code)

    def prompt(self, name):
        """``sys.ps1`` or ``sys.ps2`` as text: str() at each use, as CPython (a prompt
        may change); a missing prompt, or one whose str() fails, shows nothing."""
        try:
            return str(getattr(self.world.sys, name, ""))
        except Exception:
            return ""

    def read_line(self, prompt):
        """One line of input with its newline; "" at the end of input."""
        if sys.stdin.isatty() and sys.stdout.isatty():
            # The builtin input() edits the line with readline once the guest's
            # site module has loaded it, as CPython's prompt does.
            try:
                return input(prompt) + "\n"
            except EOFError:
                return ""
        # Reading a pipe or a file, CPython writes the prompt to stderr.
        _write_to_terminal(prompt)
        return sys.stdin.readline()

    def compile_statement(self, source, input_ended=False):
        """The code of the statement in ``source`` (the lines read so far), or None while
        more lines may complete it; a wrong statement raises its SyntaxError (or the
        compiler's other errors)."""
        if input_ended:
            return self.compile(source)
        if not source.endswith("\n"):
            # The input ends within this line: CPython reads on, and finds the end.
            return None
        *earlier_lines, line = source[:-1].split("\n")
        if not earlier_lines and _is_blank(line):
            # An empty statement, which CPython runs too.
            return self.compile("pass")
        if earlier_lines and not line and _open_brackets(source[:-1]) is None:
            # The empty line ends the input (CPython's tokenizer makes it a NEWLINE).
            try:
                return self.compile(source)
            except SyntaxError as error:
                _locate_at_the_empty_line(error, len(earlier_lines) + 1)
                raise
        try:
            tree = self._parse_quietly(source)
        except SyntaxError as error:
            if error.msg == "incomplete input":
                return None
            syntax_error = error
        else:
            if tree.body and isinstance(tree.body[0], _COMPOUND_STATEMENTS):
                return None
            return self.compile(source)
        # Raised out of the handler, so that the error shown has no context.
        raise self._first_error(source, syntax_error)

    def compile(self, source):
        code = self.world.compile(source, _FILENAME, "single", self.future_flags)
        self.future_flags |= code.co_flags & PyCF_MASK
        return code

    def _parse_quietly(self, source):
        """The tree of ``source``, or SyntaxError("incomplete input") when the parser
        ran out of lines.  Warnings are left to the compile whose code runs, so that
        each is shown once."""
        with redirected_to(_ignore_warning):
            return parse(source, _FILENAME, "single", allow_incomplete_input=True)

    def _first_error(self, source, error):
        """The error CPython's prompt shows for ``source``, whose parse failed with
        ``error``.  Its parser reports the first error it meets; the compiler, given the
        whole input, reports a bracket left open at its end ("'(' was never closed")
        instead.  With the brackets closed on a line of their own, the compiler meets
        the parser's error: the parse failed before the end of the lines typed."""
        brackets = _open_brackets(source)
        if not brackets:
            return error
        closing = "".join(_CLOSING_BRACKETS[bracket] for bracket in reversed(brackets))
        try:
            self._parse_quietly(source + closing + "\n")
        except SyntaxError as parser_error:
            return parser_error
        return error

    def run(self, code):
        """Run a statement's code in ``__main__``; report the exception it raises, but
        let SystemExit end the prompt."""
        self.interrupted = False
        try:
            self.world.run_code(code, self.namespace)
        except SystemExit:
            raise
        except BaseException as error:
            self.interrupted = isinstance(error, KeyboardInterrupt)
            self.report(error)
        self.flush_output()

    def report(self, error):
        report_exception(self.world, error)
        self.flush_output()

    def flush_output(self):
        """Flush the guest's sys.stderr and sys.stdout, as CPython does after each
        statement, so that output reaches pipes in order with the prompts."""
        for name in ("stderr", "stdout"):
            try:
                getattr(self.world.sys, name).flush()
            except Exception:
                pass

    def run_startup_file(self, path):
        """Run the PYTHONSTARTUP file in ``__main__``, as CPython does before its first
        prompt: ``__file__`` is the path while it runs; an error is reported and the
        prompt follows; SystemExit propagates."""
        try:
            with open(path, "rb") as file:
                source = file.read()
        except OSError as error:
            write_to_guest_stderr(self.world, "Could not open PYTHONSTARTUP\n")
            self.report(error)
            return
        names_file = "__file__" not in self.namespace
        if names_file:
            self.namespace["__file__"] = path
            self.namespace["__cached__"] = None
        try:
            code = self.world.compile(source, path, "exec")
            self.world.run_code(code, self.namespace)
        except SystemExit:
            raise
        except BaseException as error:
            self.report(error)
        finally:
            if names_file:
                self.namespace.pop("__file__", None)
                self.namespace.pop("__cached__", None)
        self.flush_output()

    def show_banner(self):
        """CPython's banner before the first prompt, on the process's stderr."""
        _write_to_terminal("Python %s on %s\n" % (sys.version, sys.platform))
        # Those four names are builtins that the site module adds.
        if not self.world.sys.flags.no_site:
            _write_to_terminal('Type "help", "copyright", "credits" or "license" for more '
                               'information.\n')

    def run_interactive_hook(self):
        """Call sys.__interactivehook__, as CPython does before its prompt: site's
        hook imports readline (line editing, history, tab completion) when it exists."""
        hook = getattr(self.world.sys, "__interactivehook__", None)
        if hook is None:
            return
        try:
            hook()
        except SystemExit:
            raise
        except BaseException as error:
            write_to_guest_stderr(self.world, "Failed calling sys.__interactivehook__\n")
            self.report(error)


def _write_to_terminal(text):
    """Prompts (when readline does not show them) and the ends of interrupted lines:
    CPython writes them to the process's stderr, whatever the guest's sys.stderr is."""
    sys.stderr.write(text)
    sys.stderr.flush()


def _locate_at_the_empty_line(error, line_number):
    """Put a generic error found at the end of the lines (a decorator and nothing
    after it) where CPython's prompt finds it: its tokenizer reads the empty line
    that ends a statement as a NEWLINE token of its own, at column 0 of a line
    whose text is empty, where the compiler, given the lines as a string, has only
    the end of the input (offset 0)."""
    if (type(error) is SyntaxError and error.msg == "invalid syntax"
            and error.lineno == line_number and error.offset == 0):
        error.offset = error.end_offset = 1
        _set_location_arguments(error)


def _show_the_line_as_read(error):
    """CPython's prompt gives a SyntaxError the line its tokenizer read, without the
    newline that the compiler's text of the lines keeps."""
    if isinstance(error.text, str) and error.text.endswith("\n"):
        error.text = error.text[:-1]
        _set_location_arguments(error)


def _set_location_arguments(error):
    # A SyntaxError's arguments repeat its location; CPython's parser gives both.
    if len(error.args) == 2:
        error.args = (error.msg, (error.filename, error.lineno, error.offset, error.text,
                                  error.end_lineno, error.end_offset))


def _is_blank(line):
    stripped = line.lstrip(" \t\f")
    return not stripped or stripped.startswith("#")


def _open_brackets(text):
    """The brackets open at the end of ``text``, innermost last; None when its last
    logical line is finished (a string or a backslash may leave it open with no
    bracket: then the list is empty)."""
    brackets = []
    try:
        for token in generate_tokens(io.StringIO(text).readline):
            if token.type != OP:
                continue
            if token.string in _CLOSING_BRACKETS:
                brackets.append(token.string)
            elif token.string in _CLOSING_BRACKETS.values() and brackets:
                brackets.pop()
    except TokenError:
        return brackets
    except IndentationError:
        # Only a line outside brackets has an indentation to get wrong (the
        # compiler reports it).
        pass
    return None


def _ignore_warning(message, category, filename, lineno):
    pass
