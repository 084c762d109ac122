"""What keeps a restricted world's guest (``World(imports=..., files=...)``) from reaching
the host through attributes.

Guest objects are host objects, and the functions and classes pvm writes in Python are
host functions and classes: ``print.__globals__`` would be the globals of pvm's module
that made it, with the host's ``sys`` in them; ``len.__self__`` the host's builtins
module, whose ``__import__`` imports anything; ``type(f).__repr__.__globals__`` (``f``
a guest function, whose class is pvm's) a pvm module; ``frame.interpreter`` pvm's
interpreter, from which the world and its allow-lists are a few attributes away; and
``object.__subclasses__()`` pvm's ``World`` class, or the host's ``subprocess.Popen``;
and a class that is not the guest's (pvm's, or one of the host's library) is shared
with the host and every other world, so the guest may not change it.

The attributes that lead there are few (``support.GUARDED_ATTRIBUTES``), and the
engine runs the guest's loads, stores and deletions of them (and only of them) through
``AttributeGuard``; so do the guest's ``getattr``, ``hasattr``, ``setattr``,
``delattr`` and ``vars``, and the raw lookups the guarded attributes give
(``object.__getattribute__``, a descriptor's ``__get__``, a class's
``__subclasses__``, ``type.__setattr__`` and ``__delattr__``).  The guard gives what
CPython would where it can (a builtin's ``__self__`` is the guest's builtins module;
``print.__globals__`` does not exist, as in CPython, whose print has none) and an
AttributeError where the host's object would come out.  A guest function's own
``__globals__``, ``__code__`` and ``__closure__`` are the guest's, and pass.

The guest's ``gc`` (where the world allows it) lists, and gives the referrers and
referents of, the guest's objects only (``adapt_gc``): those it reaches from its
modules and running frames without passing through the host's.

The host's C code that reads attributes by name for the guest is not guarded
(``str.format``'s fields, which give text), except ``operator.attrgetter`` and
``methodcaller``, which the guest gets in Python (``adapt_operator``).  pvm's classes
refuse assignments themselves (their metaclass, ``pvm.code.BuiltinType``, as CPython's
built-in types do); the guard refuses those that pass it (``type.__setattr__``) and
the guest's ``setattr`` and ``delattr`` of a host class.  A plain assignment to an
attribute of a class of the host's library the guest holds (``C.x = 1``, where the
host's importlib gave ``C``) is not checked: the engine guards the names above only.
"""

import builtins as host_builtins
import gc as host_gc
import sys as host_sys
import types
import weakref

from pvm.code import BuiltinType, type_name
from pvm.engine.frames import Frame
from pvm.engine.instructions.support import GUARDED_ATTRIBUTES
from pvm.engine.objects import Function
from pvm.world.guest_sys import current_guest_frames

# What a host function (one pvm or the host's library wrote in Python) keeps of its
# place: none of it is the guest's.
_FUNCTION_PARTS = frozenset(("__globals__", "__closure__", "__code__", "__builtins__",
                             "__defaults__", "__kwdefaults__"))
# pvm's attributes of its guest frames and functions, which CPython's lack.
_PVM_ONLY = frozenset(("interpreter", "executable", "translated"))
# The entries of a host class's namespace the guest does not see (``vars(type(print))``
# would give ``__globals__``'s descriptor); ``__dict__``'s stays, behind ``__get__``.
_HIDDEN_ENTRIES = GUARDED_ATTRIBUTES - {"__dict__"}
_DESCRIPTOR_TYPES = (types.GetSetDescriptorType, types.MemberDescriptorType,
                     types.WrapperDescriptorType, types.MethodDescriptorType,
                     types.ClassMethodDescriptorType)
_SLOT_WRAPPER = types.WrapperDescriptorType
_CLASS_CHANGERS = {"__setattr__": type.__dict__["__setattr__"],
                   "__delattr__": type.__dict__["__delattr__"]}
_BOUND_SLOT = types.MethodWrapperType
_HEAP_TYPE = 1 << 9          # Py_TPFLAGS_HEAPTYPE: a class made by a class statement
_PROXY_TYPES = (weakref.ProxyType, weakref.CallableProxyType)
# A class's own namespace, flags, name and module, read past its metaclass (whose
# __getattribute__ is guest code, which may ask the guard again).
_CLASS_NAMESPACE = type.__dict__["__dict__"].__get__
_CLASS_FLAGS = type.__dict__["__flags__"].__get__
_CLASS_NAME = type.__dict__["__name__"].__get__
_CLASS_MODULE = type.__dict__["__module__"].__get__
_MODULE_NAMESPACE = types.ModuleType.__dict__["__dict__"].__get__
# Objects of these types are the host's, and what only they reach (a host function's
# globals, a host frame's locals, a host generator's frame).
_HOST_OBJECT_TYPES = frozenset((types.FunctionType, types.MethodType, types.FrameType,
                                types.CodeType, types.GeneratorType))
# What may wrap a host function in a class's namespace.
_FUNCTION_HOLDERS = {staticmethod: "__func__", classmethod: "__func__", property: "fget"}


def _refused(owner, name):
    return AttributeError("'%s' object has no attribute '%s'" % (type(owner).__name__, name))


def _is_host_function(value):
    kind = type(value)
    if kind in _PROXY_TYPES:
        # A weak proxy forwards attribute reads to what it refers to.
        kind = value.__class__
    if kind is types.MethodType:
        kind = type(value.__func__)
    return kind is types.FunctionType


def _exact_name(name):
    """The attribute name a host lookup will use: a str subclass's own hash and
    equality must not hide a guarded name from the check."""
    return str.__add__(name, "") if type(name) is not str and isinstance(name, str) else name


def _is_pvm_module(name):
    return isinstance(name, str) and (name == "pvm" or name.startswith("pvm."))


class AttributeGuard:
    """One restricted world's checks of the attributes its guest reads and changes."""

    def __init__(self, world):
        self.world = world

    def install(self):
        """Guard the engine's attribute instructions and the guest's builtins."""
        self.world.interpreter.attribute_guard = self
        namespace = self.world.builtins.__dict__
        for function in (self._getattr(), self._hasattr(),
                         self._changer(host_builtins.setattr),
                         self._changer(host_builtins.delattr), self._vars()):
            function.__module__ = "builtins"
            function.__qualname__ = function.__name__
            namespace[function.__name__] = function

    def adapt_operator(self, module):
        """The guest's copy of ``_operator`` without attrgetter and methodcaller, whose
        C code reads attributes by name: operator.py keeps its own, written in Python,
        which read them through the guest's getattr."""
        for name in ("attrgetter", "methodcaller"):
            module.__dict__.pop(name, None)

    # -- what the engine calls ----------------------------------------------------------

    def load(self, owner, name):
        return self.checked(owner, name, getattr(owner, name))

    def store(self, owner, name, value):
        self._check_change(owner, name)
        setattr(owner, name, value)

    def delete(self, owner, name):
        self._check_change(owner, name)
        delattr(owner, name)

    def _check_change(self, owner, name):
        if (name in _FUNCTION_PARTS and _is_host_function(owner)) \
                or (name in _PVM_ONLY and type(owner) in (Frame, Function)):
            raise _refused(owner, name)
        if isinstance(owner, type):
            self._check_class_change(owner, name)

    def _check_class_change(self, cls, name):
        """A class the guest did not make (pvm's, the host library's) is every world's:
        the guest changes it as CPython's built-in types are changed, not at all.  (The
        host refuses to change its C types itself.)"""
        if _CLASS_FLAGS(cls) & _HEAP_TYPE and self._is_shared_class(cls):
            raise TypeError("cannot set %r attribute of immutable type '%s'"
                            % (name, type_name(cls)))

    def _is_shared_class(self, cls):
        """Whether ``cls`` is pvm's, or a class of a module of the host's library that
        is not the guest's copy.  (Not ``is_host_class``: a guest class that holds one
        of pvm's builtins is still the guest's to change.)"""
        if isinstance(cls, BuiltinType):
            return True
        module_name = _CLASS_NAMESPACE(cls).get("__module__")
        if type(module_name) is not str:
            return False
        if _is_pvm_module(module_name):
            return True
        name = _CLASS_NAME(cls)
        # (Read past a module's __getattr__, which may be the guest's.)
        guest_module = self.world.modules.get(module_name)
        if guest_module is not None \
                and _MODULE_NAMESPACE(guest_module).get(name) is cls:
            return False
        host_module = host_sys.modules.get(module_name)
        return host_module is not None and _MODULE_NAMESPACE(host_module).get(name) is cls

    # -- the policy -----------------------------------------------------------------------

    def checked(self, owner, name, value):
        """``value``, which is ``owner``'s attribute ``name``, as the guest may see it."""
        if name in _FUNCTION_PARTS:
            if _is_host_function(owner):
                raise _refused(owner, name)
        elif name in _PVM_ONLY:
            if type(owner) in (Frame, Function):
                raise _refused(owner, name)
        elif name == "__dict__":
            if type(owner) is Frame:
                raise _refused(owner, name)
            if issubclass(type(owner), type) and self.is_host_class(owner):
                return types.MappingProxyType(
                    {key: item for key, item in value.items() if key not in _HIDDEN_ENTRIES})
        elif name == "__getattribute__":
            return self._checked_lookup(value)
        elif name == "__get__":
            return self._checked_get(owner, value)
        elif name == "__subclasses__":
            return self._checked_subclasses(value)
        elif name in _CLASS_CHANGERS:
            return self._checked_class_changer(name, value)
        return self._checked_value(owner, name, value)

    def _checked_value(self, owner, name, value):
        kind = type(value)
        if issubclass(kind, types.ModuleType):
            modules = self.world.modules
            namesake = modules.get(getattr(value, "__name__", None))
            if namesake is value:
                return value
            # A builtin's module is the host's; the guest's copy is CPython's answer.
            if name == "__self__" and namesake is not None:
                return namesake
            raise _refused(owner, name)
        if kind is types.FrameType or kind is types.CodeType:
            raise _refused(owner, name)
        if _is_pvm_module(getattr(kind, "__module__", None)) \
                and kind.__module__ != "pvm.engine.objects":
            # pvm's own machinery (a world, an interpreter, a decoded code object); the
            # classes of guest objects pvm makes call themselves builtins.
            raise _refused(owner, name)
        return value

    def is_host_class(self, cls):
        """Whether ``cls`` is the host's (a C type, or a class pvm or the host's
        library made), not a class the guest made."""
        namespace = _CLASS_NAMESPACE(cls)
        if not _CLASS_FLAGS(cls) & _HEAP_TYPE or _is_pvm_module(namespace.get("__module__")):
            return True
        for item in namespace.values():
            holder = _FUNCTION_HOLDERS.get(type(item))
            if _is_host_function(getattr(item, holder) if holder else item):
                return True
        return False

    def visible_subclass(self, cls):
        """Whether ``__subclasses__`` shows ``cls`` to the guest: not pvm's own classes,
        nor the host's Python classes, nor a class of a host module the world has
        another of (the host's FileIO, where the world's checks the files)."""
        module_name = _CLASS_NAMESPACE(cls).get("__module__")
        if type(module_name) is not str:
            # A C type's module is in its name ("_io.FileIO").
            module_name = _CLASS_MODULE(cls)
        if _is_pvm_module(module_name):
            return False
        name = _CLASS_NAME(cls)
        guest_module = self.world.modules.get(module_name)
        if guest_module is not None and getattr(guest_module, name, None) is cls:
            return True
        host_module = host_sys.modules.get(module_name)
        if host_module is not None and getattr(host_module, name, None) is cls:
            return False
        return not self.is_host_class(cls) or not _CLASS_FLAGS(cls) & _HEAP_TYPE

    # -- gc ----------------------------------------------------------------------------------

    def adapt_gc(self, module):
        """The guest's copy of ``gc``, whose ``get_objects``, ``get_referrers`` and
        ``get_referents`` give the guest's objects only (``guest_objects``): the host's
        list pvm's interpreter, its modules' globals, the world."""
        guard = self
        host_get_objects = module.get_objects
        host_get_referrers = module.get_referrers
        host_get_referents = module.get_referents

        # (Each takes its arguments as the host's does, for CPython's messages.)
        def get_objects(*arguments, **keywords):
            found = host_get_objects(*arguments, **keywords)
            guest = guard.guest_objects()
            return [item for item in found if id(item) in guest]

        def get_referrers(*objects):
            found = host_get_referrers(*objects)
            guest = guard.guest_objects()
            return [item for item in found if id(item) in guest]

        def get_referents(*objects):
            found = host_get_referents(*objects)
            guest = guard.guest_objects()
            return [item for item in found if id(item) in guest]
        for function, host_function in ((get_objects, host_get_objects),
                                        (get_referrers, host_get_referrers),
                                        (get_referents, host_get_referents)):
            function.__module__ = "gc"
            function.__doc__ = host_function.__doc__
            module.__dict__[function.__name__] = function

    def guest_objects(self):
        """{id: object} of what the guest reaches from its modules and its running
        frames, through anything but the host's objects (``_is_hosts``) and the parts of
        a guest frame that are pvm's (its handlers)."""
        found = {}
        waiting = [self.world.modules]
        waiting.extend(current_guest_frames(self.world.interpreter).values())
        while waiting:
            item = waiting.pop()
            if id(item) in found or self._is_hosts(item):
                continue
            found[id(item)] = item
            referents = host_gc.get_referents(item)
            if type(item) is Frame:
                # (A frame's attributes are its referents: the host keeps them inline.)
                handlers = item.__dict__.get("handlers")
                referents = [referent for referent in referents if referent is not handlers]
            waiting.extend(referents)
        return found

    def _is_hosts(self, item):
        """Whether ``item`` is the host's, not the guest's: a host function, frame or
        code object, a module not the guest's, a class ``__subclasses__`` hides, pvm's
        own machinery."""
        kind = type(item)
        if kind in _HOST_OBJECT_TYPES:
            return True
        if issubclass(kind, types.ModuleType):
            # (Read past a guest module class's attributes.)
            name = _MODULE_NAMESPACE(item).get("__name__")
            return type(name) is not str or self.world.modules.get(name) is not item
        if issubclass(kind, type):
            return not self.visible_subclass(item)
        # (The classes of guest objects pvm makes call themselves builtins.)
        return _is_pvm_module(_CLASS_MODULE(kind))

    # -- the raw lookups the guarded attributes give --------------------------------------

    def _checked_lookup(self, lookup):
        """``object.__getattribute__`` and the like, unbound or bound, behind the
        policy; a guest class's own ``__getattribute__`` is guest code, and passes."""
        guard = self
        if type(lookup) is _SLOT_WRAPPER:
            def __getattribute__(owner, name, /):
                name = _exact_name(name)
                return guard.checked(owner, name, lookup(owner, name))
        elif type(lookup) is _BOUND_SLOT:
            owner = lookup.__self__

            def __getattribute__(name, /):
                name = _exact_name(name)
                return guard.checked(owner, name, lookup(name))
        else:
            return lookup
        __getattribute__.__qualname__ = getattr(lookup, "__qualname__", "__getattribute__")
        return __getattribute__

    def _checked_get(self, owner, get):
        """A host descriptor's ``__get__``: what it gives passes the policy under the
        descriptor's name (``type.__dict__['__dict__'].__get__(cls)`` is ``cls.__dict__``)."""
        guard = self
        if isinstance(owner, _DESCRIPTOR_TYPES):
            name = owner.__name__

            def __get__(instance, owner=None, /):
                value = get(instance, owner)
                return value if instance is None else guard.checked(instance, name, value)
        elif isinstance(owner, type) and issubclass(owner, _DESCRIPTOR_TYPES):
            def __get__(descriptor, instance, owner=None, /):
                value = get(descriptor, instance, owner)
                if instance is None:
                    return value
                return guard.checked(instance, descriptor.__name__, value)
        else:
            return get
        return __get__

    def _checked_subclasses(self, subclasses):
        guard = self
        if type(subclasses) is types.MethodDescriptorType:
            def __subclasses__(cls, /):
                return [item for item in subclasses(cls) if guard.visible_subclass(item)]
        elif type(subclasses) is types.BuiltinMethodType:
            def __subclasses__():
                return [item for item in subclasses() if guard.visible_subclass(item)]
        else:
            return subclasses
        return __subclasses__

    def _checked_class_changer(self, name, change):
        """``type.__setattr__`` or ``__delattr__``, unbound or bound to a class, behind
        ``_check_class_change``; any other ``__setattr__`` passes (object's refuses
        classes itself)."""
        guard = self
        if change is _CLASS_CHANGERS[name]:
            def changer(cls, attribute, *value):
                if isinstance(cls, type) and isinstance(attribute, str):
                    guard._check_class_change(cls, _exact_name(attribute))
                return change(cls, attribute, *value)
        elif type(change) is _BOUND_SLOT and isinstance(change.__self__, type):
            cls = change.__self__

            def changer(attribute, *value):
                if isinstance(attribute, str):
                    guard._check_class_change(cls, _exact_name(attribute))
                return change(attribute, *value)
        else:
            return change
        changer.__name__ = name
        changer.__qualname__ = getattr(change, "__qualname__", name)
        return changer

    # -- the guest's builtins that read and change attributes by name ----------------------

    # (Each takes its arguments as the host's does, which gives CPython's messages for
    # too many or too few, and for a name that is no string.)

    def _getattr(self):
        guard = self
        host_getattr = host_builtins.getattr

        def getattr(*arguments):
            if len(arguments) not in (2, 3) or not isinstance(arguments[1], str):
                return host_getattr(*arguments)
            owner, name = arguments[0], _exact_name(arguments[1])
            try:
                value = host_getattr(owner, name)
                if name in GUARDED_ATTRIBUTES:
                    value = guard.checked(owner, name, value)
            except AttributeError:
                if len(arguments) == 2:
                    raise
                return arguments[2]
            return value
        getattr.__doc__ = host_getattr.__doc__
        return getattr

    def _hasattr(self):
        guard = self
        host_hasattr = host_builtins.hasattr

        def hasattr(*arguments):
            if len(arguments) != 2 or not isinstance(arguments[1], str):
                return host_hasattr(*arguments)
            owner, name = arguments[0], _exact_name(arguments[1])
            if not host_hasattr(owner, name):
                return False
            if name not in GUARDED_ATTRIBUTES:
                return True
            try:
                guard.load(owner, name)
            except AttributeError:
                return False
            return True
        hasattr.__doc__ = host_hasattr.__doc__
        return hasattr

    def _changer(self, host_change):
        """The guest's setattr or delattr: ``host_change`` behind ``_check_change``."""
        guard = self

        def change(*arguments):
            if len(arguments) > 1 and isinstance(arguments[1], str):
                name = _exact_name(arguments[1])
                arguments = (arguments[0], name) + arguments[2:]
                if name in GUARDED_ATTRIBUTES or isinstance(arguments[0], type):
                    guard._check_change(arguments[0], name)
            return host_change(*arguments)
        change.__name__ = host_change.__name__
        change.__doc__ = host_change.__doc__
        return change

    def _vars(self):
        guard = self
        plain_vars = self.world.builtins.vars

        def vars(*arguments):
            namespace = plain_vars(*arguments)
            if arguments:
                namespace = guard.checked(arguments[0], "__dict__", namespace)
            return namespace
        vars.__doc__ = plain_vars.__doc__
        return vars
