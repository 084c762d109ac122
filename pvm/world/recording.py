"""Watching the program's instructions as they run: the one recording behind
``-X trace``, which prints it, and the stage explorer (``pvm.explore``), which keeps it.

A ``Watcher`` is an instrument (``Interpreter.instrument``): it wraps the handler of
every instruction of the code it watches, and leaves other code's handlers as they
are, so that code runs at the single-handler speed of instrumented code with no
report.  By default it watches the program's own code, not the standard library,
site-packages, pvm's stand-ins or importlib's frozen bootstrap, and the world
installs it as the program starts, after ``site``: what a person tracing a program
wants to see is that program.  ``everything`` watches all code, from the world's
start.

Values are described without running guest code: a guest ``__repr__`` run from the
trace would itself be traced, and a trace that changes what the program does (its
output, its exceptions, when its objects die) is no trace.  ``describe`` shows the
host's own types by their contents (ints, strings, and lists, tuples, dicts and sets
of them, a bounded number of items deep) and everything else by type and name, read
through the host's C descriptors, which no guest class can replace.
"""

import builtins
import os
import sys as host_sys
import sysconfig
import types
import weakref

from pvm import opcodes
from pvm.code import Code
from pvm.dis import describe_operand
from pvm.engine.frames import UNBOUND
from pvm.engine.objects import AsyncGenerator, Coroutine, Function, Generator

# How much of a value a description shows: strings cut to so many characters,
# containers to so many items and so many levels.
LONGEST_TEXT = 60
MOST_ITEMS = 8
DEEPEST = 2
# An int of more bits shows its size only: its repr costs quadratic time, and past
# sys.int_info's limit (4300 digits) it raises.
LARGEST_INT_BITS = 200

_type_name = type.__dict__["__name__"].__get__
_type_qualname = type.__dict__["__qualname__"].__get__
_type_module = type.__dict__["__module__"].__get__
_module_dict = types.ModuleType.__dict__["__dict__"].__get__
_NAMED_SCALARS = frozenset({bool, float, complex, type(None), type(Ellipsis),
                            type(NotImplemented), range})
_PVM_SUSPENDABLES = {Generator: "generator", Coroutine: "coroutine",
                     AsyncGenerator: "async_generator"}
_BUILTIN_EXCEPTIONS = frozenset(
    value for value in vars(builtins).values()
    if isinstance(value, type) and issubclass(value, BaseException))


def describe(value, depth=0):
    """A short text for ``value`` that runs no guest code (see the module's doc)."""
    kind = type(value)
    if kind is int:
        if value.bit_length() > LARGEST_INT_BITS:
            return "<int of %d bits>" % value.bit_length()
        return repr(value)
    if kind is str or kind is bytes:
        if len(value) > LONGEST_TEXT:
            return "%s... (%d %s)" % (repr(value[:LONGEST_TEXT - 10]), len(value),
                                      "characters" if kind is str else "bytes")
        return repr(value)
    if kind in _NAMED_SCALARS:
        return repr(value)
    if kind is list or kind is tuple or kind is set or kind is frozenset or kind is dict:
        return _describe_container(value, kind, depth)
    if kind is Function:
        return "<function %s>" % value.__qualname__
    if kind in _PVM_SUSPENDABLES:
        return "<%s %s>" % (_PVM_SUSPENDABLES[kind], value.__qualname__)
    # (issubclass of the type, not isinstance of the value, which asks the value's
    # __class__, which a guest __getattr__ may compute.)
    if issubclass(kind, type):
        module = _type_module(value)
        name = _type_qualname(value)
        # (A class's __module__ is what its namespace holds: pvm's Function keeps a
        # property there, for its instances.)
        return "<class '%s'>" % (module + "." + name if type(module) is str
                                 and module != "builtins" else name)
    if kind is types.ModuleType:
        return "<module %r>" % _module_dict(value).get("__name__", "?")
    if kind is types.MethodType:
        function = value.__func__
        name = function.__qualname__ if type(function) is Function else "?"
        return "<bound method %s>" % name
    if kind is types.BuiltinFunctionType or kind is types.FunctionType:
        # (A host function is one of the builtins pvm writes in Python: print, exec...)
        return "<built-in function %s>" % value.__name__
    if kind is Code:
        return "<code object %s>" % value.co_name
    if kind in _BUILTIN_EXCEPTIONS:
        arguments = value.args
        if len(arguments) == 1:
            return "%s(%s)" % (_type_name(kind), describe(arguments[0], depth + 1))
        return "%s%s" % (_type_name(kind), describe(arguments, depth + 1))
    if kind is slice:
        return "slice(%s, %s, %s)" % (describe(value.start, depth + 1),
                                      describe(value.stop, depth + 1),
                                      describe(value.step, depth + 1))
    return "<%s object>" % _type_name(kind)


def _describe_container(value, kind, depth):
    if kind is tuple:
        opening, closing = "(", ",)" if len(value) == 1 else ")"
    elif kind is list:
        opening, closing = "[", "]"
    elif kind is dict:
        opening, closing = "{", "}"
    elif not value:
        return "set()" if kind is set else "frozenset()"
    else:
        opening, closing = ("{", "}") if kind is set else ("frozenset({", "})")
    if depth >= DEEPEST and value:
        return "%s...%s (%d items)" % (opening, closing.lstrip(","), len(value))
    parts = []
    # Iterating a dict or set of the host's own type runs no guest code; a set's items
    # are hashed already, and a dict's keys too.
    for count, item in enumerate(value.items() if kind is dict else value):
        if count == MOST_ITEMS:
            parts.append("... (%d items)" % len(value))
            break
        if kind is dict:
            parts.append("%s: %s" % (describe(item[0], depth + 1),
                                     describe(item[1], depth + 1)))
        else:
            parts.append(describe(item, depth + 1))
    return opening + ", ".join(parts) + closing


def is_scalar(value):
    """Whether ``describe`` shows all of ``value``: a value with no parts that a
    program can change, which a heap drawing need not show as an object of its own."""
    kind = type(value)
    return kind is int or kind is str or kind is bytes or kind in _NAMED_SCALARS


def frame_variables(frame, fast):
    """[(name, value)] of a frame's variables, as ``f_locals`` has them, read without
    running guest code: a function's fast locals and cells; the names of a module's or
    class body's namespace, less the dunder names every namespace has.  (A class body
    whose ``__prepare__`` made another kind of mapping shows nothing: reading it
    would run its methods.)"""
    mapping = frame.f_locals_mapping
    if mapping is not None:
        if type(mapping) is not dict:
            return []
        return [(name, value) for name, value in mapping.items()
                if not (type(name) is str and name.startswith("__") and name.endswith("__"))]
    code = frame.f_code
    variables = [(name, value) for name, value in zip(code.co_varnames, fast or ())
                 if value is not UNBOUND]
    if frame.cells:
        for name, cell in zip(code.co_cellvars + code.co_freevars, frame.cells):
            try:
                variables.append((name, cell.cell_contents))
            except ValueError:
                pass
    return variables


def _library_folders():
    """Folders whose code is not the program's: the standard library, site-packages,
    and pvm itself (its stand-ins for C modules run as guest code)."""
    paths = sysconfig.get_paths()
    folders = {paths[name] for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    folders.add(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return tuple(sorted(os.path.join(os.path.realpath(folder), "") for folder in folders))


class Watcher:
    """An instrument that wraps the instructions of the code it watches with
    ``watched(handler, code, index, opcode, operand)``, which subclasses define."""

    def __init__(self, everything=False):
        self.everything = everything
        self._library = _library_folders()
        self._watched_files = {}
        self.interpreter = None

    def install(self, interpreter):
        self.interpreter = interpreter
        interpreter.instrument(self.wrap)

    def uninstall(self):
        if self.interpreter is not None:
            self.interpreter.uninstrument(self.wrap)
            self.interpreter = None

    def watches(self, code):
        """Whether ``code`` is the program's own (see the module's doc)."""
        if self.everything:
            return True
        filename = code.co_filename
        watched = self._watched_files.get(filename)
        if watched is None:
            if filename.startswith("<frozen "):
                watched = False
            elif filename.startswith("<"):
                watched = True          # -c, stdin, and text given to exec or compile
            else:
                watched = not os.path.join(os.path.realpath(filename), "").startswith(
                    self._library)
            self._watched_files[filename] = watched
        return watched

    def wrap(self, handler, code, index, opcode, operand):
        if not self.watches(code):
            return handler
        return self.watched(handler, code, index, opcode, operand)

    def watched(self, handler, code, index, opcode, operand):
        raise NotImplementedError


def instruction_text(code, index, opcode, operand):
    """How the trace names an instruction: ``function:line index NAME argument``."""
    return "%s:%d %4d %-20s %-24s" % (
        code.co_name, code.line_of(index) or 0, index, opcodes.OPCODES[opcode].name,
        describe_operand(code, opcode, operand))


def locals_text(variables):
    return ", ".join("%s=%s" % (name, describe(value)) for name, value in variables)


def stack_text(stack):
    return "[%s]" % ", ".join(map(describe, stack))


class TextTrace(Watcher):
    """``-X trace``: a line per instruction run, with its stack before it runs, and
    before it the frame's variables when control enters the frame, comes back to it, or
    they changed:

            locals: greet=<function greet>
        <module>:4    9 LOAD_CONST    2 ('world')   stack: [<built-in function print>, ...]
    """

    def __init__(self, output, everything=False):
        super().__init__(everything)
        self.output = output
        # What was last printed of each frame's variables, and the frame of the last
        # step (weak: frames die as usual).
        self._printed_locals = weakref.WeakKeyDictionary()
        self._last_frame = _no_frame

    def watched(self, handler, code, index, opcode, operand):
        prefix = instruction_text(code, index, opcode, operand) + " stack: "
        write = self.output.write
        printed = self._printed_locals

        def printing(frame, stack, fast):
            variables = locals_text(frame_variables(frame, fast))
            if self._last_frame() is not frame:
                self._last_frame = weakref.ref(frame)
                printed[frame] = None
            if printed.get(frame) != variables:
                printed[frame] = variables
                write("    locals: %s\n" % variables)
            write(prefix + stack_text(stack) + "\n")
            return handler(frame, stack, fast)
        return printing


def _no_frame():
    return None


def text_trace(everything=False):
    """-X trace's watcher, printing on the host's stderr (the guest's too)."""
    return TextTrace(host_sys.stderr, everything)
