# Checks: super()'s errors as CPython's (too many arguments, a first argument that is no type, keywords, a deleted first argument, no arguments, an emptied __class__ cell), and __build_class__'s RuntimeError when a metaclass drops __classcell__; found by test_super.
class A:
    def f(self):
        return 'A'
class X(A):
    def f(self):
        return super().f()
    __class__ = 413
x = X()
print(x.f(), x.__class__)
class Outer:
    def method(self):
        class X:
            x = __class__
            def f():
                __class__
        print(X.x.__name__)
Outer().method()
try:
    exec("""class X:
    __class__
    def f():
        __class__""", globals(), {})
except NameError as e:
    print(type(e).__name__, e)
class X:
    global __class__
    __class__ = 42
    def f():
        __class__
print(globals()["__class__"])
for args in [(int, int, int), (1, int), ()]:
    try:
        super(*args)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
def f():
    super()
def g(x):
    del x
    super()
class Y:
    def f(x):
        nonlocal __class__
        del __class__
        super()
for call in (f, lambda: g(None), Y().f):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError", e)
class Meta(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop('__classcell__', None)
        return super().__new__(cls, name, bases, namespace)
class WithoutClassRef(metaclass=Meta):
    pass
try:
    class WithClassRef(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError", e)
try:
    super(int, int, int, x=1)
except TypeError as e:
    print(e)
try:
    super(x=1)
except TypeError as e:
    print(e)
