# Checks: marshal stores code objects (pytest keeps its rewritten tests so), reads them back
# into runnable functions, dumps and loads other values as the C module does, and refuses
# what it cannot store.
import marshal, io, types
def f(x): return x + 1
data = marshal.dumps(f.__code__)
code = marshal.loads(data)
print(type(code) is types.CodeType, types.FunctionType(code, globals())(41))
print(marshal.loads(marshal.dumps((1, "a", [2.5]))), marshal.version)
buffer = io.BytesIO()
marshal.dump(f.__code__, buffer); marshal.dump({"k": 1}, buffer)
buffer.seek(0)
print(marshal.load(buffer).co_name, marshal.load(buffer))
try:
    marshal.dumps(object())
except ValueError as error:
    print("ValueError", error)
try:
    marshal.loads(marshal.dumps(f.__code__)[:20])
except EOFError as error:
    print("EOFError", error)
