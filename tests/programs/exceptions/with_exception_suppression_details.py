# Checks: __exit__ returning truthy non-bool values suppresses; exceptions inside __exit__ replace the original.
class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *info):
        return "yes"


class Failing:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        raise RuntimeError(f"exit failed while handling {kind.__name__}")


with Truthy():
    raise ValueError("suppressed by a truthy string")
print("continued")
try:
    with Failing():
        raise KeyError("original")
except RuntimeError as error:
    print(repr(error), repr(error.__context__))
