# Checks: types.FunctionType(code, globals, name, argdefs, closure) builds working functions; its argument checks; the code type's name.
import types


def f(a, b=2):
    return a + b + c


g = types.FunctionType(f.__code__, {"c": 10}, "g", (5,))
print(g(1), g.__name__, g.__qualname__, g.__defaults__, g.__module__)
h = types.FunctionType(f.__code__, {"c": 1, "__name__": "elsewhere"})
print(h(1, 1), h.__name__, h.__module__, type(h) is type(f))


def outer():
    hidden = "cell value"

    def inner():
        return hidden
    return inner


inner = outer()
rebuilt = types.FunctionType(inner.__code__, globals(), None, None, inner.__closure__)
print(rebuilt())
fresh = types.FunctionType(inner.__code__, {}, "fresh", None, (types.CellType("new"),))
print(fresh(), fresh.__name__)

bad_calls = [
    lambda: types.FunctionType(1, {}),
    lambda: types.FunctionType(f.__code__, []),
    lambda: types.FunctionType(f.__code__, {}, 3),
    lambda: types.FunctionType(f.__code__, {}, None, [1]),
    lambda: types.FunctionType(inner.__code__, {}),
    lambda: types.FunctionType(f.__code__, {}, None, None, [1]),
    lambda: types.FunctionType(inner.__code__, {}, None, None, ()),
    lambda: types.FunctionType(inner.__code__, {}, None, None, (1,)),
]
for call in bad_calls:
    try:
        call()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

code = f.__code__
print(type(code).__name__, type(code), code.replace(co_name="renamed").co_name)
try:
    code()
except TypeError as error:
    print(error)
