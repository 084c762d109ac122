# Checks: inspect: signature, parameters, getsource, getmembers, isfunction & co, getmro, cleandoc, bound arguments.
import inspect


def function(a, b: int = 2, *args, c, d="x", **kwargs) -> str:
    """Documented function.

        Indented details.
    """
    return "result"


class Base:
    """A base class."""

    attribute = 1

    def method(self, x):
        return x

    @classmethod
    def build(cls):
        return cls()

    @staticmethod
    def helper(y=3):
        return y

    @property
    def value(self):
        return 5


class Derived(Base):
    pass


def generator():
    yield 1


async def coroutine():
    pass


signature = inspect.signature(function)
print(signature, signature.return_annotation, list(signature.parameters))
for parameter in signature.parameters.values():
    print(parameter.name, parameter.kind.name, parameter.default is inspect.Parameter.empty, parameter.annotation)
bound = signature.bind(1, 2, 3, c=4, e=5)
bound.apply_defaults()
print(bound.arguments, bound.args, bound.kwargs)
try:
    signature.bind(1)
except TypeError as error:
    print("TypeError:", error)
print(inspect.signature(Base.method), inspect.signature(Base().method), inspect.signature(Base.helper))
print(inspect.signature(lambda x, /, y, *, z: None), inspect.signature(Derived))
print(inspect.getdoc(function), inspect.cleandoc("  a\n    b\n  c"))
print(inspect.getsource(Base.method), end="")
print(inspect.getsourcelines(generator)[1], inspect.getmodule(function).__name__)
print([name for name, _ in inspect.getmembers(Derived, inspect.isfunction)])
print(inspect.getmro(Derived)[:2], inspect.isclass(Base), inspect.ismethod(Base().method), inspect.isfunction(Base.method))
print(inspect.isgeneratorfunction(generator), inspect.iscoroutinefunction(coroutine), inspect.isgenerator(generator()))
print(inspect.isbuiltin(len), inspect.isroutine(Base.helper), inspect.isdatadescriptor(Base.__dict__["value"]))
print(inspect.getattr_static(Derived, "build").__class__.__name__, inspect.getfullargspec(function))
print(inspect.getcallargs(function, 1, c=3))
gen = generator()
print(inspect.getgeneratorstate(gen), next(gen), inspect.getgeneratorstate(gen))
frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.getframeinfo(frame).function, inspect.stack()[0].function)
print(inspect.unwrap(function) is function, inspect.Parameter("p", inspect.Parameter.KEYWORD_ONLY, default=1))
print(inspect.formatannotation(list[int]), inspect.get_annotations(function))
