# Checks: a function's __name__, __defaults__, __kwdefaults__ and __code__ refuse what CPython's setters refuse, deleting __defaults__, __kwdefaults__ or __doc__ leaves None, and calls and generators see the new values; found by test_funcattrs.
def f(a, b=2, *, c=3):
    "doc"
    return a + b + c
print(f.__name__, f.__defaults__, f.__kwdefaults__, f.__doc__)
for name, value in [("__name__", 7), ("__name__", "g"), ("__defaults__", [1]), ("__defaults__", (5,)),
                    ("__kwdefaults__", 1), ("__kwdefaults__", {"c": 10}), ("__doc__", 3),
                    ("__qualname__", "Q")]:
    try:
        setattr(f, name, value)
        print(name, "set", getattr(f, name))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)
print(f(1))
for name in ["__defaults__", "__kwdefaults__", "__doc__", "__name__"]:
    try:
        delattr(f, name)
        print(name, "deleted", getattr(f, name))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(e)
x = 1
def outer():
    y = 2
    def c(): return y
    return c
def plain(): return 1
for target, source in [(plain, outer()), (outer(), plain), (plain, 5)]:
    try:
        target.__code__ = source.__code__ if hasattr(source, "__code__") else source
        print("code set")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
import functools
@functools.wraps(f)
def w(*a): return f(*a)
print(w.__name__, w.__wrapped__ is f)
def gen(): yield 1
gen.__name__ = "renamed"
print(gen().__name__)
