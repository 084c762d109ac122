"""Hot code with its runs joined (pvm.engine.hot_runs): a program runs as under CPython
whether its code is joined at once (-X jit-threshold=0), part-way through a loop
(a small threshold: frames running the code switch to the joined handlers), or never
(-X fusion=0)."""

import os
import textwrap

from pvm import opcodes
from pvm.compiler import compile as pvm_compile
from pvm.engine import decode, hot_runs
from pvm.engine.interpreter import Interpreter
from pvm.world import World
from tests.subprocesses import run, run_python

# Each part exercises what joining must keep: the line a running frame reports, the
# instruction a traceback names, handlers inside loops, calls whose arguments were
# pushed before the run started, keyword calls (a metaclass), generators suspended
# inside a run, closures, and a loop that becomes hot while its frame runs.
PROGRAM = textwrap.dedent('''
    import sys
    import warnings

    def line_here():
        here = sys._getframe()
        unused = 1
        return here.f_lineno

    def failing(values):
        total = 0
        for value in values:
            try:
                total += value.amount
            except AttributeError as error:
                total += len(str(error))
        return total

    def pairs(count):
        for number in range(count):
            yield number, number * number
            if number == 3:
                return

    class Meta(type):
        pass

    class Base(metaclass=Meta):
        def scale(self, x, y=2):
            return x * y

    class Derived(Base):
        pass

    def nested_arguments(items):
        base = Derived()
        return [base.scale(len([item]), y=item) for item in items]

    def counter():
        count = 0
        def step(by):
            nonlocal count
            count += by
            return count
        return step

    def warns(flag):
        a = 1
        if flag:
            warnings.warn("hot")
        return a

    def long_loop():
        total = 0
        for number in range(200):
            total += number % 7
            if number == 150:
                total += line_here()
        return total

    warnings.simplefilter("always")
    for round_ in range(4):
        print(line_here(), failing([1, 2, object(), 3]), list(pairs(10)))
        print(type(Derived), nested_arguments([3, 4]), max(pairs(5), key=lambda p: -p[1]))
        step = counter()
        print(step(1), step(2), warns(round_ == 3))
    print(long_loop())

    def deep(values):
        first = values[0]
        return first.missing
    deep([1])
''')


def test_joined_runs_run_as_cpython(tmp_path):
    program = tmp_path / "hot.py"
    program.write_text(PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 1 and "AttributeError" in expected[2]
    for options in (["-X", "jit-threshold=0"], ["-X", "jit-threshold=5"],
                    ["-X", "fusion=0"], []):
        assert run(["python3", "-m", "pvm", *options, str(program)], str(tmp_path)) \
            == expected, options


def _code_of(source, name):
    module = pvm_compile(source, "<test>", "exec")
    return next(constant for constant in module.co_consts
                if getattr(constant, "co_name", None) == name)


def test_runs_end_at_jump_targets_and_protected_ranges():
    code = _code_of(textwrap.dedent('''
        def f(items):
            total = 0
            for item in items:
                total += item
            try:
                print(total)
            except ValueError:
                pass
            return total
        '''), "f")
    pairs = code.instructions()
    runs, _names = hot_runs.runs_of(code, pairs)
    targets = {operand for _opcode, operand in pairs
               if operand is not None and _opcode in decode.opcodes.HAS_JUMP}
    protected = {index for start, end, target, _depth, _lasti in code.co_exceptiontable
                 for index in (start, end, target)}
    assert runs
    for start, end in runs:
        inside = set(range(start + 1, end))
        assert not inside & targets and not inside & protected
    handlers = decode.handlers_of(code, True, pairs)
    assert hot_runs.join_runs(code, pairs, handlers) == len(runs)


def test_runs_go_on_through_calls_and_start_again_after_them():
    # A call of a host function or a leaf returns into the run; one that entered a
    # guest frame resumes at the run that starts after it.
    code = _code_of(textwrap.dedent('''
        def g(x):
            y = len(x) + 1
            z = h(y) * 2
            return y + z
        '''), "g")
    pairs = code.instructions()
    runs, _names = hot_runs.runs_of(code, pairs)
    calls = [index for index, (opcode, _operand) in enumerate(pairs)
             if decode.opcodes.OPCODES[opcode].name.startswith("CALL")]
    assert len(calls) == 2
    assert (0, len(pairs)) in runs
    assert {(call + 1, len(pairs)) for call in calls} <= set(runs)


def test_hot_code_gets_its_running_runs_joined():
    world = World(join_threshold=20)
    namespace = {"__name__": "__main__"}
    source = textwrap.dedent("""
        def f(x):
            y = x + 1
            if y < 0:
                y = -y
                y = y * 3
            return y * 2
        results = [f(number) for number in range(100)]
        """)
    world.run_code(world.compile(source, "<hot>"), namespace)
    assert namespace["results"] == [(number + 1) * 2 for number in range(100)]
    code = namespace["f"].__code__
    handlers = world.interpreter.executable_of(code).handlers
    # The run that kept running is joined; the one that never ran again is not.
    source = hot_runs.joined_source(handlers[0])
    assert "BINARY_OP" in source and "POP_JUMP_IF_FALSE" in source
    negative = next(index for index, (opcode, _operand) in enumerate(code.instructions())
                    if decode.opcodes.OPCODES[opcode].name == "UNARY_NEGATIVE") - 1
    assert hot_runs.joined_source(handlers[negative]) is None


def test_joined_runs_name_the_attributes_they_read_write_and_delete(tmp_path):
    # The host's attribute instructions, not getattr calls: they specialize on the
    # object's type.  A name no parser reads as one stays a getattr argument.
    code = _code_of(textwrap.dedent('''
        def f(point):
            point.x = point.y
            del point.z
            return point.y
        '''), "f")
    source = hot_runs.joined_source(Interpreter(join_threshold=0).decode(code).handlers[0])
    assert ".x = " in source and "del value" in source and ".z" in source
    assert ".y" in source and "getattr" not in source and "setattr" not in source
    odd = code.replace(co_names=tuple(name if name != "y" else "not y"
                                      for name in code.co_names))
    source = hot_runs.joined_source(Interpreter(join_threshold=0).decode(odd).handlers[0])
    assert "getattr(" in source and ".x = " in source
    # And the program behaves as under CPython, errors included.
    program = tmp_path / "points.py"
    program.write_text(textwrap.dedent('''
        class Point:
            __slots__ = ("x", "y", "z")
        class Watched:
            def __getattr__(self, name):
                return "missing " + name
            def __setattr__(self, name, value):
                print("set", name, value)
                object.__setattr__(self, name, value)
        def move(point):
            point.x = point.y
            del point.z
            return point.x, point.y
        for _ in range(3):
            point = Point()
            point.y, point.z = 1, 2
            print(move(point))
        watched = Watched()
        watched.z = 0
        print(move(watched))
        try:
            move(Point())
        except AttributeError as error:
            print("AttributeError", error)
        '''))
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "AttributeError" in expected[1]
    assert run(["python3", "-m", "pvm", "-X", "jit-threshold=0", str(program)],
               str(tmp_path)) == expected


def test_joining_at_once_and_never():
    code = _code_of("def f(x):\n    y = x + 1\n    return y * 2\n", "f")
    assert hot_runs.joined_source(Interpreter(join_threshold=0).decode(code).handlers[0])
    assert not hot_runs.joined_source(Interpreter(join_threshold=5).decode(code).handlers[0])
    # Without superinstructions nothing is joined, and nothing counts.
    assert Interpreter(fusion=False, join_threshold=3).join_threshold is None


def test_a_threshold_that_is_no_number_is_refused(tmp_path):
    status, stdout, stderr = run(["python3", "-m", "pvm", "-X", "jit-threshold=many", "-c",
                                  "pass"], str(tmp_path))
    assert (status, stdout) == (2, "")
    assert "-X jit-threshold needs a whole number, not 'many'" in stderr


def test_the_cache_of_makers_keeps_whole_entries_of_its_own_sources(tmp_path):
    cache = hot_runs.DiskCache(str(tmp_path), "joined-runs-",
                               ("tier0.py", "generate.py", "hot_runs.py"))
    key = (("LOAD_FAST", "RETURN_VALUE"), (None, None))
    assert cache.get(key) is hot_runs.ABSENT
    stale = tmp_path / "joined-runs-0123456789"
    stale.mkdir()
    entry = (b"code", (None, 0, 1), (("NULL", "pvm.engine.instructions.support"),))
    cache.put(key, entry)
    assert cache.get(key) == entry
    # The folder of other sources' makers went when this one was made.
    assert not stale.exists()
    # Nothing but whole files of the right key is read: a truncated file, and a file
    # whose name collides with another key's, count as absent.
    path = cache._path(key)
    with open(path, "rb") as file:
        whole = file.read()
    with open(path, "wb") as file:
        file.write(whole[:len(whole) // 2])
    assert cache.get(key) is hot_runs.ABSENT
    other = (("LOAD_CONST", "RETURN_VALUE"), (None, None))
    with open(path, "wb") as file:
        file.write(whole)
    os.replace(path, cache._path(other))
    assert cache.get(other) is hot_runs.ABSENT
    assert not [name for name in os.listdir(cache._folder()) if name.endswith(".tmp")]


def test_a_cache_folder_that_cannot_be_written_keeps_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = hot_runs.DiskCache(str(blocker), "joined-runs-", ("tier0.py",))
    key = (("LOAD_FAST", "RETURN_VALUE"), (None, None))
    cache.put(key, None)
    assert cache.get(key) is hot_runs.ABSENT


def test_loop_heads_are_the_targets_of_backward_jumps():
    # What counting finds hot: every loop's head, found from the opcodes' bytes.
    source = textwrap.dedent('''
        def f(items, n):
            total = 0
            for item in items:
                while n > item:
                    n -= 1
                    if n == 3:
                        continue
                total += item
            return [x for x in items if x]
    ''')
    module = pvm_compile(source, "<test>", "exec")
    codes = [module]
    for code in codes:
        codes.extend(constant for constant in code.co_consts if hasattr(constant, "co_code"))
    for code in codes:
        pairs = code.instructions()
        expected = {operand for index, (opcode, operand) in enumerate(pairs)
                    if opcode in opcodes.HAS_JUMP and operand <= index}
        assert decode.loop_heads(code) == expected
    # The for loop's head and the while loop's (``continue`` may jump to a copy of
    # its test), and the comprehension's own loop.
    function, comprehension = codes[1], codes[2]
    assert len(decode.loop_heads(function)) >= 2
    assert len(decode.loop_heads(comprehension)) == 1


def test_a_leaf_enters_no_frame_yields_nothing_and_handles_nothing():
    source = textwrap.dedent('''
        def leaf(a, b):
            return a.x + b[0]
        def calls(a):
            return len(a)
        def handles(a):
            try:
                return a.x
            except AttributeError:
                return None
        def generator():
            yield 1
    ''')
    module = pvm_compile(source, "<test>", "exec")
    functions = {constant.co_name: constant for constant in module.co_consts
                 if hasattr(constant, "co_code")}
    assert [name for name, code in functions.items() if decode.is_leaf(code)] == ["leaf"]
