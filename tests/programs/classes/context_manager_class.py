# Checks: __enter__/__exit__: values, exception info, suppression, nesting order.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, kind, value, traceback):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.suppress


with Resource("a") as value:
    print("body", value)
with Resource("outer") as outer, Resource("inner") as inner:
    print("both", outer, inner)
with Resource("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppression")
try:
    with Resource("loud"):
        raise KeyError("propagates")
except KeyError as error:
    print("caught", repr(error))


def early_return():
    with Resource("returning"):
        return "returned"


print(early_return())
for index in range(2):
    with Resource(f"loop{index}"):
        if index == 0:
            continue
        break
