"""The running program's objects that pvm makes itself: functions and generators.

Everything else a guest program touches (ints, lists, classes, exceptions,
cells, builtin functions) is the host's own object.  These speak the host's
protocols: a ``Function`` is callable and a descriptor (so it becomes a
method, works as ``sorted(key=f)``, with ``functools.wraps``...), a
``Generator`` is an iterator with send/throw/close, a ``Coroutine`` is
awaitable.  Their frames are ``pvm.engine.frames``.
"""

# operator.py's functions are _operator's: taken from there, start-up does without
# operator.py.
import _operator as operator
import types
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref

from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS,
                      CO_VARKEYWORDS, BuiltinType, Code)
from pvm.engine import guest_traceback
from pvm.engine.descriptors import (ReadOnlyAttribute, c_type_name, put_in_class,
                                    refuse_pickling, set_in_class)
from pvm.engine.frames import LEAVE_TRANSLATED
from pvm.engine.host_stack import running_interpreter
from pvm.engine.signals import RETURN

CellType = types.CellType
_new_object = object.__new__
MethodType = types.MethodType


def _host_descriptor(name):
    descriptor = types.FunctionType.__dict__[name]
    return property(lambda cls: descriptor)


class _FunctionClass(BuiltinType):
    """The metaclass of Function, for reads on the class of the attributes below.

    types.py takes ``GetSetDescriptorType`` from ``type(FunctionType.__code__)`` and
    ``MemberDescriptorType`` from ``type(FunctionType.__globals__)``, and inspect
    (getattr_static) and pydoc compare class ``__dict__`` entries with them; a metaclass
    data descriptor answers the read on the class with CPython's own descriptor, while
    reads on a function still find Function's properties, at no cost per call.  The
    price: ``type(types.FunctionType)`` is this class, not ``type``.
    """

    __code__ = _host_descriptor("__code__")
    __globals__ = _host_descriptor("__globals__")
    __closure__ = _host_descriptor("__closure__")
    __builtins__ = _host_descriptor("__builtins__")


def call_shape_of(code, closure):
    """What a call of a function of ``code`` with ``closure`` needs to know: (its
    ``kind``: generator, coroutine, async generator, or 0; for calls with exactly the
    positional parameters, which need no binding logic, their number, the
    ``simple_arity``, -1: always bind; and where a call can make the frame by taking
    its argument list as the fast locals, with no binding and no cells, that number
    too, the ``plain_arity`` that ``Interpreter.run_call`` asks, else -1).  Tier 1's
    runners ask it too, of the closure MAKE_FUNCTION gives: one exactly where the code
    has free variables."""
    flags = code.co_flags
    kind = flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
    if code.co_kwonlyargcount or flags & (CO_VARARGS | CO_VARKEYWORDS):
        return kind, -1, -1
    arity = code.co_argcount
    return kind, arity, arity if closure is None and not code.co_cellvars else -1


def made_shape_of(code):
    """What ``Function.make`` sets from ``code`` alone, kept by its executable: the
    call shape of the functions MAKE_FUNCTION makes of it, and the docstring."""
    consts = code.co_consts
    return call_shape_of(code, () if code.co_freevars else None) + (
        consts[0] if consts and isinstance(consts[0], str) else None,)


class _NotDecoded:
    """What a function holds as its decoded code until its first call decodes it (see
    Interpreter.enter): like an executable, it says how a call runs it (``run``, in the
    call, as the decoded code's own ``run`` will: a tier's runner sees the first call
    too)."""

    __slots__ = ()
    leaf = False
    nests = True
    direct_arity = -1
    # (No direct runner: the test of a call inlined at tier 1 fails, pvm.engine.inlining.)
    direct = None

    @staticmethod
    def run(function, arguments, caller):
        executable = function.executable = function.interpreter.executable_of(function._code)
        return executable.run(function, arguments, caller)


NOT_DECODED = _NotDecoded()


def _name_attribute(attribute, getter, setter, doc):
    """``__name__``: writable, but only with a string, never deleted."""

    def set_name(self, value):
        if not isinstance(value, str):
            raise TypeError("%s must be set to a string object" % attribute)
        setter(self, value)

    def refuse_deletion(self):
        raise TypeError("%s must be set to a string object" % attribute)

    return property(getter, set_name, refuse_deletion, doc)


class _FunctionAttributes(metaclass=BuiltinType):
    """The instance dictionary of Function, in a base class so that Function's own
    ``__dict__`` (below) can wrap the descriptor made for this slot."""

    __slots__ = ("__dict__",)


_INSTANCE_DICT = _FunctionAttributes.__dict__["__dict__"]


# A function's __annotations__ is made on first use, as CPython's: most functions have
# none, and every closure, lambda and comprehension made at run time would make an
# empty dict.
def _get_annotations(function):
    annotations = function._annotations
    if annotations is None:
        annotations = function._annotations = {}
    return annotations


def _set_annotations(function, value):
    if value is not None and not isinstance(value, dict):
        raise TypeError("__annotations__ must be set to a dict object")
    function._annotations = value


def _delete_annotations(function):
    function._annotations = None


def _set_function_dict(function, value):
    if not isinstance(value, dict):
        raise TypeError("__dict__ must be set to a dictionary, not a '%s'"
                        % c_type_name(value))
    _INSTANCE_DICT.__set__(function, value)


def _refuse_dict_deletion(function):
    raise TypeError("cannot delete __dict__")


class Function(_FunctionAttributes, metaclass=_FunctionClass):
    """A guest function: code, globals, defaults and closure."""

    # __name__, __defaults__ and __kwdefaults__ are properties over the _function_
    # slots, which check what is stored as CPython's setters do; __globals__,
    # __closure__ and __builtins__ read the _globals, _closure and _builtins slots and
    # refuse writes, as CPython's read-only members do.  The engine reads the slots.
    # (__qualname__, a property over _qualname too, is put in the class at the end of
    # this module: a class body cannot define it.)
    __slots__ = ("_code", "_globals", "_function_name", "_qualname",
                 "_function_defaults", "_function_kwdefaults", "_closure", "_builtins",
                 "_annotations",
                 "__weakref__", "interpreter", "kind", "simple_arity",
                 "plain_arity", "module",
                 "doc", "executable")

    # Readers in C (attrgetter), so that a guest's read costs no guest-level call.
    __globals__ = ReadOnlyAttribute("__globals__", operator.attrgetter("_globals"),
                                    member=True)
    __closure__ = ReadOnlyAttribute("__closure__", operator.attrgetter("_closure"),
                                    member=True)
    __builtins__ = ReadOnlyAttribute("__builtins__", operator.attrgetter("_builtins"),
                                     member=True)
    # Any dict (CPython's generic setter), never deleted.
    __dict__ = property(_INSTANCE_DICT.__get__, _set_function_dict, _refuse_dict_deletion)

    @classmethod
    def make(cls, code, globals_, builtins, interpreter, defaults=None, kwdefaults=None,
             closure=None, annotations=None):
        """The function MAKE_FUNCTION makes (``builtins``: its frame's, which CPython
        takes from the same globals, or the running frame's where they have none)."""
        function = _new_object(cls)
        # The __code__ setter's work, without the cost of a property called from C:
        # every closure, lambda and comprehension made at run time comes through here.
        function._code = code
        # Made again and again, they find their code decoded already: the executable
        # keeps what the call needs to know of it (``made_shape``).
        executable = interpreter.executables.get(id(code))
        if executable is None:
            function.executable = NOT_DECODED
            made_shape = made_shape_of(code)
        else:
            function.executable = executable
            made_shape = executable.made_shape
        (function.kind, function.simple_arity, function.plain_arity,
         function.doc) = made_shape
        function._globals = globals_
        function._function_name = code.co_name
        function._qualname = code.co_qualname
        function._function_defaults = defaults
        function._function_kwdefaults = kwdefaults
        function._closure = closure
        function._annotations = annotations
        function._builtins = builtins
        # The slots behind the __module__ and __doc__ properties, set directly: every
        # closure, lambda and comprehension made at run time comes through here.
        function.module = globals_.get("__name__")
        function.interpreter = interpreter
        return function

    def __new__(cls, code, globals, name=None, argdefs=None, closure=None):
        """``types.FunctionType(code, globals, name=None, argdefs=None, closure=None)``,
        as guest code calls it, with CPython's checks."""
        if not isinstance(code, Code):
            raise TypeError("function() argument 'code' must be code, not %s"
                            % type(code).__name__)
        if not isinstance(globals, dict):
            raise TypeError("function() argument 'globals' must be dict, not %s"
                            % type(globals).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("arg 3 (name) must be None or string")
        if argdefs is not None and not isinstance(argdefs, tuple):
            raise TypeError("arg 4 (defaults) must be None or tuple")
        free_count = len(code.co_freevars)
        if not isinstance(closure, tuple):
            if free_count and closure is None:
                raise TypeError("arg 5 (closure) must be tuple")
            if closure is not None:
                raise TypeError("arg 5 (closure) must be None or tuple")
        cells = closure or ()
        if len(cells) != free_count:
            raise ValueError("%s requires closure of length %d, not %d"
                             % (code.co_name, free_count, len(cells)))
        for cell in cells:
            if not isinstance(cell, CellType):
                raise TypeError("arg 5 (closure) expected cell, found %s"
                                % type(cell).__name__)
        interpreter = running_interpreter()
        if "__builtins__" in globals:
            builtins = interpreter.builtins_for(globals)
        else:
            # CPython's: those of the frame that calls FunctionType.
            caller = interpreter.running_frame()
            builtins = interpreter.builtins_dict if caller is None else caller.f_builtins
        function = cls.make(code, globals, builtins, interpreter, argdefs, None, closure)
        if name is not None:
            function._function_name = name
        return function

    # A property, so that assigning a new code object updates kind and the arities.
    @property
    def __code__(self):
        return self._code

    @__code__.setter
    def __code__(self, code):
        if not isinstance(code, Code):
            raise TypeError("__code__ must be set to a code object")
        free_count = len(code.co_freevars)
        closure_count = len(self._closure or ())
        if free_count != closure_count:
            raise ValueError("%s() requires a code object with %d free vars, not %d"
                             % (self._function_name, closure_count, free_count))
        self._code = code
        self.executable = NOT_DECODED   # its decoded form, found on the first call
        self.kind, self.simple_arity, self.plain_arity = call_shape_of(code, self._closure)

    __annotations__ = property(_get_annotations, _set_annotations, _delete_annotations)

    # Kept out of the instance __dict__, where CPython does not show them either.
    __module__ = property(lambda self: self.module,
                          lambda self, value: setattr(self, "module", value))
    __doc__ = property(lambda self: self.doc, lambda self, value: setattr(self, "doc", value),
                       lambda self: setattr(self, "doc", None))
    __name__ = _name_attribute("__name__", lambda self: self._function_name,
                               lambda self, value: setattr(self, "_function_name", value),
                               None)

    @property
    def __defaults__(self):
        return self._function_defaults

    @__defaults__.setter
    def __defaults__(self, value):
        if value is not None and not isinstance(value, tuple):
            raise TypeError("__defaults__ must be set to a tuple object")
        self._function_defaults = value

    @__defaults__.deleter
    def __defaults__(self):
        self._function_defaults = None

    @property
    def __kwdefaults__(self):
        return self._function_kwdefaults

    @__kwdefaults__.setter
    def __kwdefaults__(self, value):
        if value is not None and not isinstance(value, dict):
            raise TypeError("__kwdefaults__ must be set to a dict object")
        self._function_kwdefaults = value

    @__kwdefaults__.deleter
    def __kwdefaults__(self):
        self._function_kwdefaults = None

    def __repr__(self):
        return "<function %s at %#x>" % (self._qualname, id(self))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return MethodType(self, instance)

    # Positional-only, so that the function's own keyword arguments may be named self.
    # The common call runs here, through Executable.run, as a guest call runs it (a
    # translation's runner, if any): host code calls guest functions often (operators'
    # special methods, properties, callbacks).  The others go to call_function.
    def __call__(self, /, *args, **kwargs):
        interpreter = self.interpreter
        if self.kind:
            return interpreter.suspendable(self, list(args), kwargs or None)
        executable = self.executable
        if (executable.leaf or executable.nests) and not kwargs:
            if interpreter.frameless is not None:
                return executable.run(self, list(args), None)
            caller = interpreter.frame
            if caller is not None:
                return executable.run(self, list(args), caller)
        return interpreter.call_function(self, args, kwargs)


# -- generators, coroutines, async generators -----------------------------------------

# What a generator, coroutine or async generator is doing (_Suspendable._state).
CREATED, SUSPENDED, RUNNING, FINISHED = "created", "suspended", "running", "finished"

def _renamed(function, qualname, doc):
    """A copy of the host function ``function`` named by ``qualname``, with ``doc``."""
    name = qualname.rpartition(".")[2]
    copy = types.FunctionType(function.__code__, function.__globals__, name,
                              function.__defaults__, function.__closure__)
    copy.__qualname__ = qualname
    copy.__doc__ = doc
    return copy


# The type of tier 1's host generators (a generator's translation: tier1._resumer_body).
HOST_GENERATOR = types.GeneratorType

# What next() gives for a host generator that has ended (tier 1's resumers leave what
# ends them in the frame).
ENDED = object()

# A generator's saved exception (``_saved_handled``) while tier 1's host generator runs
# code that handles none: its resumptions keep no layer of handled exceptions (nothing
# the code runs sets one, so the layer would stay empty; see ``_Suspendable._resume``).
# Kept in that slot, not a flag on the frame: every name frames store widens every
# frame (frames._share_one_layout).
NO_LAYER = object()


def run_by_host_generator(generator, resumer):
    """Let tier 1's host generator function ``resumer`` (a generator's translation) run
    the suspended frame of ``generator`` from where it is, its stack and locals as tier
    0 left them.  Code that handles no exception (``resumer.handles``) keeps no layer of
    handled exceptions (NO_LAYER)."""
    frame = generator._frame
    frame.translated = resumer(frame, frame.stack, frame.fast, frame.resume_index)
    if not resumer.handles:
        generator._saved_handled = NO_LAYER


class _Suspendable(metaclass=BuiltinType):
    """What generators, coroutines and async generators share: a frame to resume.

    The state is kept in private slots: ``dir()`` of a generator shows CPython's
    public attributes only, and none can be set from outside.
    """

    # __qualname__ is a property over _qualname, as for functions.  _state is one of
    # CREATED, SUSPENDED, RUNNING and FINISHED (one slot, not three flags: suspended
    # generators are many, see benchmarks/object_memory.py).
    __slots__ = ("_frame", "_name", "_qualname", "_state", "_saved_handled",
                 "__weakref__")
    _kind_name = "generator"
    _messages_name = "generator"       # how error messages name it (CPython's words)

    def __init__(self, frame, function):
        self._frame = frame
        self._name = function._function_name
        self._qualname = function._qualname
        self._state = CREATED
        # The exception being handled inside, while suspended (or NO_LAYER).
        self._saved_handled = None

    def __repr__(self):
        return "<%s object %s at %#x>" % (self._kind_name, self._qualname, id(self))

    def __del__(self):
        if self._state is not FINISHED:     # (most die finished: no call for them)
            self._finalize()

    def _finalize(self):
        """What CPython does when the object dies or its frame is cleared: close it,
        reporting what closing raises, which nothing can catch."""
        if self._state is CREATED:
            self._state = FINISHED      # what closing one that never ran does
            return
        if self._state is not SUSPENDED:
            return
        try:
            self._close()
        except BaseException as error:
            self._frame.interpreter.report_unraisable(error, self)

    def _resume(self, value=None, exception=None):
        """Run until the next yield (return what it yields) or the end (raise StopIteration)."""
        state = self._state
        frame = self._frame
        # (The frame holds the host generator, not a slot of ours: a suspended generator
        # object is as small as it can be, see benchmarks/object_memory.py.  A generator
        # of translated code made at tier 1 has it from the start: Interpreter.suspendable.)
        translated = frame.translated
        if translated is not None and exception is None \
                and (state is SUSPENDED or state is CREATED and value is None) \
                and not frame.interpreter.instruments:
            # Tier 1's host generator runs the frame (see tier1._resumer_body), linking
            # it to its resumer as it goes on and unlinking it where it stops: sent the
            # value, it runs to the next yield; where the translation leaves the frame
            # (it returned an index, or the guest code raised), tier 0's loop runs it on
            # from there (_after_host_generator).  The generator has its own layer of
            # handled exceptions -- unless its code handles none (NO_LAYER,
            # Interpreter.suspendable): then the layer stays empty, and sys.exception()
            # sees the resumer's exception through it, as it sees it through none.
            self._state = RUNNING
            saved_handled = self._saved_handled
            layered = saved_handled is not NO_LAYER
            if layered:
                interpreter = frame.interpreter
                handled_below = interpreter.handled_below
                handled_below.append(interpreter.handled)
                interpreter.handled = saved_handled
            try:
                try:
                    # next(), which makes no StopIteration when the host generator
                    # ends (it left its outcome in the frame: tier1._left_with).
                    result = next(translated, ENDED) if value is None \
                        else translated.send(value)
                    if result is not ENDED:
                        self._state = SUSPENDED
                        return result
                except StopIteration:
                    pass
                except BaseException as error:
                    if translated.gi_running:
                        # Resumed from inside while a host ``for`` runs it (see
                        # generator_items): the host's "already executing".
                        self._state = SUSPENDED
                        raise
                    frame.translated = error
                translated = None
                return self._after_host_generator(frame)
            finally:
                if layered:
                    self._saved_handled = interpreter.handled
                    interpreter.handled = handled_below.pop()
        if state is RUNNING or self._runs_in_host():
            raise ValueError("%s already executing" % self._messages_name)
        if state is FINISHED:
            return self._resume_finished(exception)
        if translated is not None:
            # Tier 0 raises a thrown exception, or reports a tracer's events, from where
            # the host generator suspended the frame, as it left it there: closed, the
            # host generator writes back to ``fast`` the locals it holds (its handler
            # does, as on any exception: tier1._with_host_locals, _resumer_body).
            frame.translated = None
            translated.close()
            translated = None
            frame.failed_index = -1
        # No stack (None) while not started or suspended with nothing on it: see the end.
        stack = frame.stack
        if state is CREATED:
            if value is not None and exception is None:
                raise TypeError("can't send non-None value to a just-started %s"
                                % self._messages_name)
            # An exception thrown in before the start is raised in the frame all the
            # same, so that the traceback shows it (on the def line, as CPython's).
            if stack is None:
                frame.stack = []
        elif exception is None:
            if stack is None:
                frame.stack = [value]
            else:
                stack.append(value)
        elif stack is None:
            frame.stack = []
        interpreter = frame.interpreter
        if exception is None and interpreter.tier:
            resumer = interpreter.executable_of(frame.f_code).resumer
            if resumer is not None and frame.resume_index in resumer.starts \
                    and not interpreter.instruments:
                # Tier 1 has translated the code: its host generator takes the frame on
                # from where it is (the value sent in on the stack, as for tier 0).
                run_by_host_generator(self, resumer)
                self._state = SUSPENDED
                return self._resume(None)
        if exception is _RESUME_WITHOUT_VALUE:
            exception = None
        self._state = RUNNING
        # While it runs, the frame links back to the frame that resumed it, as in CPython
        # (sys._getframe(1), inspect.currentframe().f_back).
        frame.back = interpreter.running_frame_for(frame.f_code)
        handled_below = interpreter.handled_below
        handled_below.append(interpreter.handled)
        saved_handled = self._saved_handled
        if saved_handled is NO_LAYER:
            saved_handled = None
        interpreter.handled = saved_handled
        if exception is not None and saved_handled is not None:
            # A thrown exception chains to what the generator itself is handling (not
            # to its resumer's), as CPython chains it on entering the generator.
            interpreter.chain_to_handled(exception, replace=True)
        try:
            result = interpreter.run_frame(frame, exception)
        except StopIteration as error:
            self._state = FINISHED
            raise self._wrap_stop_iteration(error)
        except StopAsyncIteration as error:
            self._state = FINISHED
            if self._kind_name == "async_generator":
                replacement = RuntimeError("async generator raised StopAsyncIteration")
                replacement.__cause__ = error
                raise replacement
            raise
        except BaseException:
            self._state = FINISHED
            raise
        finally:
            frame.back = None
            self._saved_handled = interpreter.handled
            interpreter.handled = handled_below.pop()
        if frame.resume_index < 0:
            self._state = FINISHED
            return self._returned(result)
        self._state = SUSPENDED
        if not frame.stack:
            # A suspended generator holds no empty list: many may wait at once.
            frame.stack = None
        return result

    def _after_host_generator(self, frame):
        """The rest of a resumption of the running ``frame`` whose host generator has
        ended (it left the frame unlinked, and what ended it in
        ``frame.translated``): the frame's return, or tier 0's loop running it on
        from where the translation left it (an index, or the exception its code
        raised), linked to its resumer as the loop runs frames that resume.  What the
        resumption gives: the next value the frame yields, or its end."""
        outcome = frame.translated
        frame.translated = None
        try:
            if type(outcome) is int and outcome == RETURN:
                # The frame's return, which the loop would only finish.
                frame.resume_index = -1
                result = frame.return_value
                frame.return_value = None
            else:
                interpreter = frame.interpreter
                frame.back = interpreter.running_frame()
                try:
                    if type(outcome) is int:
                        result = interpreter.run_frame(frame, None, outcome)
                    else:
                        # (In a list the call empties, as the loop raises it: see
                        # run_frame.)
                        failure = [outcome]
                        outcome = None
                        failure[0].__traceback__ = None
                        result = interpreter.run_frame(frame, failure.pop())
                finally:
                    frame.back = None
        except StopIteration as error:
            self._state = FINISHED
            raise self._wrap_stop_iteration(error)
        except BaseException:
            self._state = FINISHED
            raise
        if frame.resume_index < 0:
            self._state = FINISHED
            return self._returned(result)
        self._state = SUSPENDED
        return result

    def _resume_finished(self, exception):
        if exception is not None and exception is not _RESUME_WITHOUT_VALUE:
            raise exception
        raise StopIteration()

    def _returned(self, value):
        raise StopIteration(value) if value is not None else StopIteration()

    def _wrap_stop_iteration(self, error):
        return _wrapped_stop_iteration(error, self._messages_name)

    def _runs_in_host(self):
        """Whether a host ``for`` runs the frame's host generator now, where the state
        says SUSPENDED (see generator_items)."""
        translated = self._frame.translated
        return type(translated) is HOST_GENERATOR and translated.gi_running

    def _delegate(self):
        """The iterator a ``yield from`` / ``await`` is suspended in, if any."""
        frame = self._frame
        if self._state is not SUSPENDED or self._runs_in_host():
            return None
        if frame.interpreter.suspended_in_send(frame):
            return frame.stack[-1]
        return None

    def _throw(self, kind, value=None, traceback=None):
        if traceback is not None and not isinstance(traceback, (guest_traceback.Traceback,
                                                                types.TracebackType)):
            raise TypeError("throw() third argument must be a traceback object")
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
        if traceback is not None:
            guest_traceback.set_traceback(exception, traceback)
        delegate = self._delegate()
        if delegate is not None:
            if isinstance(exception, GeneratorExit):
                close = getattr(delegate, "close", None)
                if close is not None:
                    try:
                        close()
                    except BaseException as error:
                        return self._resume(None, error)
                return self._resume(None, exception)
            thrower = getattr(delegate, "throw", None)
            if thrower is not None:
                frame = self._frame
                interpreter = frame.interpreter
                # The delegate runs as if called from this generator's frame, as in
                # CPython (its frame's f_back is ours).
                resumer = interpreter.running_frame()
                frame.back = resumer
                interpreter.frame = frame
                self._state = RUNNING
                try:
                    return thrower(exception)
                except StopIteration as stop:
                    interpreter.finish_send(frame, stop.value)
                    exception = _RESUME_WITHOUT_VALUE
                except BaseException as error:
                    exception = error
                finally:
                    if self._state is RUNNING:
                        self._state = SUSPENDED
                    interpreter.frame = resumer
                    frame.back = None
        return self._resume(None, exception)

    def _close(self):
        if self._state is FINISHED:
            return None
        if self._state is CREATED:
            self._state = FINISHED
            return None
        if self._state is SUSPENDED and not self._runs_in_host() \
                and self._ends_at_once_when_closed():
            # The GeneratorExit would leave the frame from where it is suspended, with
            # nothing of the guest's run: the frame ends as it would, with none raised.
            # (Most generators that are closed are closed so: ``any()`` and ``all()``
            # stopping early, a ``for`` broken out of, whose generator dies.)
            frame = self._frame
            self._state = FINISHED
            # (The host generator closes as it goes: its handlers write the locals
            # back, as they are already, and say where the frame failed, which no one
            # asks of a frame that has ended.)
            frame.translated = None
            frame.failed_index = -1
            frame.resume_index = -1
            if frame.stack:
                frame.stack.clear()
            return None
        try:
            self._throw(GeneratorExit)
        except (GeneratorExit, StopIteration) as error:
            # Its host traceback reaches the host frames of whatever dropped the last
            # reference (a handler holding values): the exception may outlive this.
            error.__traceback__ = None
            return None
        raise RuntimeError("%s ignored GeneratorExit" % self._messages_name)

    def _ends_at_once_when_closed(self):
        """Whether closing the suspended frame runs none of its code: GeneratorExit,
        raised where it is suspended, is handled by no ``try`` of its code (no
        ``finally``, no ``with``), no iterator it delegates to must be closed first,
        and no tracer or instrument must see the exception."""
        frame = self._frame
        interpreter = frame.interpreter
        return (not interpreter.instruments and not interpreter.tracing
                and interpreter.find_handler(frame, frame.resume_index - 1) is None
                and not interpreter.suspended_in_send(frame))

    # The attributes CPython names gi_*, cr_* and ag_*, by what they return.
    def _current_frame(self):
        if self._state is FINISHED:
            return None
        frame = self._frame
        # frame.clear() finalizes the generator that owns the frame.
        frame.generator = weakref.ref(self)
        return frame

    def _is_running(self):
        return self._state is RUNNING or self._runs_in_host()

    def _code(self):
        return self._frame.f_code

    def _is_suspended(self):
        return self._state is SUSPENDED and not self._runs_in_host()


# The host code running every resumption that links the frame lazily to a resumer that
# runs with no frame: a walk of the host's stack finds where a generator was resumed by
# it (Interpreter.frames_below_generator), in tier 1's host generators (a resumer, a
# driver: ``PendingGenerator``), whose codes ``register_resuming`` adds.
RESUMING_CODES = set()


def register_resuming(code):
    """Count ``code`` (a host generator's, with the locals ``frame``, ``outer`` and
    ``frameless_resumer`` of tier1._DRIVER_LINK) among those that resume a guest frame."""
    RESUMING_CODES.add(code)


# The builtins and types that iterate what they are given, to its end or to their
# answer, and keep nothing of it: given a generator that nothing else holds, they may
# run its frame through tier 1's driver (``PendingGenerator``).  (Not enumerate, zip or
# map: they keep the iterator, which their __reduce__ shows.)
ITERATING_BUILTINS = frozenset((sum, all, any, min, max, sorted))
ITERATING_TYPES = frozenset((list, tuple, set, frozenset, dict, bytes, bytearray))


class PendingGenerator:
    """What the call of a generator expression's function gives the call it is passed
    to at once (``sum(x for x in y)``: CALL's ``makes_passed_generator`` and
    ``takes_new_generator``), which nothing else sees: the generator to make.  A builtin
    that iterates it alone (``ITERATING_BUILTINS``, ``ITERATING_TYPES``, a string's
    ``join``: see CALL_OF_NEW_GENERATOR) is given the host generator that drives its
    frame (tier 1's driver, see tier1._driver_body), where its code has one: each item
    costs no call of ``_resume``, and no generator object is made, which no guest code
    could have seen (``iter()`` of the driver is itself).  Any other callee is given the
    generator."""

    __slots__ = ("function", "arguments")

    def __init__(self, function, arguments):
        # (Interpreter.passed_generator, on the hot path, sets the two itself.)
        self.function = function
        self.arguments = arguments

    def made(self):
        """The generator."""
        return self.function.interpreter.suspendable(self.function, self.arguments, None)


def go_on_in_tier0(frame, outcome):
    """The rest of a driven frame's run (``PendingGenerator``) in tier 0's loop, from
    where its driver left it: ``outcome``, as ``_resume`` takes a resumer's (an index,
    CALL_FRAME, RETURN, or the exception its code raised).  Yields what the frame
    yields, each resumption done as ``_resume`` does it where tier 0 runs the frame;
    returns what the frame returns, raises what leaves it."""
    interpreter = frame.interpreter
    failure = []
    start = None
    if type(outcome) is int:
        if outcome == RETURN:
            frame.resume_index = -1
            value = frame.return_value
            frame.return_value = None
            return value
        start = outcome
    else:
        # (In a list the call empties, as _resume raises it: see run_frame.)
        failure.append(outcome)
        failure[0].__traceback__ = None
    outcome = None
    while True:
        frame.back = interpreter.running_frame()
        handled_below = interpreter.handled_below
        handled_below.append(interpreter.handled)
        interpreter.handled = None
        try:
            if failure:
                result = interpreter.run_frame(frame, failure.pop())
            else:
                result = interpreter.run_frame(frame, None, start)
        except StopIteration as error:
            raise _wrapped_stop_iteration(error, "generator")
        finally:
            frame.back = None
            interpreter.handled = handled_below.pop()
        if frame.resume_index < 0:
            return result
        start = None
        value = yield result
        if frame.stack is None:
            frame.stack = [value]
        else:
            frame.stack.append(value)


def _wrapped_stop_iteration(error, messages_name):
    """The RuntimeError a StopIteration leaving a generator's frame becomes (PEP 479)."""
    replacement = RuntimeError("%s raised StopIteration" % messages_name)
    replacement.__cause__ = error
    replacement.__context__ = error
    return replacement


class Generator(_Suspendable):
    __slots__ = ()
    _kind_name = "generator"

    def __iter__(self):
        """Implement iter(self)."""
        return self

    def __next__(self):
        """Implement next(self)."""
        # The common resumption, where tier 1's host generator runs the suspended frame
        # (see _resume, which does the rest, and tier1._resumer_body): here, for the
        # host's next() of a guest generator (a for loop's, sum()'s), one host call and
        # the fewest tests.  Not while a tracer or a signal waits for tier 0's loop
        # (LEAVE_TRANSLATED), nor for a frame with its own layer of handled exceptions.
        # The state stays SUSPENDED while the host generator runs (_runs_in_host), as
        # for SEND's and generator_items' resumptions, which are this one written out;
        # the first resumption makes it SUSPENDED so.
        translated = self._frame.translated
        state = self._state
        if translated is not None and (state is SUSPENDED or state is CREATED) \
                and self._saved_handled is NO_LAYER and not LEAVE_TRANSLATED:
            self._state = SUSPENDED
            try:
                result = next(translated, ENDED)
            except BaseException as error:
                return self._host_generator_failed(translated, error)
            if result is ENDED:
                return self._host_generator_ended()
            return result
        return self._resume()

    def _host_generator_failed(self, translated, error):
        """The rest of a resumption that ran the host generator ``translated`` with the
        state left SUSPENDED (see __next__), which ``error`` left: raised again where the
        generator was resumed from inside while it ran (the host's "already executing",
        the frame untouched), else tier 0's loop goes on with the frame from there, as
        _resume's does."""
        if translated.gi_running:
            raise error
        frame = self._frame
        frame.translated = error
        self._state = RUNNING
        return self._after_host_generator(frame)

    def _host_generator_ended(self):
        """The rest of a resumption whose host generator ended (see __next__): what
        ended it, finished as _resume finishes it."""
        self._state = RUNNING
        return self._after_host_generator(self._frame)

    def send(self, value):
        """send(value) -> resume the generator with value as the result of its yield;
        return the next value it yields, or raise StopIteration."""
        return self._resume(value)

    def throw(self, kind, value=None, traceback=None):
        """throw(exception) or throw(type[, value[, traceback]]) -> raise the exception
        in the generator where it is suspended; return the next value it yields, or
        raise StopIteration."""
        return self._throw(kind, value, traceback)

    def close(self):
        """close() -> raise GeneratorExit inside the generator, to finish it."""
        return self._close()

    __name__ = _name_attribute("__name__", lambda self: self._name,
                               lambda self, value: setattr(self, "_name", value),
                               "the name of the generator")
    gi_frame = ReadOnlyAttribute("gi_frame", _Suspendable._current_frame)
    gi_running = ReadOnlyAttribute("gi_running", _Suspendable._is_running)
    gi_code = ReadOnlyAttribute("gi_code", _Suspendable._code, member=True)
    gi_yieldfrom = ReadOnlyAttribute("gi_yieldfrom", _Suspendable._delegate)
    gi_suspended = ReadOnlyAttribute("gi_suspended", _Suspendable._is_suspended)


def generator_items(generator):
    """What a translated ``for`` over the pvm generator ``generator`` iterates (tier1's
    ``_items``): a host generator that runs tier 1's host generator of its frame with
    no call of ``__next__`` between the two (the host's own ``for`` over it), while the
    frame stays in tier 1 and keeps no layer of handled exceptions; else each item
    through ``__next__``.  A chain of generators that each loop over the next (nqueens'
    permutations, a pipeline) pays two host generator resumptions a level a turn, where
    ``__next__`` was a call of a host function and its tests.

    While the host ``for`` runs the host generator, the generator's state stays
    SUSPENDED: that it runs is the host generator's own ``gi_running``, which
    ``_Suspendable`` asks where the state says SUSPENDED (``_runs_in_host``).  What
    ends the host generator (the frame's return, tier 0 going on, an exception of its
    code) is what ``__next__`` finishes: ``_after_host_generator``."""
    frame = generator._frame
    while True:
        translated = frame.translated
        if type(translated) is not HOST_GENERATOR or generator._state is not SUSPENDED \
                or generator._saved_handled is not NO_LAYER or LEAVE_TRANSLATED:
            try:
                value = generator.__next__()
            except StopIteration:
                return
            yield value
            continue
        try:
            try:
                for value in translated:
                    yield value
            except BaseException as error:
                if translated.gi_frame is not None:
                    # Not the host generator's end: thrown in at the yield above (the
                    # loop that iterated this was dropped), the frame left suspended.
                    raise
                value = generator._host_generator_failed(translated, error)
            else:
                if type(frame.translated) is HOST_GENERATOR or frame.translated is None:
                    # A resumption other than this one's ended it, and finished what
                    # ended it (a ``next()`` of it in the loop's body): go on as that
                    # left it.
                    continue
                value = generator._host_generator_ended()
        except StopIteration:
            return
        yield value


class Coroutine(_Suspendable):
    __slots__ = ("_origin",)
    _kind_name = "coroutine"
    _messages_name = "coroutine"

    def __init__(self, frame, function):
        super().__init__(frame, function)
        interpreter = frame.interpreter
        depth = interpreter.coroutine_origin_depth
        # (The running frame: made now if the caller runs with none, tier 1's.)
        self._origin = _origin_of(interpreter.running_frame(), depth) if depth else None

    def __await__(self):
        """Return an iterator to be used in await expression."""
        return _CoroutineWrapper(self)

    def send(self, value):
        """send(value) -> resume the coroutine with value sent into coroutine; return
        the next value it passes out, or raise StopIteration."""
        return self._resume(value)

    def throw(self, kind, value=None, traceback=None):
        """throw(exception) or throw(type[, value[, traceback]]) -> raise the exception
        in coroutine where it is suspended; return the next value it passes out, or
        raise StopIteration."""
        return self._throw(kind, value, traceback)

    def close(self):
        """close() -> raise GeneratorExit inside coroutine, to finish it."""
        return self._close()

    def _resume_finished(self, exception):
        raise RuntimeError("cannot reuse already awaited coroutine")

    def _finalize(self):
        if self._state is CREATED:
            # CPython warns, and leaves the coroutine as it was (it can still run).
            self._frame.interpreter.warn_never_awaited(self)
            return
        super()._finalize()

    __name__ = _name_attribute("__name__", lambda self: self._name,
                               lambda self, value: setattr(self, "_name", value),
                               "the name of the coroutine")
    cr_frame = ReadOnlyAttribute("cr_frame", _Suspendable._current_frame)
    cr_running = ReadOnlyAttribute("cr_running", _Suspendable._is_running)
    cr_code = ReadOnlyAttribute("cr_code", _Suspendable._code, member=True)
    cr_await = ReadOnlyAttribute("cr_await", _Suspendable._delegate)
    cr_suspended = ReadOnlyAttribute("cr_suspended", _Suspendable._is_suspended)
    cr_origin = ReadOnlyAttribute("cr_origin", lambda self: self._origin, member=True)


def _origin_of(frame, depth):
    """cr_origin: (file, line, function) of the frames that created a coroutine,
    innermost first, at most ``depth`` of them (sys.set_coroutine_origin_tracking_depth)."""
    origin = []
    while frame is not None and len(origin) < depth:
        code = frame.f_code
        origin.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return tuple(origin)


class _CoroutineWrapper(metaclass=BuiltinType):
    """What ``coroutine.__await__()`` returns: an iterator over the coroutine."""

    __slots__ = ("_coroutine",)

    def __init__(self, coroutine):
        self._coroutine = coroutine

    def __iter__(self):
        """Implement iter(self)."""
        return self

    def __next__(self):
        """Implement next(self)."""
        return self._coroutine._resume(None)

    def send(self, value):
        """send(value) -> send value into the coroutine; return the next value it
        passes out, or raise StopIteration."""
        return self._coroutine._resume(value)

    def throw(self, kind, value=None, traceback=None):
        """throw(exception) or throw(type[, value[, traceback]]) -> raise the exception
        in the coroutine; return the next value it passes out, or raise StopIteration."""
        return self._coroutine._throw(kind, value, traceback)

    def close(self):
        """close() -> raise GeneratorExit inside the coroutine, to finish it."""
        return self._coroutine._close()


class _ResumeWithoutValue(BaseException):
    """Marks a resume whose value the interpreter has already placed on the stack."""


_RESUME_WITHOUT_VALUE = _ResumeWithoutValue()


class AsyncGeneratorValue:
    """A value an async generator yields (as opposed to an await inside it suspending)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class AsyncGenerator(_Suspendable):
    __slots__ = ()
    _kind_name = "async_generator"
    _messages_name = "async generator"
    # types.AsyncGeneratorType[T], as CPython's (generators and coroutines have none).
    __class_getitem__ = classmethod(types.GenericAlias)

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

    def _finalize(self):
        # CPython hands a dying async generator to the event loop's finalizer
        # (sys.set_asyncgen_hooks), which pvm does not call yet; closing it here
        # instead would run its awaits outside any loop.
        pass

    def _resume_finished(self, exception):
        if exception is not None and exception is not _RESUME_WITHOUT_VALUE:
            raise exception
        raise StopAsyncIteration()

    def _returned(self, value):
        raise StopAsyncIteration()

    __name__ = _name_attribute("__name__", lambda self: self._name,
                               lambda self, value: setattr(self, "_name", value),
                               "the name of the async generator")
    ag_frame = ReadOnlyAttribute("ag_frame", _Suspendable._current_frame)
    ag_running = ReadOnlyAttribute("ag_running", _Suspendable._is_running, member=True)
    ag_code = ReadOnlyAttribute("ag_code", _Suspendable._code, member=True)
    ag_await = ReadOnlyAttribute("ag_await", _Suspendable._delegate)


class _AsyncGeneratorStep(metaclass=BuiltinType):
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
                return self._step(lambda: generator._resume(
                    self.argument if value is None else value))
            if self.action == "throw":
                return self._step(lambda: generator._throw(*self.argument))
            return self._close_step(lambda: generator._throw(GeneratorExit))
        if self.action == "close":
            return self._close_step(lambda: generator._resume(value))
        return self._step(lambda: generator._resume(value))

    def throw(self, *arguments):
        generator = self.generator
        if self.action == "close":
            return self._close_step(lambda: generator._throw(*arguments))
        return self._step(lambda: generator._throw(*arguments))

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
        if generator._state is FINISHED or generator._state is CREATED:
            generator._state = FINISHED
            raise StopIteration()
        try:
            result = run()
        except (GeneratorExit, StopAsyncIteration, StopIteration):
            raise StopIteration()
        if isinstance(result, AsyncGeneratorValue):
            raise RuntimeError("async generator ignored GeneratorExit")
        return result


def new_generator(frame, function, saved_handled=None):
    """``Generator(frame, function)``, made without the class's call (its
    ``_saved_handled`` given: NO_LAYER for one that tier 1 runs, of code that handles
    no exception).  The assignments of ``_Suspendable.__init__``, written out: a call
    to it (or to a helper both use) made a loop that only makes generators 4-8% slower
    at tier 1."""
    generator = _new_object(Generator)
    generator._frame = frame
    generator._name = function._function_name
    generator._qualname = function._qualname
    generator._state = CREATED
    generator._saved_handled = saved_handled
    return generator


SUSPENDABLE_CLASSES = {CO_GENERATOR: Generator, CO_COROUTINE: Coroutine,
                       CO_ASYNC_GENERATOR: AsyncGenerator}


# The names CPython gives these types, which error messages and reprs show.
for _class, _name in ((Function, "function"), (Generator, "generator"),
                      (Coroutine, "coroutine"), (AsyncGenerator, "async_generator"),
                      (_CoroutineWrapper, "coroutine_wrapper")):
    set_in_class(_class, __name__=_name, __qualname__=_name, __reduce_ex__=refuse_pickling,
                 __reduce__=refuse_pickling)
    # Function's class attribute __module__ is the property of its instances' module.
    if _class is not Function:
        set_in_class(_class, __module__="builtins")
del _class, _name

# Only a string, never deleted, as CPython's setters check; with CPython's docstrings.
for _class, _doc in ((Function, None), (Generator, "qualified name of the generator"),
                     (Coroutine, "qualified name of the coroutine"),
                     (AsyncGenerator, "qualified name of the async generator")):
    put_in_class(_class, "__qualname__", _name_attribute(
        "__qualname__", operator.attrgetter("_qualname"),
        lambda self, value: setattr(self, "_qualname", value), _doc))
del _class, _doc
