"""The interactive prompt: read statements, compile them with pvm ('single' mode), run them.

A statement is complete when pvm compiles it; it is incomplete (prompt with
``...``) when compiling fails only because the input ended early, which is
what the error says when the same source plus a newline fails the same way.
"""

import sys

from pvm.world.tracebacks import print_exception

_BANNER = 'Python %s on %s\nType "help", "copyright", "credits" or "license" for more information.'

# Messages that mean "the source stopped too soon", not "the source is wrong".
_INCOMPLETE_MESSAGES = ("unexpected EOF", "was never closed", "expected an indented block",
                        "unterminated triple-quoted string", "incomplete input")


class Console:
    def __init__(self, world, namespace):
        self.world = world
        self.namespace = namespace

    def compile_if_complete(self, source):
        """The code of ``source``, or None if more lines are needed; raises SyntaxError."""
        try:
            code = self.world.compile(source, "<stdin>", "single")
        except SyntaxError as error:
            message = str(error.msg)
            if any(marker in message for marker in _INCOMPLETE_MESSAGES) \
                    and not source.endswith("\n\n"):
                return None
            raise
        lines = source.rstrip("\n").split("\n")
        # A compound statement goes on until an empty line.
        if (lines[0].rstrip().endswith(":") or len(lines) > 1) and not source.endswith("\n\n"):
            return None
        return code

    def run_interactive_hook(self):
        """Call sys.__interactivehook__, as CPython does before its prompt: site's
        hook imports readline (line editing, history, tab completion) when it exists."""
        hook = getattr(self.world.sys, "__interactivehook__", None)
        if hook is None:
            return
        try:
            hook()
        except BaseException as error:
            print("Failed calling sys.__interactivehook__", file=sys.stderr)
            print_exception(error)

    def interact(self, quiet=False):
        guest_sys = self.world.sys
        if not quiet:
            print(_BANNER % (sys.version, sys.platform), file=sys.stderr)
        self.run_interactive_hook()
        buffer = []
        while True:
            prompt = getattr(guest_sys, "ps2" if buffer else "ps1", "... " if buffer else ">>> ")
            try:
                line = input(str(prompt))
            except EOFError:
                print(file=sys.stderr)
                return 0
            except KeyboardInterrupt:
                print("\nKeyboardInterrupt", file=sys.stderr)
                buffer = []
                continue
            buffer.append(line)
            source = "\n".join(buffer) + "\n"
            try:
                code = self.compile_if_complete(source)
            except SyntaxError as error:
                buffer = []
                print_exception(error)
                continue
            if code is None:
                continue
            buffer = []
            try:
                self.world.run_code(code, self.namespace)
            except SystemExit as exit_request:
                code = exit_request.code
                return code if isinstance(code, int) else (0 if code is None else 1)
            except BaseException as error:
                print_exception(error)
