"""The running program's objects that pvm makes itself: functions, frames, generators.

Everything else a guest program touches (ints, lists, classes, exceptions,
cells, builtin functions) is the host's own object.  These speak the host's
protocols: a ``Function`` is callable and a descriptor (so it becomes a
method, works as ``sorted(key=f)``, with ``functools.wraps``...), a
``Generator`` is an iterator with send/throw/close, a ``Coroutine`` is
awaitable.
"""

import sys
import types

from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS,
                      CO_VARKEYWORDS)

CellType = types.CellType
MethodType = types.MethodType


class Unbound:
    """The value of a fast local that has no value yet."""

    __slots__ = ()

    def __repr__(self):
        return "<unbound>"


UNBOUND = Unbound()


_HOST_CODE_DESCRIPTOR = types.FunctionType.__dict__["__code__"]


class _FunctionClass(type):
    """The metaclass of Function, for one answer: ``Function.__code__``.

    types.py takes ``GetSetDescriptorType`` from ``type(FunctionType.__code__)``, and
    inspect (getattr_static) and pydoc compare class ``__dict__`` entries with it; a
    metaclass data descriptor answers the read on the class with CPython's own getset
    descriptor, while reads on a function still find the plain property below, at no
    cost per call.  The price: ``type(types.FunctionType)`` is this class, not ``type``.
    """

    __code__ = property(lambda cls: _HOST_CODE_DESCRIPTOR)


class Function(metaclass=_FunctionClass):
    """A guest function: code, globals, defaults and closure."""

    __slots__ = ("_code", "__globals__", "__name__", "__qualname__", "__defaults__",
                 "__kwdefaults__", "__closure__", "__builtins__", "__annotations__",
                 "__dict__", "__weakref__", "interpreter", "kind", "simple_arity", "module",
                 "doc")

    def __init__(self, code, globals_, interpreter, qualname=None, defaults=None,
                 kwdefaults=None, closure=None, annotations=None):
        self.__code__ = code
        self.__globals__ = globals_
        self.__name__ = code.co_name
        self.__qualname__ = qualname or code.co_qualname
        self.__defaults__ = defaults
        self.__kwdefaults__ = kwdefaults
        self.__closure__ = closure
        self.__annotations__ = annotations if annotations is not None else {}
        self.__builtins__ = interpreter.builtins_dict
        self.__module__ = globals_.get("__name__")
        consts = code.co_consts
        self.__doc__ = consts[0] if consts and isinstance(consts[0], str) else None
        self.interpreter = interpreter

    # A property, so that assigning a new code object updates kind and simple_arity.
    @property
    def __code__(self):
        return self._code

    @__code__.setter
    def __code__(self, code):
        self._code = code
        flags = code.co_flags
        self.kind = flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
        # Calls with exactly the positional parameters need no binding logic.
        if code.co_kwonlyargcount or flags & (CO_VARARGS | CO_VARKEYWORDS):
            self.simple_arity = -1
        else:
            self.simple_arity = code.co_argcount

    # Kept out of the instance __dict__, where CPython does not show them either.
    __module__ = property(lambda self: self.module,
                          lambda self, value: setattr(self, "module", value))
    __doc__ = property(lambda self: self.doc, lambda self, value: setattr(self, "doc", value))

    def __repr__(self):
        return "<function %s at %#x>" % (self.__qualname__, id(self))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return MethodType(self, instance)

    def __call__(self, *args, **kwargs):
        return self.interpreter.call_function(self, args, kwargs)


class Frame:
    """One activation of a code object."""

    __slots__ = ("f_code", "handlers", "stack", "fast", "cells", "f_globals", "f_builtins",
                 "f_locals_mapping", "f_back", "resume_index", "interpreter", "callee",
                 "return_value", "reraising", "depth", "failed_index",
                 "__weakref__")

    def __init__(self, code, globals_, builtins, locals_, interpreter):
        self.f_code = code
        executable = code.executable or interpreter.decode(code)
        self.handlers = executable.handlers
        self.stack = []
        self.fast = None
        self.cells = None
        self.f_globals = globals_
        self.f_builtins = builtins
        self.f_locals_mapping = locals_     # class bodies and modules: the namespace dict
        self.f_back = None
        self.resume_index = 0
        self.interpreter = interpreter
        self.callee = None
        self.return_value = None
        self.reraising = False
        self.depth = 0
        self.failed_index = -1

    def __repr__(self):
        return "<frame at %#x, file %r, line %s, code %s>" % (
            id(self), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)

    @property
    def f_lineno(self):
        return self.f_code.line_of(max(self.resume_index - 1, 0))

    # In CPython's units, two per instruction, as tb_lasti: inspect and traceback halve
    # it to find the instruction's entry in co_positions.
    @property
    def f_lasti(self):
        return max(self.resume_index - 1, 0) * 2

    @property
    def f_locals(self):
        return self.interpreter.frame_locals(self)

    @property
    def f_trace(self):
        return None

    def clear(self):
        self.stack = None


# -- generators, coroutines, async generators -----------------------------------------

class _Suspendable:
    """What generators, coroutines and async generators share: a frame to resume."""

    _kind_name = "generator"

    def __init__(self, frame, function):
        self.frame = frame
        self.__name__ = function.__name__
        self.__qualname__ = function.__qualname__
        self.started = False
        self.finished = False
        self.running = False
        self.saved_handled = None    # the exception being handled inside, while suspended

    def __repr__(self):
        return "<%s object %s at %#x>" % (self._kind_name, self.__qualname__, id(self))

    def resume(self, value, exception=None):
        """Run until the next yield (return what it yields) or the end (raise StopIteration)."""
        if self.running:
            raise ValueError("%s already executing" % self._kind_name)
        if self.finished:
            if exception is not None:
                raise exception
            raise self._exhausted_error()
        frame = self.frame
        if not self.started:
            if value is not None and exception is None:
                raise TypeError("can't send non-None value to a just-started %s"
                                % self._kind_name)
            self.started = True
            if exception is not None:
                self.finished = True
                raise exception
        elif exception is None:
            frame.stack.append(value)
        if exception is _RESUME_WITHOUT_VALUE:
            exception = None
        interpreter = frame.interpreter
        self.running = True
        # While it runs, the frame links back to the frame that resumed it, as in CPython
        # (sys._getframe(1), inspect.currentframe().f_back).
        frame.f_back = interpreter.frame
        handled_below = interpreter.handled_below
        handled_below.append(interpreter.handled)
        interpreter.handled = self.saved_handled
        try:
            result = interpreter.run_frame(frame, exception)
        except StopIteration as error:
            self.finished = True
            raise self._wrap_stop_iteration(error)
        except StopAsyncIteration as error:
            self.finished = True
            if self._kind_name == "async_generator":
                replacement = RuntimeError("async generator raised StopAsyncIteration")
                replacement.__cause__ = error
                raise replacement
            raise
        except BaseException:
            self.finished = True
            raise
        finally:
            self.running = False
            frame.f_back = None
            self.saved_handled = interpreter.handled
            interpreter.handled = handled_below.pop()
        if frame.resume_index < 0:
            self.finished = True
            return self._returned(result)
        return result

    def _exhausted_error(self):
        return StopIteration()

    def _returned(self, value):
        raise StopIteration(value) if value is not None else StopIteration()

    def _wrap_stop_iteration(self, error):
        replacement = RuntimeError("%s raised StopIteration" % self._kind_name)
        replacement.__cause__ = error
        replacement.__context__ = error
        return replacement

    def _delegate(self):
        """The iterator a ``yield from`` / ``await`` is suspended in, if any."""
        frame = self.frame
        if not self.started or self.finished or self.running:
            return None
        if frame.interpreter.suspended_in_send(frame):
            return frame.stack[-1]
        return None

    def throw(self, kind, value=None, traceback=None):
        if isinstance(kind, BaseException):
            if value is not None:
                raise TypeError("instance exception may not have a separate value")
            exception = kind
        elif isinstance(kind, type) and issubclass(kind, BaseException):
            if isinstance(value, kind):
                exception = value
            elif value is None:
                exception = kind()
            elif isinstance(value, tuple):
                exception = kind(*value)
            else:
                exception = kind(value)
        else:
            raise TypeError("exceptions must be classes or instances deriving from "
                            "BaseException, not %s" % type(kind).__name__)
        delegate = self._delegate()
        if delegate is not None:
            if isinstance(exception, GeneratorExit):
                close = getattr(delegate, "close", None)
                if close is not None:
                    try:
                        close()
                    except BaseException as error:
                        return self.resume(None, error)
                return self.resume(None, exception)
            thrower = getattr(delegate, "throw", None)
            if thrower is not None:
                self.running = True
                try:
                    yielded = thrower(exception)
                except StopIteration as stop:
                    self.running = False
                    self.frame.interpreter.finish_send(self.frame, stop.value)
                    return self.resume(None, _RESUME_WITHOUT_VALUE)
                except BaseException as error:
                    self.running = False
                    return self.resume(None, error)
                self.running = False
                return yielded
        return self.resume(None, exception)

    def close(self):
        if self.finished:
            return None
        if not self.started:
            self.finished = True
            return None
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return None
        raise RuntimeError("%s ignored GeneratorExit" % self._kind_name)

    @property
    def gi_frame(self):
        return None if self.finished else self.frame

    @property
    def gi_running(self):
        return self.running

    @property
    def gi_code(self):
        return self.frame.f_code

    @property
    def gi_yieldfrom(self):
        return self._delegate()

    @property
    def gi_suspended(self):
        return self.started and not self.finished and not self.running


class _Unraisable:
    """The argument sys.unraisablehook takes."""

    def __init__(self, error, owner):
        self.exc_type = type(error)
        self.exc_value = error
        self.exc_traceback = error.__traceback__
        self.err_msg = "Exception ignored in"
        self.object = owner


class _ResumeWithoutValue(BaseException):
    """Marks a resume whose value the interpreter has already placed on the stack."""


_RESUME_WITHOUT_VALUE = _ResumeWithoutValue()


class Generator(_Suspendable):
    _kind_name = "generator"

    def __del__(self):
        # An abandoned generator still runs its finally blocks, as in CPython.
        if self.started and not self.finished and not self.running:
            try:
                self.close()
            except BaseException as error:
                sys.unraisablehook(_Unraisable(error, self))

    def __iter__(self):
        return self

    def __next__(self):
        return self.resume(None)

    def send(self, value):
        return self.resume(value)


class Coroutine(_Suspendable):
    _kind_name = "coroutine"
    __del__ = Generator.__del__

    def __await__(self):
        return _CoroutineWrapper(self)

    def send(self, value):
        return self.resume(value)

    def _exhausted_error(self):
        return RuntimeError("cannot reuse already awaited coroutine")

    cr_frame = _Suspendable.gi_frame
    cr_running = _Suspendable.gi_running
    cr_code = _Suspendable.gi_code
    cr_await = _Suspendable.gi_yieldfrom

    @property
    def cr_suspended(self):
        return self.gi_suspended


class _CoroutineWrapper:
    """What ``coroutine.__await__()`` returns: an iterator over the coroutine."""

    def __init__(self, coroutine):
        self.coroutine = coroutine

    def __iter__(self):
        return self

    def __next__(self):
        return self.coroutine.send(None)

    def send(self, value):
        return self.coroutine.send(value)

    def throw(self, *arguments):
        return self.coroutine.throw(*arguments)

    def close(self):
        return self.coroutine.close()


class AsyncGeneratorValue:
    """A value an async generator yields (as opposed to an await inside it suspending)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class AsyncGenerator(_Suspendable):
    _kind_name = "async_generator"

    def __init__(self, frame, function):
        super().__init__(frame, function)
        self.hooks_called = False

    def __aiter__(self):
        return self

    def __anext__(self):
        return _AsyncGeneratorStep(self, "send", None)

    def asend(self, value):
        return _AsyncGeneratorStep(self, "send", value)

    def athrow(self, *arguments):
        return _AsyncGeneratorStep(self, "throw", arguments)

    def aclose(self):
        return _AsyncGeneratorStep(self, "close", None)

    def _exhausted_error(self):
        return StopAsyncIteration()

    def _returned(self, value):
        raise StopAsyncIteration()

    ag_frame = _Suspendable.gi_frame
    ag_running = _Suspendable.gi_running
    ag_code = _Suspendable.gi_code
    ag_await = _Suspendable.gi_yieldfrom


class _AsyncGeneratorStep:
    """The awaitable of one asend/athrow/aclose: runs the generator to its next value."""

    def __init__(self, generator, action, argument):
        self.generator = generator
        self.action = action
        self.argument = argument
        self.first = True

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        generator = self.generator
        if self.first:
            self.first = False
            if self.action == "send":
                return self._step(lambda: generator.resume(
                    self.argument if value is None else value))
            if self.action == "throw":
                return self._step(lambda: generator.throw(*self.argument))
            return self._close_step(lambda: generator.throw(GeneratorExit))
        if self.action == "close":
            return self._close_step(lambda: generator.resume(value))
        return self._step(lambda: generator.resume(value))

    def throw(self, *arguments):
        generator = self.generator
        if self.action == "close":
            return self._close_step(lambda: generator.throw(*arguments))
        return self._step(lambda: generator.throw(*arguments))

    def close(self):
        pass

    def _step(self, run):
        try:
            result = run()
        except StopIteration:
            raise StopAsyncIteration()
        if isinstance(result, AsyncGeneratorValue):
            raise StopIteration(result.value)
        return result

    def _close_step(self, run):
        generator = self.generator
        if generator.finished or not generator.started:
            generator.finished = True
            raise StopIteration()
        try:
            result = run()
        except (GeneratorExit, StopAsyncIteration, StopIteration):
            raise StopIteration()
        if isinstance(result, AsyncGeneratorValue):
            raise RuntimeError("async generator ignored GeneratorExit")
        return result


SUSPENDABLE_CLASSES = {CO_GENERATOR: Generator, CO_COROUTINE: Coroutine,
                       CO_ASYNC_GENERATOR: AsyncGenerator}


def _refuse_pickling(self, protocol=None):
    # CPython's types have no __new__ for pickle or copy to call (its functions pickle
    # by name, through pickle's dispatch table); ours would otherwise be rebuilt
    # attribute by attribute into objects that cannot run.
    raise TypeError("cannot pickle %r object" % type(self).__name__)


# The names CPython gives these types, which error messages show.
for _class, _name in ((Function, "function"), (Frame, "frame"), (Generator, "generator"),
                      (Coroutine, "coroutine"), (AsyncGenerator, "async_generator")):
    _class.__name__ = _class.__qualname__ = _name
    _class.__reduce_ex__ = _class.__reduce__ = _refuse_pickling
del _class, _name
