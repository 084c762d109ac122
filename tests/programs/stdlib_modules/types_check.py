# Checks: types: SimpleNamespace, MappingProxyType, new_class, MethodType, DynamicClassAttribute, coroutine, GenericAlias, type checks.
import types

namespace = types.SimpleNamespace(a=1, b="two")
namespace.c = [3]
print(namespace, namespace == types.SimpleNamespace(a=1, b="two", c=[3]), vars(namespace))
proxy = types.MappingProxyType({"key": "value"})
print(proxy["key"], list(proxy), proxy.get("missing", 0), proxy | {"x": 1})
try:
    proxy["key"] = "new"
except TypeError as error:
    print("TypeError:", error)


def function():
    yield 1


async def coroutine_function():
    return 1


print(isinstance(function, types.FunctionType), isinstance(function(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
coroutine = coroutine_function()
print(isinstance(coroutine, types.CoroutineType), isinstance(function.__code__, types.CodeType))
coroutine.close()
print(isinstance(types, types.ModuleType), isinstance(lambda: 0, types.LambdaType), types.NoneType, types.EllipsisType)


class Base:
    def hello(self):
        return "hello from " + type(self).__name__


Created = types.new_class("Created", (Base,), {}, lambda namespace: namespace.update({"extra": 42}))
print(Created().hello(), Created.extra, Created.__name__, Created.__mro__[1].__name__)
print(types.resolve_bases((Base, list[int])), types.prepare_class("X", (Base,))[0].__name__)


class Holder:
    pass


holder = Holder()
holder.method = types.MethodType(lambda self, x: (type(self).__name__, x), holder)
print(holder.method(5))
module = types.ModuleType("dynamic", "A dynamic module.")
exec("VALUE = 7\ndef get():\n    return VALUE", module.__dict__)
print(module.__name__, module.__doc__, module.get())
alias = types.GenericAlias(list, (int,))
print(alias, alias.__origin__, alias.__args__, list[int] == alias, int | str, isinstance(int | str, types.UnionType))


@types.coroutine
def old_style():
    yield "suspended"


generator = old_style()
print(next(generator), isinstance(types.SimpleNamespace, type))
try:
    raise ValueError("x")
except ValueError as error:
    print(isinstance(error.__traceback__, types.TracebackType), isinstance(error.__traceback__.tb_frame, types.FrameType))
print(types.MethodWrapperType, types.WrapperDescriptorType, types.GetSetDescriptorType)
