"""The guest's builtins module: the host's, with the parts that must know pvm replaced.

The builtins module is a fresh module holding the host's builtins, except:
``__build_class__`` (runs a class body on pvm), ``__import__`` (pvm's import
system), ``exec`` / ``eval`` / ``compile`` (pvm's compiler), ``globals`` /
``locals`` / ``vars`` / ``dir`` (read the guest frame), ``super`` (finds
``__class__`` and ``self`` in the guest frame), ``print`` / ``input`` (write to
the guest's ``sys.stdout``), ``breakpoint`` (calls the guest's ``sys.breakpointhook``).
"""

import builtins as host_builtins
import sys as host_sys
import types

from pvm.code import Code, PyCF_MASK
from pvm.engine.objects import Function
from pvm.engine.frames import UNBOUND
from pvm.engine.host_stack import fast_local

_MISSING = object()


def make_builtins(world):
    """The builtins module of ``world`` (a ``pvm.world.World``)."""
    interpreter = world.interpreter
    module = types.ModuleType("builtins", host_builtins.__doc__)
    namespace = module.__dict__
    namespace.update(host_builtins.__dict__)
    namespace["__name__"] = "builtins"
    namespace["__debug__"] = not world.optimize

    def current_frame():
        frame = interpreter.running_frame()
        if frame is None:
            raise SystemError("no current guest frame")
        return frame

    limits = world.limits

    def __build_class__(function, name, /, *bases, metaclass=_MISSING, **keywords):
        if not isinstance(function, Function):
            raise TypeError("__build_class__: func must be a function")
        if not isinstance(name, str):
            raise TypeError("__build_class__: name is not a string")
        original_bases = bases
        bases = types.resolve_bases(bases)
        if metaclass is _MISSING:
            metaclass = type(bases[0]) if bases else type
        if isinstance(metaclass, type):
            metaclass = _most_derived_metaclass(metaclass, bases)
        prepare = getattr(metaclass, "__prepare__", None)
        namespace = prepare(name, bases, **keywords) if prepare is not None else {}
        if not hasattr(namespace, "__getitem__"):
            raise TypeError("%s.__prepare__() must return a mapping, not %s"
                            % (getattr(metaclass, "__name__", "<metaclass>"),
                               type(namespace).__name__))
        cell = interpreter.run_class_body(function, namespace)
        _wrap_implicit_methods(namespace)
        if limits is not None and limits.guards_calls and type(namespace) is dict:
            # (Special methods taken from the host run behind a world's checks.)
            limits.check_class_namespace(namespace)
        if bases is not original_bases:
            namespace["__orig_bases__"] = original_bases
        cls = metaclass(name, bases, namespace, **keywords)
        # type.__new__ fills the cell from the namespace's __classcell__; a metaclass
        # that does not hand it on leaves the cell empty, which CPython refuses.
        if isinstance(cls, type) and isinstance(cell, types.CellType):
            try:
                cell_value = cell.cell_contents
            except ValueError:
                raise RuntimeError("__class__ not set defining %r as %r. Was __classcell__ "
                                   "propagated to type.__new__?" % (name, cls)) from None
            if cell_value is not cls:
                raise TypeError("__class__ set to %r defining %r as %r" % (cell_value, name, cls))
        return cls

    def __import__(name, globals=None, locals=None, fromlist=(), level=0):
        return world.importer.import_(name, globals, locals, fromlist, level)

    def inherited_flags():
        # The future features of the code that calls compile, exec or eval (CPython's
        # PyEval_MergeCompilerFlags): a `from __future__` import holds for its strings.
        frame = interpreter.running_frame()
        return 0 if frame is None else frame.f_code.co_flags & PyCF_MASK

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1,
                *, _feature_version=-1):
        if isinstance(filename, bytes):
            filename = filename.decode()
        if not dont_inherit and isinstance(flags, int):
            flags |= inherited_flags()
        return world.compile_text(source, str(filename), mode, flags, dont_inherit, optimize)

    def _namespaces(globals_, locals_, function_name):
        if globals_ is None:
            frame = current_frame()
            globals_ = frame.f_globals
            if locals_ is None:
                locals_ = interpreter.frame_locals(frame)
        elif locals_ is None:
            locals_ = globals_
        if not isinstance(globals_, dict):
            raise TypeError("%s() globals must be a dict, not %s"
                            % (function_name, type(globals_).__name__))
        if "__builtins__" not in globals_:
            # PyEval_GetBuiltins(): the calling frame's builtins, a dict (so an imported
            # module's __builtins__ is the dict, as in CPython; __main__'s is the module).
            frame = interpreter.frame
            globals_["__builtins__"] = namespace if frame is None else frame.f_builtins
        return globals_, locals_

    def exec(source, globals=None, locals=None, /, *, closure=None):
        globals_, locals_ = _namespaces(globals, locals, "exec")
        if isinstance(source, Code):
            code = source
        elif isinstance(source, types.CodeType):
            raise TypeError("exec() of a host code object is not supported by pvm")
        else:
            if isinstance(source, str):
                source = source.lstrip(" \t")
            code = world.compile_text(source, "<string>", "exec", inherited_flags())
        interpreter.run_code(code, globals_, locals_)
        return None

    def eval(source, globals=None, locals=None, /):
        globals_, locals_ = _namespaces(globals, locals, "eval")
        if isinstance(source, Code):
            code = source
        else:
            # Bytes are compiled as bytes, so that a BOM or a coding declaration counts.
            if isinstance(source, bytearray):
                source = bytes(source)
            if not isinstance(source, (str, bytes)):
                raise TypeError("eval() arg 1 must be a string, bytes or code object")
            blanks = " \t" if isinstance(source, str) else b" \t"
            code = world.compile_text(source.lstrip(blanks), "<string>", "eval",
                                      inherited_flags())
        return interpreter.run_code(code, globals_, locals_)

    def globals():
        return current_frame().f_globals

    def locals():
        return interpreter.frame_locals(current_frame())

    def vars(*arguments):
        if not arguments:
            return locals()
        if len(arguments) > 1:
            raise TypeError("vars expected at most 1 argument, got %d" % len(arguments))
        try:
            return arguments[0].__dict__
        except AttributeError:
            raise TypeError("vars() argument must have __dict__ attribute") from None

    def dir(*arguments):
        if not arguments:
            return sorted(locals())
        return host_builtins.dir(*arguments)

    host_super_init = host_builtins.super.__init__

    class super(host_builtins.super):
        # The messages of CPython's super_vectorcall, which a call of super itself takes.
        def __init__(self, *arguments, **keywords):
            if not arguments and not keywords:
                # super() in a method: the common call (some 800 at start-up).
                frame = interpreter.frame if interpreter.frameless is None \
                    else interpreter.materialize_frameless()
                if frame is None:
                    raise SystemError("no current guest frame")
                host_super_init(self, *_zero_argument_super(frame))
                return
            if keywords:
                raise TypeError("super() takes no keyword arguments")
            if len(arguments) > 2:
                raise TypeError("super() expected at most 2 arguments, got %d"
                                % len(arguments))
            if not arguments:
                arguments = _zero_argument_super(current_frame())
            elif not isinstance(arguments[0], type):
                raise TypeError("super() argument 1 must be a type, not %s"
                                % type(arguments[0]).__name__)
            host_builtins.super.__init__(self, *arguments)

    super.__name__ = super.__qualname__ = "super"
    super.__module__ = "builtins"
    interpreter.super_type = super

    def print(*values, sep=" ", end="\n", file=None, flush=False):
        if file is None:
            file = world.sys.stdout
            if file is None:
                return
        host_builtins.print(*values, sep=sep, end=end, file=file, flush=flush)

    def input(prompt=_MISSING, /):
        stdin = world.sys.stdin
        stdout = world.sys.stdout
        if stdin is host_sys.stdin and stdout is host_sys.stdout:
            return host_builtins.input(*(() if prompt is _MISSING else (prompt,)))
        # CPython's builtin_input when not interactive: the prompt written if given,
        # then a flush of stdout whose errors are ignored.
        if prompt is not _MISSING:
            stdout.write(str(prompt))
        try:
            stdout.flush()
        except Exception:
            pass
        line = stdin.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line.rstrip("\n")

    def breakpoint(*arguments, **keywords):
        # The host's calls the host's sys.breakpointhook.
        hook = world.sys.__dict__.get("breakpointhook")
        if hook is None:
            raise RuntimeError("lost sys.breakpointhook")
        return hook(*arguments, **keywords)

    for function in (__build_class__, __import__, compile, exec, eval, globals, locals, vars,
                     dir, print, input, breakpoint):
        function.__module__ = "builtins"
        # Messages name a callable by its qualified name: "dir()", as CPython's.
        function.__qualname__ = function.__name__
        namespace[function.__name__] = function
    namespace["super"] = super
    return module


# type.__new__ makes these methods static or class methods, but only when they
# are host functions; pvm's functions get the same treatment here.
_IMPLICIT_WRAPPERS = (("__new__", staticmethod), ("__init_subclass__", classmethod),
                      ("__class_getitem__", classmethod))


def _wrap_implicit_methods(namespace):
    # A plain dict (nearly every class's) is asked with get: most classes define none
    # of these, and a KeyError raised and caught for each costs a microsecond a class.
    plain = type(namespace) is dict
    for name, wrap in _IMPLICIT_WRAPPERS:
        if plain:
            method = namespace.get(name)
        else:
            try:
                method = namespace[name]
            except KeyError:
                continue
        if isinstance(method, Function):
            namespace[name] = wrap(method)


def _most_derived_metaclass(metaclass, bases):
    winner = metaclass
    for base in bases:
        base_type = type(base)
        if issubclass(winner, base_type):
            continue
        if issubclass(base_type, winner):
            winner = base_type
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def _zero_argument_super(frame):
    code = frame.f_code
    if code.co_argcount == 0:
        raise RuntimeError("super(): no arguments")
    first_name = code.co_varnames[0]
    if first_name in code.co_cellvars:
        try:
            first = frame.cells[code.co_cellvars.index(first_name)].cell_contents
        except ValueError:
            raise RuntimeError("super(): arg[0] deleted") from None
    else:
        first = fast_local(frame, 0)
        if first is UNBOUND:
            raise RuntimeError("super(): arg[0] deleted")
    if "__class__" not in code.co_freevars:
        raise RuntimeError("super(): __class__ cell not found")
    index = len(code.co_cellvars) + code.co_freevars.index("__class__")
    try:
        cls = frame.cells[index].cell_contents
    except ValueError:
        raise RuntimeError("super(): empty __class__ cell") from None
    if not isinstance(cls, type):
        raise RuntimeError("super(): __class__ is not a type (%s)" % type(cls).__name__)
    return cls, first
