# Checks: decorator factories, decorators on methods, and decorators keeping state.
import functools


def retry(times, exceptions=(ValueError,)):
    def decorator(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return function(*args, **kwargs)
                except exceptions as error:
                    print(f"attempt {attempt} failed: {error}")
            raise RuntimeError(f"{function.__name__} failed {times} times")
        return wrapper
    return decorator


state = {"calls": 0}


@retry(3)
def flaky():
    state["calls"] += 1
    if state["calls"] < 3:
        raise ValueError(f"call {state['calls']}")
    return "success"


print(flaky())


@retry(2)
def always_fails():
    raise ValueError("nope")


try:
    always_fails()
except RuntimeError as error:
    print("RuntimeError:", error)


class Service:
    @retry(1, exceptions=(KeyError,))
    def lookup(self, key):
        return {"a": 1}[key]


print(Service().lookup("a"))
try:
    Service().lookup("b")
except RuntimeError as error:
    print("RuntimeError:", error)
