# Checks: sys.settrace reports call, line, return and exception events as CPython does, for
# plain functions, loops, a handled exception, a generator resumed and thrown into, a
# comprehension, a class body and a lambda; frames already running get no 'call'.
import sys

events = []


def tracer(frame, event, argument):
    if frame.f_code.co_filename != __file__:
        return None
    shown = argument if event == "return" else None
    if event == "exception":
        shown = argument[0].__name__
    events.append((event, frame.f_code.co_name, frame.f_lineno, shown))
    return tracer


def counting(limit):
    total = 0
    for number in range(limit):
        if number % 2:
            continue
        total += number
    while total > 3:
        total -= 3
    return total


def failing():
    try:
        {}["missing"]
    except KeyError:
        return "caught"
    finally:
        pass


def producing():
    received = yield 1
    try:
        yield received
    except ValueError:
        yield "thrown"


def caller():
    squares = [number * number for number in range(3)]

    class Local:
        attribute = len(squares)

    scale = lambda value: value * Local.attribute
    return scale(2)


sys.settrace(tracer)
counting(5)
failing()
generator = producing()
next(generator)
generator.send("sent")
generator.throw(ValueError)
generator.close()
caller()
sys.settrace(None)
for event in events:
    print(*event)
print(sys.gettrace())
