# Checks: abc: abstract properties, classmethods, ABCMeta directly, __subclasshook__.
import abc


class Readable(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is Readable:
            return callable(getattr(subclass, "read", None))
        return NotImplemented


class File:
    def read(self):
        return "data"


class Stone:
    pass


print(issubclass(File, Readable), isinstance(Stone(), Readable))


class Repository(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def connect(cls):
        ...

    @staticmethod
    @abc.abstractmethod
    def version():
        ...


class Memory(Repository):
    @classmethod
    def connect(cls):
        return f"connected {cls.__name__}"

    @staticmethod
    def version():
        return 2


print(Memory.connect(), Memory.version(), sorted(Repository.__abstractmethods__))
try:
    Repository()
except TypeError as error:
    print("TypeError:", error)
