# Checks: inspect.signature follows __wrapped__ and reads guest defaults; bind() checks calls.
import functools
import inspect


def decorator(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)
    return wrapper


@decorator
def connect(host, port=5432, *, timeout=3.0):
    return host, port, timeout


print(inspect.signature(connect), connect("db"))
bound = inspect.signature(connect).bind("db", timeout=1)
bound.apply_defaults()
print(bound.arguments)
try:
    inspect.signature(connect).bind()
except TypeError as error:
    print("TypeError:", error)
