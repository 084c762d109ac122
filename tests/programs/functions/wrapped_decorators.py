# Checks: decorators with functools.wraps: __wrapped__, __name__, __doc__, stacked decorators.
import functools


def logged(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        print("calling", function.__name__, args, kwargs)
        return function(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorator(function):
        @functools.wraps(function)
        def wrapper(*args):
            return [function(*args) for _ in range(times)]
        return wrapper
    return decorator


@logged
@repeat(2)
def greet(name):
    """Say hello."""
    return f"hello {name}"


print(greet("pvm"))
print(greet.__name__, greet.__doc__, greet.__qualname__)
print(greet.__wrapped__("x"), greet.__wrapped__.__wrapped__("y"))
import inspect
print(inspect.unwrap(greet)("z"))
