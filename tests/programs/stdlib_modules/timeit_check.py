# Checks: timeit: Timer with a fake timer function (deterministic), timeit/repeat/autorange, setup code and callables.
import io
import timeit

ticks = [0.0]


def fake_timer():
    ticks[0] += 0.25
    return ticks[0]


timer = timeit.Timer("total = sum(values)", setup="values = list(range(100))", timer=fake_timer)
print(timer.timeit(number=10), timer.repeat(repeat=3, number=5))
calls = []
callable_timer = timeit.Timer(lambda: calls.append(1), timer=fake_timer)
print(callable_timer.timeit(number=7), len(calls))
print(callable_timer.autorange())
namespace = {"factor": 3}
print(timeit.timeit("factor * 2", globals=namespace, number=3, timer=fake_timer))
print(timeit.repeat("x = 1", repeat=2, number=1, timer=fake_timer))
print(isinstance(timeit.timeit("pass", number=10), float), timeit.default_timer is not None)
try:
    timeit.Timer("return 5")
except SyntaxError as error:
    print("SyntaxError:", error.msg)
try:
    timeit.Timer("1/0").timeit(number=1)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
broken = timeit.Timer("undefined_name")
output = io.StringIO()
try:
    broken.timeit(number=1)
except NameError:
    broken.print_exc(file=output)
print(output.getvalue().splitlines()[-1])
