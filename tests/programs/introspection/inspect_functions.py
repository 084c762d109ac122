# Checks: inspect.signature and parameters of guest functions, and inspect predicates.
import inspect


def example(a, b=2, /, c=3, *args, d, e=5, **kwargs) -> int:
    return 0


signature = inspect.signature(example)
print(signature)
for name, parameter in signature.parameters.items():
    print(name, parameter.kind.name, parameter.default is inspect.Parameter.empty)
print(inspect.isfunction(example), inspect.isgeneratorfunction(example))


def gen():
    yield


async def coro():
    pass


print(inspect.isgeneratorfunction(gen), inspect.iscoroutinefunction(coro), inspect.isclass(int))
print(inspect.getdoc(inspect.signature) is not None)
