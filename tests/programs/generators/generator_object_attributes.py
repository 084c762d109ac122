# Checks: generator objects as CPython shows them: type and dir, names, read-only gi_* attributes, throw()'s arguments, a generator lambda's return value, and the frames a throw into a yield from runs in.
import sys
import types


def numbers():
    yield 1
    yield 2


gen = numbers()
print(type(gen), type(gen) is types.GeneratorType, type(gen.gi_frame))
print([name for name in dir(gen) if not name.startswith("_")])
print(gen.__name__, gen.__qualname__, numbers.__name__)
gen.__name__ = "renamed"
print(gen.__name__, repr(gen).split(" at ")[0])
for value in (3, None):
    try:
        gen.__name__ = value
    except TypeError as error:
        print("TypeError:", error)
try:
    del gen.__name__
except TypeError as error:
    print("TypeError:", error)
for attribute in ("gi_running", "gi_frame", "gi_yieldfrom", "gi_suspended", "gi_code"):
    try:
        setattr(gen, attribute, 42)
    except AttributeError as error:
        print("AttributeError:", error)
try:
    gen.anything = 1
except AttributeError as error:
    print("AttributeError:", error)
print(next(gen))
try:
    gen.throw(ValueError, "bad", 23)
except TypeError as error:
    print("TypeError:", error)
try:
    gen.throw(ValueError("instance"), "value")
except TypeError as error:
    print("TypeError:", error)
try:
    gen.throw(ValueError, ("a", "b"))
except ValueError as error:
    print("ValueError:", error.args)
print(gen.gi_frame)

for make in (lambda: (yield 1), lambda: (yield from numbers())):
    gen = make()
    print(next(gen))
    try:
        while True:
            gen.send("sent")
    except StopIteration as stop:
        print("returned", stop.value)


def names_of_frames():
    frame = sys._getframe()
    names = []
    while frame is not None and frame.f_code.co_name != "<module>":
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def inner():
    print("inner starts in", names_of_frames())
    try:
        yield
    except KeyError:
        print("inner caught in", names_of_frames())
    yield "after"


def outer():
    yield from inner()


def thrower(gen):
    return gen.throw(KeyError)


gen = outer()
next(gen)
print(thrower(gen))


def traced():
    try:
        yield
    except ZeroDivisionError:
        raise


gen = traced()
try:
    1 / 0
except ZeroDivisionError as error:
    try:
        gen.throw(error)
    except ZeroDivisionError as again:
        entries = []
        entry = again.__traceback__
        while entry is not None:
            entries.append((entry.tb_frame.f_code.co_name, entry.tb_lineno))
            entry = entry.tb_next
        print(entries)

print(sys.exc_info())
numbers().throw(RuntimeError("thrown into a generator that never started"))
