# Checks: contextlib: contextmanager, ExitStack, suppress, closing, redirect_stdout, nullcontext, chdir-free helpers.
import contextlib
import io


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as error:
        print("handled", error)
    finally:
        print(f"</{name}>")


with tag("a") as value:
    print("inside", value)
with tag("b"):
    raise KeyError("k")
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with contextlib.closing(Resource("r1")) as resource:
    print("using", resource.name)
with contextlib.ExitStack() as stack:
    for index in range(3):
        stack.callback(print, "callback", index)
    stack.enter_context(tag("stacked"))
    moved = stack.pop_all()
print("stack exited")
moved.close()
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print("captured")
print(repr(buffer.getvalue()))
with contextlib.nullcontext(5) as five:
    print(five)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exception):
        print("exit", exception[0].__name__ if exception[0] else None)
        return False


@Reentrant()
def decorated(x):
    return x * 2


print(decorated(21))
try:
    with tag("c"):
        raise ValueError("escapes")
except ValueError as error:
    print("outer caught", error)


@contextlib.contextmanager
def broken():
    yield
    yield


try:
    with broken():
        pass
except RuntimeError as error:
    print("RuntimeError:", error)
