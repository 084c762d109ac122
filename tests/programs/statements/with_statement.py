# Checks: with statements using contextlib helpers: contextmanager, suppress, ExitStack, nullcontext, closing.
import contextlib


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("html") as value, tag("body"):
    print("content", value)
with contextlib.suppress(KeyError):
    {}["missing"]
print("suppressed KeyError")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(print, "callback ran first")
    print(names)
with contextlib.nullcontext("null") as value:
    print(value)


class Resource:
    def close(self):
        print("closed resource")


with contextlib.closing(Resource()):
    print("using resource")
try:
    with tag("error"):
        raise ValueError("inside with")
except ValueError as error:
    print("caught", error)
