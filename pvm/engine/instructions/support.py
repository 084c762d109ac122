"""Helpers of the instruction definitions: what a body calls, the objects it pushes, and
the tables the decode-time names ``binary_function`` and ``compare_function`` index.

They live here, at module level, because bodies may not define functions (see
``define``); the generated code imports them from here.
"""

# operator.py's functions are _operator's: taken from there, start-up does without
# importing operator.py (0.2 ms).
import _operator as operator

from pvm import opcodes
from pvm.code import instruction_words
from pvm.engine import guest_traceback
from pvm.engine.objects import Coroutine, Function, Generator


class _Null:
    """What LOAD_METHOD pushes in place of self when the callable is already bound."""

    __slots__ = ()

    def __repr__(self):
        return "<NULL>"


NULL = _Null()

# What a zero-argument super() call makes its object with (CALL_ZERO_ARGUMENT_SUPER):
# the host's, which the world's super subclasses.
SUPER_NEW = super.__new__
SUPER_INIT = super.__init__

# What a namespace lookup (``lookup``) returns for a missing name.
MISSING = object()

# pvm's own generators and coroutines, which SEND resumes directly.
RESUMABLE = frozenset({Generator, Coroutine})


# -- decode-time tests -------------------------------------------------------------------

_CALL_1 = opcodes.BY_NAME["CALL"].number | 1 << 8
_GET_ITER = opcodes.BY_NAME["GET_ITER"].number
_FOR_ITER = opcodes.BY_NAME["FOR_ITER"].number


def zero_argument_super_cell(code, operand):
    """For a call of ``operand`` arguments in ``code`` (CALL's ``super_class_cell``):
    where a call of none in a method that may call super() (code with a first
    parameter, not a cell, and a ``__class__`` cell) finds ``__class__`` among the
    frame's cells; -1 for any other call."""
    if operand or not code.co_argcount or "__class__" not in code.co_freevars \
            or code.co_varnames[0] in code.co_cellvars:
        return -1
    return len(code.co_cellvars) + code.co_freevars.index("__class__")


def passes_new_generator(code, index):
    """Whether the call at ``index`` (CALL's ``takes_new_generator``) has for its one
    argument what the call before it made of an iterator just taken (``GET_ITER``,
    ``CALL 1``): a comprehension's value, which is the generator of a generator
    expression (``sum(x for x in y)``) that nothing else holds -- unless a jump lands
    between, bringing a value from elsewhere."""
    words = instruction_words(code.co_code)
    if not (2 <= index < len(words) and words[index] == words[index - 1] == _CALL_1
            and words[index - 2] & 0xFF == _GET_ITER):
        return False
    return _reached_in_order(code, words, (index - 1, index))


def passes_generator_to_loop(code, index):
    """Whether what the call at ``index`` returns (CALL's ``makes_iterated_generator``)
    is the iterable of a ``for`` loop (``GET_ITER``, ``FOR_ITER`` next), which nothing
    but the loop holds then -- unless a jump lands at the GET_ITER, bringing a value
    from elsewhere."""
    words = instruction_words(code.co_code)
    if not (index + 2 < len(words) and words[index + 1] & 0xFF == _GET_ITER
            and words[index + 2] & 0xFF == _FOR_ITER):
        return False
    return _reached_in_order(code, words, (index + 1,))


_LOAD_METHOD = opcodes.BY_NAME["LOAD_METHOD"].number

# The names of the builtin types' methods (and math's functions): a call of a method
# so named (``items.append(x)``, ``math.sqrt(x)``) is most likely a builtin's.  Special
# names are left out: called by name (``super().__init__(x)``), they are mostly a guest
# class's, and a builtin type's is a slot wrapper, no builtin function, anyway.
_BUILTIN_METHOD_NAMES = frozenset(
    name for namespace in (list, dict, set, frozenset, str, bytes, bytearray, tuple, int,
                           float, complex, range, memoryview, __import__("math"))
    for name in dir(namespace) if not name.startswith("__"))


def calls_guest_method(code, index, operand):
    """Whether the call at ``index`` (CALL_METHOD's ``guest_method_likely``, of
    ``operand`` arguments) most likely calls a method of a guest class: its LOAD_METHOD,
    found back across the straight code that computes the arguments, names no builtin
    type's method (``self.update(x)``, not ``items.append(x)``).  A guess, which only
    orders the call's tests: code with a jump among the arguments is not looked into,
    and nothing looks for jumps from elsewhere landing there (a scan of the whole code
    at each call decoded made ``pvm -c pass`` some 4% slower)."""
    words = instruction_words(code.co_code)
    # Walking back from the call: ``above`` counts the values the arguments still
    # hold above the (method, NULL) pair, which LOAD_METHOD pushed.
    above = operand
    position = index
    while above > 0:
        position -= 1
        if position < 0:
            return False
        word = words[position]
        opcode = word & 0xFF
        if opcode in opcodes.HAS_JUMP:
            return False
        pops, pushes = opcodes.OPCODES[opcode].stack_effect(word >> 8)
        above += pops - pushes
    load = position - 1
    if above or load < 0 or words[load] & 0xFF != _LOAD_METHOD:
        return False
    name = code.co_names[words[load] >> 8]
    return name.startswith("__") or name not in _BUILTIN_METHOD_NAMES


def _reached_in_order(code, words, indices):
    """Whether no jump, and no exception handler, lands at any of ``indices``."""
    return not any(word & 0xFF in opcodes.HAS_JUMP and word >> 8 in indices
                   for word in words) \
        and not any(entry[2] in indices for entry in code.co_exceptiontable)


# -- operator tables -----------------------------------------------------------------------

# BINARY_OP's operand indexes these (pvm.opcodes.BINARY_OPERATORS, then the in-place forms).
BINARY_FUNCTIONS = (
    operator.add, operator.and_, operator.floordiv, operator.lshift, operator.matmul,
    operator.mul, operator.mod, operator.or_, operator.pow, operator.rshift, operator.sub,
    operator.truediv, operator.xor,
    operator.iadd, operator.iand, operator.ifloordiv, operator.ilshift, operator.imatmul,
    operator.imul, operator.imod, operator.ior, operator.ipow, operator.irshift,
    operator.isub, operator.itruediv, operator.ixor,
)
# COMPARE_OP's operand indexes these (pvm.opcodes.COMPARE_OPERATORS).
COMPARE_FUNCTIONS = (operator.lt, operator.le, operator.eq, operator.ne, operator.gt,
                     operator.ge)


# -- names and attributes --------------------------------------------------------------------

def load_global_error(name):
    return NameError("name '%s' is not defined" % name, name=name)


def unbound_local(name):
    return UnboundLocalError(
        "cannot access local variable '%s' where it is not associated with a value" % name)


def unbound_free(name):
    return NameError("cannot access free variable '%s' where it is not associated with a "
                     "value in enclosing scope" % name, name=name)


def lookup(namespace, name):
    """``namespace[name]``, or MISSING when that raises KeyError (a namespace that is not
    a dict: a class body's, from __prepare__)."""
    try:
        return namespace[name]
    except KeyError:
        return MISSING


TYPE_NEW = type.__new__

# The type of the host's built-in functions and of its objects' built-in methods
# (``len``, ``[].append``), which CALL calls first.
BUILTIN = type(len)
# What makes the instances of a class whose __init__ the loop may run itself (see
# guest_init); no built-in class but object has it, so CALL asks guest_init only of
# classes that do (a host-level call less for every int(), list() or range()).
OBJECT_NEW = object.__new__


def init_returned(value):
    """The error of an ``__init__`` that returned ``value``, not None."""
    return TypeError("__init__() should return None, not '%s'" % type(value).__name__)


def with_module_named(arguments, position, frame):
    """The arguments of ``type(name, bases, namespace)`` (or of ``type.__new__``, the
    namespace at ``position``) called from the guest ``frame``, with ``__module__`` in a
    copy of the namespace if it has none: CPython's type_new names the module of the
    running frame's globals, which for pvm's host code are pvm's own, not the guest's.
    (type_new copies the namespace too: the caller's dict stays as it was.)"""
    if len(arguments) != position + 1:
        return arguments
    namespace = arguments[position]
    if type(namespace) is not dict or "__module__" in namespace:
        return arguments
    module_name = frame.f_globals.get("__name__")
    if module_name is None:
        return arguments
    namespace = dict(namespace)
    namespace["__module__"] = module_name
    return tuple(arguments[:position]) + (namespace,)


def guest_init(cls):
    """The guest ``__init__`` that calling the class ``cls`` runs, when the call does
    nothing else: the class's metaclass is ``type`` (the caller checks), its
    ``__new__`` is object's and its ``__init__`` a plain guest function.  Else None: the
    host's ``type.__call__`` makes the instance, and calls ``__init__`` from the host."""
    if cls.__new__ is not OBJECT_NEW:
        return None
    # Read on the class, a guest function's __get__ gives the function itself: in the
    # host's C code once code is hot (pvm.engine.method_binding), where this read costs
    # a third of one in the class's __dict__ (a mapping proxy made for each call).
    init = cls.__init__
    if type(init) is Function and not init.kind:
        return init
    return None



def exception_group_method(name):
    """``group.split`` / ``group.subgroup`` for guest code: the host's methods only take
    host functions as the condition, so a pvm function is handed over wrapped in one."""
    builtin = getattr(BaseExceptionGroup, name)

    def reader(exception):
        method = getattr(exception, name)
        if (not isinstance(exception, BaseExceptionGroup)
                or getattr(type(exception), name) is not builtin):
            return method

        def call(condition):
            if isinstance(condition, Function):
                guest_condition = condition

                def condition(exception):
                    return guest_condition(exception)
            result = method(condition)
            # The host copies __traceback__ to the groups it derives; the guest's lives
            # beside it.
            for derived in (result if name == "split" else (result,)):
                guest_traceback.copy_group_tracebacks(exception, derived)
            return result
        call.__name__ = call.__qualname__ = name
        return call
    return reader


# Attributes of exceptions that guest code must see differently from host code: with
# guest frames in their tracebacks, or taking guest functions.
EXCEPTION_ATTRIBUTE_READERS = {
    "__traceback__": guest_traceback.traceback_of,
    "with_traceback": guest_traceback.with_traceback_method,
    "split": exception_group_method("split"),
    "subgroup": exception_group_method("subgroup"),
}


# Attributes through which guest code could reach the host, not its own world: a host
# function's globals, closure and code, the host frame of a host generator or traceback,
# a builtin's module (the host's), pvm's own objects behind a guest frame or function,
# the raw lookups and class listings that lead to those, and ``type.__setattr__`` and
# ``__delattr__``, which change the classes all worlds share past their metaclass.
# Their loads, stores and deletions run behind the world's attribute guard
# (``Interpreter.attribute_guard``, pvm.world.guard), where it has one; code that names
# none of them pays nothing.
GUARDED_ATTRIBUTES = frozenset((
    "__globals__", "__closure__", "__code__", "__builtins__", "__defaults__",
    "__kwdefaults__", "__self__", "__dict__", "__getattribute__", "__get__",
    "__subclasses__", "__setattr__", "__delattr__", "f_back", "tb_frame", "gi_frame",
    "cr_frame", "ag_frame", "gi_code", "cr_code", "ag_code", "interpreter", "executable",
    "translated",
))

# The names of the special methods the host's C code calls (``__add__``, ``__call__``,
# ``__getitem__`` ...): those of its built-in types' slots.
SPECIAL_METHOD_NAMES = frozenset(
    name for kind in (object, type, int, float, complex, str, bytes, list, tuple, dict, set,
                      BaseException, property, staticmethod, classmethod, range, slice)
    for name, value in vars(kind).items()
    if name[:2] == "__" == name[-2:] and callable(value)) | {
    "__enter__", "__exit__", "__aenter__", "__aexit__", "__await__", "__aiter__",
    "__anext__", "__set_name__", "__init_subclass__", "__class_getitem__", "__missing__",
    "__length_hint__", "__fspath__", "__bytes__", "__round__", "__trunc__", "__floor__",
    "__ceil__", "__index__", "__instancecheck__", "__subclasscheck__", "__prepare__",
    "__next__", "__del__", "__getattr__", "__matmul__", "__rmatmul__", "__imatmul__",
    "__ipow__", "__ilshift__", "__irshift__", "__imod__", "__itruediv__", "__ifloordiv__"}


def public_names(module):
    """What ``from module import *`` binds when the module has no __all__."""
    return [key for key in module.__dict__ if not key.startswith("_")]


# -- containers and calls ------------------------------------------------------------------

def function_description(function):
    """How CPython's messages name a callable (_PyObject_FunctionStr): its qualified name
    and "()", else its str()."""
    qualname = getattr(function, "__qualname__", None)
    if qualname is None:
        return str(function)
    module = getattr(function, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return "%s.%s()" % (module, qualname)
    return "%s()" % qualname


def star_arguments(function, arguments):
    """``tuple(arguments)`` for ``function(*arguments)``, with CPython's message when
    ``arguments`` is not iterable."""
    try:
        return tuple(arguments)
    except TypeError:
        if not (hasattr(type(arguments), "__iter__")
                or hasattr(type(arguments), "__getitem__")):
            raise TypeError("%s argument after * must be an iterable, not %s"
                            % (function_description(function),
                               type(arguments).__name__)) from None
        raise


def star_keywords(function, keywords):
    """A dict of ``keywords`` (not a dict) for ``function(**keywords)``, with CPython's
    message when it is not a mapping."""
    if not hasattr(keywords, "keys"):
        raise TypeError("%s argument after ** must be a mapping, not %s"
                        % (function_description(function), type(keywords).__name__))
    return dict(keywords)


def unpack_items(sequence, count):
    try:
        iterator = iter(sequence)
    except TypeError:
        raise TypeError("cannot unpack non-iterable %s object" % type(sequence).__name__) \
            from None
    items = []
    for item in iterator:
        items.append(item)
        if len(items) > count:
            raise ValueError("too many values to unpack (expected %d)" % count)
    if len(items) < count:
        raise ValueError("not enough values to unpack (expected %d, got %d)"
                         % (count, len(items)))
    return items


# -- exceptions ------------------------------------------------------------------------------

def as_exception(value, what="exceptions"):
    if isinstance(value, type) and issubclass(value, BaseException):
        instance = value()
        if not isinstance(instance, BaseException):
            raise TypeError("calling %r should have returned an instance of BaseException, "
                            "not %s" % (value, type(instance).__name__))
        return instance
    if isinstance(value, BaseException):
        return value
    raise TypeError("%s must derive from BaseException" % what)


def check_except_type(kind):
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for item in kinds:
        if not (isinstance(item, type) and issubclass(item, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException "
                            "is not allowed")




# -- pattern matching ------------------------------------------------------------------------

# The type flags CPython's MATCH_SEQUENCE and MATCH_MAPPING test.  The host sets them
# on the guest's classes too: on list, dict and the like, on classes that derive from
# one of those or from the guest's collections.abc.Sequence or Mapping (the host's _abc
# reads their __abc_tpflags__), and on classes registered with those ABCs.
TPFLAGS_SEQUENCE = 1 << 5
TPFLAGS_MAPPING = 1 << 6


def match_keys(subject, keys):
    """The values of ``keys`` in ``subject``, or None if one is missing."""
    if not keys:
        return ()
    # get(key, default) tells a missing key from any value in one call, and does not
    # make a defaultdict create the key.
    getter = subject.get
    missing = object()
    seen = set()
    values = []
    for key in keys:
        if key in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
        seen.add(key)
        value = getter(key, missing)
        if value is missing:
            return None
        values.append(value)
    return tuple(values)


SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)


def match_class(subject, kind, positional_count, names):
    if not isinstance(kind, type):
        raise TypeError("called match pattern must be a class")
    if not isinstance(subject, kind):
        return None
    attributes = []
    seen = set()
    if positional_count:
        match_args = getattr(kind, "__match_args__", None)
        if match_args is None:
            if any(issubclass(kind, builtin) for builtin in SELF_MATCHING) and \
                    kind.__dict__.get("__match_args__") is None:
                if positional_count > 1:
                    raise TypeError("%s() accepts 1 positional sub-pattern (%d given)"
                                    % (kind.__name__, positional_count))
                attributes.append(subject)
                positional_names = ()
            else:
                positional_names = ()
                raise TypeError("%s() accepts 0 positional sub-patterns (%d given)"
                                % (kind.__name__, positional_count))
        else:
            if not isinstance(match_args, tuple):
                raise TypeError("%s.__match_args__ must be a tuple (got %s)"
                                % (kind.__name__, type(match_args).__name__))
            if positional_count > len(match_args):
                raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                                % (kind.__name__, len(match_args),
                                   "" if len(match_args) == 1 else "s", positional_count))
            positional_names = match_args[:positional_count]
        for name in positional_names:
            if not isinstance(name, str):
                raise TypeError("__match_args__ elements must be strings (got %s)"
                                % type(name).__name__)
            if name in seen:
                raise TypeError("%s() got multiple sub-patterns for attribute %r"
                                % (kind.__name__, name))
            seen.add(name)
            try:
                attributes.append(getattr(subject, name))
            except AttributeError:
                return None
    for name in names:
        if name in seen:
            raise TypeError("%s() got multiple sub-patterns for attribute %r"
                            % (kind.__name__, name))
        seen.add(name)
        try:
            attributes.append(getattr(subject, name))
        except AttributeError:
            return None
    return tuple(attributes)
