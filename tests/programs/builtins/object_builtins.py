# Checks: id-free identity checks, callable, isinstance, issubclass, type with one argument, object().
sentinel = object()
other = object()
print(sentinel is sentinel, sentinel is other, sentinel == other, callable(sentinel), callable(object))
print(type(sentinel) is object, isinstance(sentinel, object), issubclass(int, object), type(int) is type)
print(isinstance(None, type(None)), type(...).__name__, type(NotImplemented).__name__)
try:
    sentinel.attribute = 1
except AttributeError as error:
    print("AttributeError:", error)
