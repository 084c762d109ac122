# Checks: __qualname__ of functions, generators and coroutines takes only a string and is never deleted, as CPython's setters check; the class's own __qualname__ and the reprs stay right; found by test_funcattrs and test_generators.
def f(): pass
def g(): yield 1
async def c(): pass
gen = g()
co = c()
for obj in (f, gen, co):
    print(obj.__qualname__, type(obj).__qualname__, type(obj).__name__)
    for value in (7, None, "new.name"):
        try:
            obj.__qualname__ = value
            print("set", obj.__qualname__)
        except TypeError as error:
            print("TypeError", error)
    try:
        del obj.__qualname__
    except TypeError as error:
        print("del TypeError", error)
    print(repr(obj).split(" at ")[0])
co.close()
print(g().__qualname__, f.__qualname__)
class K:
    def m(self): pass
print(K.m.__qualname__, K().m.__qualname__, K.__qualname__)
import types
print(types.FunctionType(f.__code__, {}).__qualname__)
