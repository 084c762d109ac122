"""The VM runs programs as CPython does: each snippet runs under the host and under pvm,
in this process, and the printed output (or the exception raised) must be the same."""

import contextlib
import io
import os
import textwrap

import pytest

from tests.subprocesses import run_python

from pvm.compiler import compile as pvm_compile
from pvm.world.world import World
from pvm.world.tracebacks import format_exception

SNIPPETS = {
    "arithmetic": """
        print(7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 1 / 4, 10 - 3 * 2, ~5, -(-3), +4)
        print(3 & 5, 3 | 5, 3 ^ 5, 1 << 70, -1 >> 3, divmod(17, 5), 0.1 + 0.2)
        x = 5; x += 2; x *= 3; x //= 4; x **= 2; x -= 1; x %= 7; x <<= 3; x |= 1
        print(x, 1 < 2 < 3, 1 < 3 < 2, 2 == 2.0 != 3, "a" in "abc", 3 not in [1, 2])
    """,
    "short_circuit": """
        def noisy(value):
            print("eval", value)
            return value
        print(noisy(0) and noisy(1), noisy(2) or noisy(3), noisy(0) or noisy(''))
        print(not noisy([]), noisy(1) if noisy(0) else noisy(2))
    """,
    "containers_and_unpacking": """
        a, (b, *c), d = 1, (2, 3, 4), 5
        first, *middle, last = range(6)
        print(a, b, c, d, first, middle, last)
        print([*"ab", *range(2)], (*[1], 2), {*"aa", "b"} == {"a", "b"}, {**{"k": 1}, "j": 2})
        items = [5, 3, 9]; items[1:2] = [7, 8]; del items[0]
        print(items, items[::-1], items[-1], "hello"[1:4], {1: 2}.get(3, 4))
        matrix = [[1, 2], [3, 4]]
        matrix[1][0] += 10
        print(matrix)
    """,
    "functions_all_argument_kinds": """
        def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
            return (a, b, c, args, d, e, sorted(kwargs.items()))
        print(f(1, d=4))
        print(f(1, 2, 3, 4, 5, d=6, z=7, y=8))
        print(f(*[1, 2], **{"d": 9, "c": 0}))
        g = lambda x, *, y=1: x + y
        print(g(1), g(1, y=5), (lambda: 42)())
        def defaults(x=[]):
            x.append(1)
            return len(x)
        print(defaults(), defaults(), defaults.__defaults__, f.__kwdefaults__)
    """,
    "argument_errors": """
        def f(a, b, *, c): pass
        for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2), lambda: f(1, 2, c=3, d=4),
                     lambda: f(1, a=1, c=2)):
            try:
                call()
            except TypeError as error:
                print(error)
    """,
    "closures_global_nonlocal": """
        counter = 0
        def bump():
            global counter
            counter += 1
        def make():
            total = 0
            def add(n):
                nonlocal total
                total += n
                return total
            return add
        adder = make()
        bump(); bump()
        print(counter, adder(2), adder(3), [f() for f in [lambda i=i: i for i in range(3)]])
        def outer():
            x = 1
            def middle():
                def inner():
                    return x
                return inner
            return middle()()
        print(outer())
    """,
    "classes_and_super": """
        class Base:
            kind = "base"
            def __init__(self, value):
                self.value = value
            def describe(self):
                return "%s:%s" % (self.kind, self.value)
            @property
            def double(self):
                return self.value * 2
            @classmethod
            def make(cls):
                return cls(7)
            @staticmethod
            def helper(x):
                return x + 1
        class Child(Base):
            kind = "child"
            def describe(self):
                return "<" + super().describe() + ">"
            def __repr__(self):
                return "Child(%r)" % self.value
            def __eq__(self, other):
                return isinstance(other, Child) and other.value == self.value
            __hash__ = None
        c = Child.make()
        print(c.describe(), c.double, Child.helper(1), c, c == Child(7), Child.__mro__[1].__name__)
        print(Child.__qualname__, Child.describe.__qualname__, type(c).__name__)
        class Meta(type):
            def __new__(mcs, name, bases, namespace, **keywords):
                namespace["tag"] = keywords.get("tag", "none")
                return super().__new__(mcs, name, bases, namespace)
        class Tagged(metaclass=Meta, tag="t"):
            pass
        print(Tagged.tag, type(Tagged).__name__)
    """,
    "exceptions": """
        def risky(n):
            if n == 0:
                raise ValueError("zero")
            return 10 // n
        for n in (2, 0, "x"):
            try:
                print(risky(n))
            except ValueError as error:
                print("value", error)
            except TypeError:
                print("type")
            else:
                print("no error")
            finally:
                print("finally", n)
        try:
            try:
                1 / 0
            except ZeroDivisionError as error:
                raise KeyError("k") from error
        except KeyError as error:
            print(repr(error), repr(error.__cause__), error.__suppress_context__)
        try:
            try:
                {}["missing"]
            except KeyError:
                raise RuntimeError("in handler")
        except RuntimeError as error:
            print(repr(error.__context__))
        def returns_in_finally():
            try:
                return "body"
            finally:
                print("cleanup")
        print(returns_in_finally())
        for i in range(3):
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
            finally:
                print("loop finally", i)
    """,
    "with_statement": """
        class Manager:
            def __init__(self, name, swallow=False):
                self.name, self.swallow = name, swallow
            def __enter__(self):
                print("enter", self.name)
                return self.name
            def __exit__(self, kind, value, traceback):
                print("exit", self.name, kind.__name__ if kind else None)
                return self.swallow
        with Manager("a") as a, Manager("b") as b:
            print("body", a, b)
        with Manager("c", swallow=True):
            raise ValueError("hidden")
        def leave():
            with Manager("d"):
                return "returned"
        print(leave())
    """,
    "generators": """
        def numbers():
            received = yield 1
            print("got", received)
            yield from [2, 3]
            return "done"
        g = numbers()
        print(next(g), g.send("hello"), next(g))
        try:
            next(g)
        except StopIteration as stop:
            print("stop", stop.value)
        def delegator():
            result = yield from numbers()
            print("result", result)
        print(list(delegator()))
        def catcher():
            try:
                yield 1
            except KeyError:
                yield "caught"
            finally:
                print("closing")
        c = catcher()
        print(next(c), c.throw(KeyError), c.close())
        print(sum(x * x for x in range(5)), list(zip(range(3), (c for c in "abc"))))
    """,
    "comprehensions": """
        print([x * y for x in range(3) for y in range(3) if x != y])
        print({x: x * x for x in range(4)}, {c for c in "hello"} == set("helo"))
        print([[i for i in range(j)] for j in range(3)])
        x = "outer"
        print([x for x in "ab"], x)
        print([(y := n) * 2 for n in range(3)], y)
    """,
    "match_statement": """
        def describe(subject):
            match subject:
                case 0 | 1:
                    return "small"
                case [x, y, *rest]:
                    return "seq %s %s %s" % (x, y, rest)
                case {"kind": "point", "x": x, **others}:
                    return "point %s %s" % (x, others)
                case str() as text if len(text) > 3:
                    return "long text " + text
                case complex(real=r):
                    return "complex %s" % r
                case None:
                    return "none"
                case _:
                    return "other"
        for value in (1, [1, 2, 3, 4], {"kind": "point", "x": 5, "z": 6}, "hello", "hi",
                      2j, None, (1,)):
            print(describe(value))
    """,
    "fstrings": """
        value, width = 3.14159, 10
        name = "pvm"
        print(f"{value:.2f}|{value:{width}.3}|{name!r}|{name!s:>6}|{name=}|{{braces}}")
        print(f"{'nested ' + f'{1 + 1}'}", f"{value!a}", f"{12345:,}")
    """,
    "imports_and_builtins": """
        import math, collections, functools, itertools
        from operator import itemgetter
        print(math.sqrt(16), collections.Counter("abca").most_common(1))
        print(functools.reduce(lambda a, b: a * b, range(1, 6)), list(itertools.islice(itertools.count(), 3)))
        print(sorted([(1, "b"), (0, "a")], key=itemgetter(1)), sorted([3, 1, 2], key=lambda v: -v))
        @functools.lru_cache(maxsize=None)
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(60), fib.__name__)
        print(eval("1 + 2"), globals()["math"].pi > 3)
        namespace = {}
        exec("def h(): return 99", namespace)
        print(namespace["h"](), type(len).__name__)
    """,
    "dataclass_and_enum": """
        import dataclasses, enum
        @dataclasses.dataclass(order=True)
        class Point:
            x: int
            y: int = 0
        class Color(enum.Enum):
            RED = 1
            GREEN = 2
        print(Point(1, 2), Point(1) < Point(2), Color.RED, Color(2).name, list(Color))
    """,
    "guest_tracebacks": """
        import sys, traceback
        def fail():
            raise ValueError("x")
        try:
            fail()
        except ValueError as error:
            print(traceback.format_exc())
            print([frame.name for frame in traceback.extract_tb(error.__traceback__)])
            print(sys.exc_info()[2].tb_lineno, error.__traceback__.tb_next.tb_lineno)
            error.__traceback__ = None
            print(error.__traceback__, error.with_traceback(None) is error)
    """,
    "runtime_objects_refuse_pickling": """
        import copy, pickle, sys
        def numbers():
            yield 1
        async def coroutine():
            pass
        async def values():
            yield 1
        pending = coroutine()
        for value in (numbers(), pending, values(), sys._getframe()):
            for attempt in (copy.copy, copy.deepcopy, pickle.dumps, lambda value: value.__reduce__()):
                try:
                    attempt(value)
                    print("copied", type(value).__name__)
                except TypeError as error:
                    print(error)
        pending.close()
        print(copy.copy(numbers) is numbers, copy.deepcopy(numbers) is numbers)
    """,
    "function_type_descriptors": """
        import inspect, types
        class Base:
            @classmethod
            def build(cls):
                return cls
        class Derived(Base):
            pass
        print(types.GetSetDescriptorType.__name__, types.MemberDescriptorType.__name__)
        print(types.FunctionType.__code__, inspect.isgetsetdescriptor(types.FunctionType.__code__))
        print(type(inspect.getattr_static(Derived, "build")).__name__)
        print(type(inspect.getattr_static(Derived(), "build")).__name__)
    """,
    "generator_frame_links_and_frame_positions": """
        import inspect, sys
        def numbers():
            caller = sys._getframe(1)
            yield caller.f_code.co_name, inspect.currentframe().f_back is caller
            yield inspect.currentframe().f_back.f_code.co_name
        def consume():
            items = numbers()
            first = next(items)
            suspended = items.gi_frame.f_back
            return first, [value for value in items], suspended
        print(consume())
        def where():
            return inspect.getframeinfo(inspect.currentframe())
        info = where()
        print(info.lineno, info.function, info.positions)
        def caller_line():
            frame = sys._getframe(1)
            return frame.f_lineno, frame.f_lasti > 0, inspect.getframeinfo(frame).positions
        print(caller_line())
    """,
    # Leaves (functions that call nothing, yield nothing, handle nothing) run to their
    # end in the call that makes their frame (Interpreter.run_call): hot or not, they
    # must fail, finalize, construct and be traced as any other frame.
    "leaf_calls": """
        import sys, traceback
        class Dropped:
            def __init__(self, name):
                self.name = name
            def __del__(self):
                print("dropped", self.name)
        class Ordered:
            def __lt__(self, other):
                return sys._getframe(1).f_code.co_name
        class ReturnsOne:
            def __init__(self):
                return 1
        def leaf(value):
            return 1
        def less(a, b):
            return a < b
        def divide(a, b):
            return a / b
        def lookup(table, key):
            try:
                return table[key]
            except KeyError:
                pass
            return int(key)
        def main():
            for _ in range(2):
                try:
                    lookup({}, "x")
                except ValueError as error:
                    # Raised after the handler ended: chained to nothing.
                    print(repr(error.__context__))
            total = 0
            for number in range(1200):
                total += leaf(number) + divide(number, 2)
            leaf(Dropped("argument"))
            print("after the call", total, less(Ordered(), 1), less(Ordered(), 2))
            try:
                divide(1, 0)
            except ZeroDivisionError:
                print(traceback.format_exc().count("divide"))
            try:
                ReturnsOne()
            except TypeError as error:
                print(error)
            events = []
            def tracer(frame, event, argument):
                if frame.f_code.co_name == "leaf":
                    events.append((event, argument))
                return tracer
            sys.settrace(tracer)
            leaf(5)
            sys.settrace(None)
            print(events)
        main()
    """,
    "recursion_limit": """
        def down(n):
            return down(n + 1)
        try:
            down(0)
        except RecursionError as error:
            print("recursion", error)
    """,
}


def run_host(source):
    output = io.StringIO()
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(output):
        try:
            exec(compile(source, "<snippet>", "exec"), namespace)
        except Exception as error:
            print("!", type(error).__name__, error)
    return output.getvalue()


def run_pvm(source):
    output = io.StringIO()
    world = World()
    world.sys.stdout = output
    namespace = {"__name__": "__main__"}
    try:
        world.run_code(pvm_compile(source, "<snippet>", "exec"), namespace)
    except Exception as error:
        print("!", type(error).__name__, error, file=output)
    return output.getvalue()


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_matches_cpython(name):
    source = textwrap.dedent(SNIPPETS[name])
    assert run_pvm(source) == run_host(source)


def test_guest_calls_do_not_grow_the_host_stack():
    # 900 nested guest calls stay far below the host's recursion limit of 1000 frames
    # only if each guest call costs no host frame.
    import sys
    source = "def down(n):\n    return 0 if n == 0 else 1 + down(n - 1)\nprint(down(900))\n"
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        assert run_pvm(source) == "900\n"
    finally:
        sys.setrecursionlimit(limit)


def test_guest_function_speaks_host_protocols():
    world = World()
    namespace = {"__name__": "guest"}
    world.run_code(pvm_compile("def key(x):\n    return -x\n", "<guest>", "exec"), namespace)
    key = namespace["key"]
    assert sorted([1, 3, 2], key=key) == [3, 2, 1]
    assert key.__name__ == "key" and key.__module__ == "guest"


TRACEBACK_PROGRAM = """\
def inner(mapping):
    return mapping["key"] + 1

def outer():
    try:
        inner({})
    except KeyError as error:
        raise ValueError("wrapped") from error

outer()
"""


def test_uncaught_traceback_has_cpython_format(tmp_path):
    path = tmp_path / "program.py"
    path.write_text(TRACEBACK_PROGRAM)
    expected = run_python([str(path)], str(tmp_path))
    actual = run_python(["-m", "pvm", str(path)], str(tmp_path))
    assert actual[0] == expected[0] == 1
    assert actual[2] == expected[2]


LEAF_WARNING_PROGRAM = """\
import warnings
def negate(value):
    unused = value
    return not value
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(3):
        negate(NotImplemented)
print([(warning.category.__name__, warning.lineno) for warning in caught])
"""


def test_a_warning_in_a_leaf_names_its_running_line(tmp_path):
    # The host warns as `not NotImplemented` runs; the line is the leaf's running one,
    # which only the loop running it knows (Interpreter.run_call, from the second call).
    path = tmp_path / "program.py"
    path.write_text(LEAF_WARNING_PROGRAM)
    expected = run_python([str(path)], str(tmp_path))
    actual = run_python(["-m", "pvm", str(path)], str(tmp_path))
    assert "DeprecationWarning', 4)" in expected[1]
    assert actual[1] == expected[1]


def test_format_exception_uses_guest_frames():
    world = World()
    namespace = {"__name__": "__main__"}
    with pytest.raises(ZeroDivisionError) as caught:
        world.run_code(pvm_compile("def f():\n    return 1 / 0\nf()\n", "<t>", "exec"), namespace)
    text = "".join(format_exception(caught.value))
    assert 'File "<t>", line 2, in f' in text and 'File "<t>", line 3, in <module>' in text
    assert "interpreter.py" not in text


SUPERINSTRUCTION_FAULTS = """\
class A:
    pass

def add(a, b):
    c = a + b
    return c

def bump(o):
    o.missing += 1

def chain(o):
    return o.x.y

for call in (lambda: add(1, "x"), lambda: bump(A()), lambda: chain(A())):
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)
bump(A())
"""


def test_failure_inside_a_superinstruction_reports_the_failing_instruction(tmp_path):
    # add, bump and chain each run as one fused handler; the traceback must still point
    # at the operator or attribute that failed, exactly as CPython's does.
    import subprocess
    import sys
    path = tmp_path / "program.py"
    path.write_text(SUPERINSTRUCTION_FAULTS)
    expected = subprocess.run([sys.executable, str(path)], capture_output=True, text=True)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    actual = subprocess.run([sys.executable, "-m", "pvm", str(path)], capture_output=True,
                            text=True, cwd=repository)
    assert (actual.returncode, actual.stdout, actual.stderr) == \
        (expected.returncode, expected.stdout, expected.stderr)
