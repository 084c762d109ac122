"""Descriptors that behave as the C descriptors of CPython's built-in types."""


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
