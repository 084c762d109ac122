"""What makes pvm's classes behave as CPython's built-in types: descriptors with the
messages of CPython's C descriptors, and no pickling."""


class ReadOnlyAttribute(property):
    """A read-only attribute that refuses writes with the message of the descriptor
    CPython has for it (a plain property says "has no setter"): a getset descriptor
    names the attribute, a member descriptor (``member=True``) does not."""

    def __init__(self, name, getter, member=False):
        super().__init__(getter)
        self.name = name
        self.member = member

    def __set__(self, instance, value):
        if self.member:
            raise AttributeError("readonly attribute")
        raise AttributeError("attribute '%s' of '%s' objects is not writable"
                             % (self.name, type(instance).__name__))

    def __delete__(self, instance):
        self.__set__(instance, None)


def set_in_class(cls, **attributes):
    """Set class attributes of ``cls``, one of pvm's stand-ins for CPython's built-in
    types, whose metaclass (``pvm.code.BuiltinType``) refuses setattr as those types do."""
    for name, value in attributes.items():
        type.__setattr__(cls, name, value)


def put_in_class(cls, name, descriptor):
    """Make ``descriptor`` the attribute ``name`` of ``cls``'s instances where neither a
    class statement nor setattr can put it: ``__qualname__``, which a class body's
    namespace gives the class itself, as setattr on the class sets the class's own.

    The namespace is written behind its mapping proxy (the one object the proxy refers
    to); a change made through ``type.__setattr__`` then clears the host's attribute
    cache of the class and its subclasses, as any class attribute change does."""
    import gc   # a builtin module; only the few classes that need this use it

    namespace, = gc.get_referents(cls.__dict__)
    namespace[name] = descriptor
    type.__setattr__(cls, "_put_in_class", None)
    type.__delattr__(cls, "_put_in_class")


_HEAP_TYPE = 1 << 9   # Py_TPFLAGS_HEAPTYPE


def c_type_name(value):
    """The name of ``value``'s type as CPython's C messages give it (tp_name): a class
    statement's class by its name, a static type with its module unless builtins
    (``types.SimpleNamespace``, ``int``)."""
    kind = type(value)
    if kind.__flags__ & _HEAP_TYPE or kind.__module__ == "builtins":
        return kind.__name__
    return "%s.%s" % (kind.__module__, kind.__qualname__)


def refuse_pickling(self, protocol=None):
    """``__reduce__`` and ``__reduce_ex__`` of pvm's versions of CPython's types."""
    # CPython's types have no __new__ for pickle or copy to call (its functions pickle
    # by name, through pickle's dispatch table); ours would otherwise be rebuilt
    # attribute by attribute into objects that cannot run.
    raise TypeError("cannot pickle %r object" % type(self).__name__)
