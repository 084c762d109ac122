"""pvm.World: guest code run, evaluated and called within limits (pvm.world.limits),
with the imports and files it is allowed (pvm.world.access)."""

import contextlib
import io
import os
import time

import pytest

import pvm


# The bound on a time limit: its exception comes out at most this long after the
# deadline (``Limits.deadline``, set as the run starts, before its source is compiled).
LATE_AT_MOST = 0.2


def _late(world, run):
    """How long after ``world``'s deadline ``run()`` (a run that must raise
    TimeLimitExceeded, or LimitExceeded) raised: negative where it raised before it."""
    with pytest.raises(pvm.LimitExceeded) as raised:
        run()
    late = time.monotonic() - world.limits.deadline
    return late, raised.value


def assert_stops_in_time(make_world, run, error=pvm.TimeLimitExceeded):
    """``run(world)`` in a world ``make_world()`` makes raises ``error`` at most
    LATE_AT_MOST seconds past the world's deadline.  A run late beyond that is run once
    more in a new world, and the bound must hold there: the wall clock also counts the
    time the host's scheduler gives other processes (0.74 s once in CI, an amplifier
    refused at once, while another process kept both cores busy), which a second run
    seldom meets again, where a limit that fires late does so every run."""
    lates = []
    for _ in range(2):
        world = make_world()
        late, raised = _late(world, lambda: run(world))
        assert isinstance(raised, error), raised
        lates.append(late)
        if late < LATE_AT_MOST:
            return world
    raise AssertionError("the limit fired %.3f s, then %.3f s, past its deadline" % tuple(lates))


def test_run_returns_main_globals_and_eval_sees_them():
    output = io.StringIO()
    world = pvm.World(stdout=output, argv=["program", "a"])
    namespace = world.run("import sys\nx = 6 * 7\nprint('argv', sys.argv)\n")
    assert namespace["x"] == 42
    assert output.getvalue() == "argv ['program', 'a']\n"
    assert world.eval("x + 1") == 43
    function = world.run("def double(n):\n    return 2 * n\n")["double"]
    assert world.call(function, 21) == 42


def test_stdin_stderr_and_path():
    errors = io.StringIO()
    world = pvm.World(stdin=io.StringIO("line\n"), stderr=errors, path=["/nowhere"])
    namespace = world.run("import sys\ntext = input()\nsys.stderr.write('e')\n"
                          "path = list(sys.path)")
    assert namespace["text"] == "line" and errors.getvalue() == "e"
    assert namespace["path"] == ["/nowhere"]


def test_uncaught_exception_comes_out_as_itself_with_its_guest_traceback():
    world = pvm.World()
    with pytest.raises(KeyError) as caught:
        world.run("def f():\n    {}['missing']\nf()\n", "<snippet>")
    assert world.format_exception(caught.value) == (
        "Traceback (most recent call last):\n"
        '  File "<snippet>", line 3, in <module>\n'
        '  File "<snippet>", line 2, in f\n'
        "KeyError: 'missing'\n")


def test_instruction_limit_is_deterministic_and_never_exceeded():
    program = "log = []\nwhile True:\n    log.append(len(log))\n"
    stops = []
    for _ in range(2):
        world = pvm.World(instructions=5000)
        with pytest.raises(pvm.InstructionLimitExceeded):
            world.run(program)
        stops.append(len(world.main_module.__dict__["log"]))
    assert stops[0] == stops[1] > 0
    # The loop's turn is 8 instructions (load, load, call, ...): at most 5000 ran.
    assert stops[0] * 8 <= 5000


def test_a_program_within_its_budget_runs_and_the_world_is_used_again():
    world = pvm.World(instructions=2000)
    with pytest.raises(pvm.InstructionLimitExceeded):
        world.run("while True: pass")
    assert world.run("total = sum(range(10))")["total"] == 45
    assert isinstance(pvm.InstructionLimitExceeded("x"), pvm.LimitExceeded)
    assert isinstance(pvm.TimeLimitExceeded("x"), pvm.LimitExceeded)
    assert isinstance(pvm.MemoryLimitExceeded("x"), pvm.LimitExceeded)


@pytest.mark.parametrize("program", [
    "try:\n    while True: pass\nexcept BaseException:\n    print('caught')\n",
    "try:\n    while True: pass\nfinally:\n    print('finally')\n",
    "class C:\n    def __enter__(self): pass\n    def __exit__(self, *a):\n"
    "        print('exit'); return True\nwith C():\n    while True: pass\n",
    "def g():\n    try:\n        yield 1\n    finally:\n        print('closed')\n"
    "it = g(); next(it)\nwhile True: pass\n",
])
@pytest.mark.parametrize("limit", [dict(instructions=3000), dict(seconds=0.2)])
def test_no_guest_code_runs_after_a_limit(program, limit):
    output = io.StringIO()
    world = pvm.World(stdout=output, **limit)
    with pytest.raises(pvm.LimitExceeded):
        world.run(program)
    del world
    assert output.getvalue() == ""


@pytest.mark.parametrize("program", [
    "while True: pass",
    "while True:\n    sorted(range(10**5), key=lambda value: -value)",
    "[x for x in range(10**9)]",
    "import time\nwhile True: time.sleep(0.01)",
    "import time\ntime.sleep(100)",
    "def f():\n    while True: yield 1\nfor _ in f(): pass",
    "x = []\nwhile True:\n    x.append([0] * 100)",
])
def test_time_limit_fires_within_a_fifth_of_a_second(program):
    assert_stops_in_time(lambda: pvm.World(seconds=0.3), lambda world: world.run(program))


def test_time_limit_counts_the_time_joining_code_at_once_takes():
    # At a join threshold of 0 each code object's runs are joined as it is first run, in
    # host code (a millisecond a run where none was made before): the clock is read
    # after each run joined.
    body = "".join("    if x:\n        y = x.joined_at_once_%d\n" % number
                   for number in range(300))
    assert_stops_in_time(
        lambda: pvm.World(seconds=0.3, join_threshold=0),
        lambda world: world.run("def f(x):\n%s    while True:\n        pass\nf(0)\n" % body))


def test_full_collections_held_near_the_deadline_come_back_after_the_run():
    # A time-limited world holds off the host's full collections near its deadline
    # (pvm.world.full_passes); the guest's gc shows and sets the thresholds as they are
    # outside the hold, and the host has them back after the run.
    import gc
    gc.collect(0)  # (puts back what an earlier test's run held)
    before = gc.get_threshold()
    output = io.StringIO()
    world = pvm.World(seconds=0.3, stdout=output)
    try:
        world.run("import gc\nprint(gc.get_threshold())\ngc.set_threshold(500, 5)\n"
                  "print(gc.get_threshold())\n")
        [[] for _ in range(2000)]  # (put back at the next collection's start)
        assert gc.get_threshold() == (500, 5, before[2])
    finally:
        gc.set_threshold(*before)
    assert output.getvalue() == "%s\n%s\n" % (before, (500, 5, before[2]))


@pytest.mark.parametrize("program", [
    "import threading\ndef spin():\n    while True: pass\n"
    "thread = threading.Thread(target=spin)\nthread.start()\nthread.join()",
    "import _thread, time\ndef spin():\n    while True: pass\n"
    "_thread.start_new_thread(spin, ())\nwhile True: time.sleep(0.01)",
])
@pytest.mark.parametrize("limit", [dict(instructions=10**6), dict(seconds=0.3)])
def test_threads_a_limited_guest_starts_are_held_to_its_limits(program, limit):
    # The threads charge the world's budget: the spinning thread uses it up, the world
    # stops, the thread ends with no report (no guest hook runs after a limit), and the
    # run raises the limit.
    output = io.StringIO()
    if "seconds" in limit:
        world = assert_stops_in_time(
            lambda: pvm.World(stdout=output, stderr=output, **limit),
            lambda world: world.run(program), pvm.LimitExceeded)
    else:
        world = pvm.World(stdout=output, stderr=output, **limit)
        with pytest.raises(pvm.LimitExceeded):
            world.run(program)
    time.sleep(0.05)
    assert output.getvalue() == ""
    assert world.eval("1 + 1") == 2


def test_a_world_whose_thread_a_limit_stopped_runs_again_with_a_whole_budget():
    # The world's threads share its interpreter's running frame: a thread that ended
    # after the run (stopped at its next instruction) put back the frame it found as it
    # started, which the next run took for a caller's: no new budget, and the old
    # limit raised at once (2 runs in 10).  Each run starts anew, its frame the first.
    program = ("import _thread, time\ndef spin():\n    while True: pass\n"
               "_thread.start_new_thread(spin, ())\nwhile True: time.sleep(0.01)")
    world = pvm.World(seconds=0.1)
    for _ in range(10):
        with pytest.raises(pvm.TimeLimitExceeded):
            world.run(program)
        time.sleep(0.02)
        assert world.eval("__import__('sys')._getframe().f_back") is None
        assert world.eval("1 + 1") == 2

def test_recursion_limit_is_the_guests():
    world = pvm.World(recursion=60)
    with pytest.raises(RecursionError):
        world.run("def f(n):\n    return f(n + 1)\nf(0)")
    assert world.eval("__import__('sys').getrecursionlimit()") == 60


def test_worlds_are_apart():
    first, second = pvm.World(recursion=100), pvm.World()
    first.run("import sys, warnings\nsys.marker = 1\nwarnings.simplefilter('error')")
    assert second.eval("hasattr(__import__('sys'), 'marker')") is False
    assert second.eval("__import__('sys').getrecursionlimit()") == 1000
    assert second.run("import warnings\nfilters = list(warnings.filters)")["filters"] != \
        first.run("filters = list(warnings.filters)")["filters"]


# A local read again by a later product of the same joined run, with and without a
# store between: where the first check found a float, the later one uses that
# (pvm.engine.size_checks.with_floats_kept).
_FLOATS_KEPT = """\
def again(a, n):
    c = a * a
    return c, a * n
def stored(a, b, n):
    c = a * a
    a = b
    return c, a * n
def deleted(a, n):
    c = a * a
    del a
    a = n
    return c, a * a
def constant(a):
    return a * 2.0, 0.5 * a, a ** 0.5
def landed(a, c):
    # A jump lands at the product: it may be of another value than the constant.
    return a * (2.0 if c else 10**10)
for i in range(200):
    constant(2.25)
    landed(1.5, 1)
    again(1.5, 3)
    stored(1.5, 2.0, 3)
    deleted(2.5, 3.0)
"""


def test_a_run_s_checks_of_a_float_read_again_pass_for_that_float_only():
    from pvm.engine import hot_runs
    world = pvm.World(memory=_MEMORY_LIMIT, join_threshold=0)
    namespace = world.run(_FLOATS_KEPT)
    executable = world.interpreter.executables[id(namespace["again"].__code__)]
    source = hot_runs.joined_source(executable.handlers[0])
    # The second product of ``a`` uses what the first found; in ``stored``, ``a`` is
    # a new value and is tested again.
    assert "if not float_" in source and "(float_" in source
    stored = world.interpreter.executables[id(namespace["stored"].__code__)]
    assert "if not float_" not in hot_runs.joined_source(stored.handlers[0])
    # As CPython computes them.
    # A float constant's product or power needs no check at all.
    constant = world.interpreter.executables[id(namespace["constant"].__code__)]
    assert "check_operation" not in hot_runs.joined_source(constant.handlers[0])
    assert world.eval("again(1.5, 3), stored(1.5, 2.0, 3), deleted(2.5, 3.0), landed(1.5, 1),"
                      " constant(2.25)") \
        == ((2.25, 4.5), (2.25, 6.0), (6.25, 9.0), 3.0, (4.5, 1.125, 1.5))
    # Not a float: the later product is checked (a string repeated past the limit).
    for call in ("again(10**9, ['x'])", "stored(1.5, 'ab', 10**10)", "landed('ab', 0)"):
        with pytest.raises(pvm.MemoryLimitExceeded):
            world.eval(call)
    # The count is the same however the code runs, and exactly the instructions run.
    counts = {_spent(_FLOATS_KEPT, memory=_MEMORY_LIMIT, fusion=False),
              _spent(_FLOATS_KEPT, memory=_MEMORY_LIMIT, join_threshold=0)}
    assert counts == {_instructions_run(_FLOATS_KEPT)}


_GROWN_LIST_CHILD = """\
import sys
import pvm
from pvm.world.memory import resident_size
world = pvm.World(memory=int(sys.argv[2]), join_threshold=0)
before = resident_size()
try:
    world.run(sys.argv[1])
except pvm.MemoryLimitExceeded:
    print(resident_size() - before)
"""


def test_a_list_grown_by_its_methods_in_a_loop_meets_the_memory_limit(tmp_path):
    # ``insert`` and ``pop`` pass the quick test by their name, ``extend`` of a list
    # already made by its argument: the growth a little at a time is stopped within a
    # slice of instructions, and ``extend`` of a lazy iterable by the look.  Each in a
    # process of its own, as an embedding program starts: in this one, after earlier
    # tests freed large blocks, the allocator serves a list's growth from its heap
    # (glibc raises its threshold for mapping a block of its own up to 32 MB), where a
    # realloc may copy the list and keep both copies' pages resident, so the process
    # grew by 43 to 70 MB for a list stopped at 32 MB (docs/architecture.md, memory).
    from subprocesses import run_python
    for program in ("x = []\nwhile True:\n    x.insert(len(x), 0)\n    x.append(x.pop())",
                    "x = []\nwhile True:\n    x.extend([0] * 100)",
                    "def f():\n    x = []\n    for i in range(10):\n"
                    "        x.extend([0])\n    x.extend(range(10**10))\nf()\n"):
        status, output, errors = run_python(
            ["-c", _GROWN_LIST_CHILD, program, str(_MEMORY_LIMIT)], str(tmp_path))
        assert status == 0, errors
        assert 0 <= int(output) < 2 * _MEMORY_LIMIT


@pytest.mark.parametrize("program", [
    "import os",
    "__import__('os')",
    "import importlib\nimportlib.import_module('posix')",
    "import json\nexec('import os', vars(json))",
    "import _frozen_importlib",
])
def test_imports_outside_the_allow_list_fail(program):
    world = pvm.World(imports=["json", "importlib"])
    with pytest.raises(ImportError):
        world.run(program)


def test_allowed_modules_import_what_they_need():
    world = pvm.World(imports=["json"])
    assert world.run("import json\ntext = json.dumps({'a': [1]})")["text"] == '{"a": [1]}'


def test_files_outside_the_allowed_folders_cannot_be_read_and_none_written(tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "data.txt").write_text("inside")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    world = pvm.World(files=[str(allowed)])
    assert world.eval("open(%r).read()" % str(allowed / "data.txt")) == "inside"
    for program in ("open(%r).read()" % str(secret),
                    "open(%r, 'w')" % str(allowed / "new.txt"),
                    "__import__('os').listdir(%r)" % str(tmp_path),
                    "__import__('os').remove(%r)" % str(allowed / "data.txt")):
        with pytest.raises(PermissionError):
            world.run(program)
    assert os.path.exists(allowed / "data.txt")


# -- the count, and each limit against what tries to pass it -------------------------------

_LOOPS = """
total = 0
for i in range(300):
    if i % 3:
        total += i
    elif i % 5:
        continue
    else:
        total -= 1
    j = 0
    while j < 4:
        j += 1
        if j == 3:
            break
squares = [x * x for x in range(50) if x % 2]
def numbers(n):
    for k in range(n):
        yield k
total += sum(numbers(40))
def either(a, b=2):
    return a and b or a
for i in range(200):
    either(i)
    either(0, 0)
text = " ".join(str(x) for x in range(30))
"""
_RAISING = """
caught = 0
for i in range(200):
    try:
        if i % 7 == 0:
            raise ValueError(i)
        x = 1 // (i % 5)
    except ZeroDivisionError:
        caught += 1
    except ValueError:
        caught += 2
    finally:
        caught += 0
def two():
    yield 1
    yield 2
for i in range(100):
    next(two())
"""


def _spent(program, **options):
    world = pvm.World(instructions=10**9, **options)
    world.run(program)
    return world.limits.spent()


def _instructions_run(program):
    world = pvm.World()
    count = [0]

    def counting(handler, code, index, opcode, operand):
        def run(frame, stack, fast):
            count[0] += 1
            return handler(frame, stack, fast)
        return run
    world.interpreter.instrument(counting)
    world.run(program)
    return count[0]


@pytest.mark.parametrize("program", [_LOOPS, _RAISING])
def test_the_count_is_the_same_however_the_code_runs(program):
    # Single handlers only, superinstructions and runs joined as code gets hot, every
    # run joined at once, joined early: one count.
    counts = {_spent(program, fusion=False), _spent(program),
              _spent(program, join_threshold=0), _spent(program, join_threshold=5)}
    assert len(counts) == 1
    if program is _LOOPS:
        # With no exception (and every generator run to its end) it is exactly the
        # instructions that ran, as an instrument counts them one by one.
        assert counts == {_instructions_run(program)}


def test_loops_in_callbacks_from_host_code_are_counted():
    world = pvm.World(instructions=20_000)
    with pytest.raises(pvm.InstructionLimitExceeded):
        world.run("while True:\n    sorted(range(100), key=lambda value: -value)")
    with pytest.raises(pvm.InstructionLimitExceeded):
        world.run("sorted(range(10**6), key=lambda value: -value)")


_MEMORY_LIMIT = 32 * 2**20


@pytest.mark.parametrize("program", [
    "x = 'ab' * 10**10",
    "x = b'ab' * 10**10",
    "x = [0] * 10**10",
    "x = (0,) * 10**10",
    "x = 10 ** 10 ** 10",
    "x = 1 << 10**12",
    "x = 'a'\nx *= 10**11",
    "x = 7\nwhile True:\n    x = x * x",
    "x = [0]\nwhile True:\n    x = x * 2",
    "x = []\nwhile True:\n    x.append([0] * 100)",
    "x = [[0] * 1000 for _ in range(10**9)]",
    "x = {}\ni = 0\nwhile True:\n    x[i] = [i] * 50\n    i += 1",
    "try:\n    x = 'ab' * 10**10\nexcept BaseException:\n    print('caught')",
    "try:\n    x = [[0] * 1000 for _ in range(10**9)]\nfinally:\n    print('finally')",
    # Host functions whose result's size follows from their arguments.
    "x = bytes(10**9)",
    "x = bytearray(10**9)",
    "x = 'a'.ljust(10**9)",
    "x = b'a'.rjust(10**9)",
    "x = 'a'.center(10**9)",
    "x = '1'.zfill(10**9)",
    "x = str.ljust('a', 10**9)",
    "x = ('\\t' * 1000).expandtabs(10**6)",
    "x = list(range(10**9))",
    "x = tuple(range(10**9))",
    "x = []\nx.extend(range(10**9))",
    "x = ('a' * 1000).replace('', 'x' * 10**6)",
    "x = (1).to_bytes(10**9, 'big')",
    "x = '%*d' % (10**9, 1)",
    "x = '%1000000000d' % 1",
    "x = f'{1:{10**9}}'",
    "x = format(1, '1000000000')",
    "x = '{:1000000000}'.format(1)",
    "x = ('x' * 10**6).join(['a'] * 1000)",
    "x = 'ab'.__mul__(10**9)",
    "x = bytes.__new__(bytes, 10**9)",
    "make = bytes\nx = make(*[10**9])",
    "x = bytes(*iter([10**9]))",
    "x = (1).to_bytes(**{'length': 10**9, 'byteorder': 'big'})",
    "x = True << 10**10",
    "x = pow(2, 10**10)",
    "x = sum([[0] * 10**5] * 10**3, [])",
    "class B(bytes):\n    pass\nx = B(10**9)",
    "class L(list):\n    pass\nx = L(range(10**9))",
    "x = [*range(10**9)]",
    "x = {*range(10**9)}",
    "import itertools\nx = [*itertools.count()]",
    "import itertools\nx = list(itertools.repeat(0, 10**9))",
    # Items' lengths count in a join; a subclass's instances make what their base's do.
    "x = ''.join(['x' * 10**6] * 1000)",
    "class S(str):\n    pass\nx = S('ab') * 10**9",
    "class S(str):\n    def __len__(self):\n        return 0\nx = S('a').ljust(10**9)",
    "class L(list):\n    pass\nx = L([0]) * 10**9",
    # Host callables reached through the wrappers of callables.
    "import types\nx = types.MethodType(str.ljust, 'a')(10**9)",
    "import types\nx = types.MethodType(types.MethodType(str.ljust, 'a'), 10**9)()",
    "import functools\nx = functools.partial(str.ljust, 'a')(10**9)",
    "import functools\nx = functools.partial(pow, exp=10**10)(2)",
    "import operator\nx = operator.methodcaller('ljust', 10**9)('a')",
    "import operator\nx = operator.methodcaller('ljust', 10**9, fillchar='b')('a')",
    "import operator\nx = operator.call(str.ljust, 'a', 10**9)",
    "x = staticmethod(str.ljust)('a', 10**9)",
    "class M(type):\n    pass\nclass B(bytes, metaclass=M):\n    pass\nx = B(10**9)",
    # Host code that calls a callable it is given.
    "x = list(map(str.ljust, ['a'], [10**9]))",
    "import functools\nx = list(map(functools.partial(str.ljust, 'a'), [10**9]))",
    "import itertools\nx = list(itertools.starmap(str.ljust, [('a', 10**9)]))",
    "x = list(filter(' '.ljust, [10**9]))",
    "x = sorted([10**9], key=' '.ljust)",
    "x = max([10**9, 1], key=' '.ljust)",
    "x = [10**9, 1]\nx.sort(key=' '.ljust)",
    "import functools\nx = functools.reduce(str.ljust, [10**9], 'a')",
    "import itertools\nx = list(itertools.accumulate(['a', 10**9], str.ljust))",
    "import collections, functools\n"
    "x = collections.defaultdict(functools.partial(str.ljust, 'a', 10**9))[0]",
    "import functools\nx = next(iter(functools.partial(str.ljust, 'a', 10**9), None))",
    "import functools\nx = functools.cache(functools.partial(str.ljust, 'a'))(10**9)",
    "import types\nx = list(types.MethodType(map, str.ljust)(['a'], [10**9]))",
    # Keyword forms, sizes given by ints of other types, and more host operations whose
    # result's size follows from their operands.
    "x = pow(base=2, exp=10**10)",
    "x = sum([[0] * 10**5] * 10**3, start=[])",
    "x = bytearray(source=10**9)",
    "class I(int):\n    pass\nx = 'a'.ljust(I(10**9))",
    "class I(int):\n    pass\nx = 'a' * I(10**9)",
    "class I:\n    def __index__(self):\n        return 10**9\nx = 'a'.ljust(I())",
    "class I:\n    def __index__(self):\n        return 10**9\nx = [0] * I()",
    "x = dict.fromkeys(range(10**8))",
    "x = ('a' * 1000).translate({97: 'b' * 10**6})",
    "x = '{:{}}'.format(1, 10**9)",
    "x = sorted(range(10**9))",
    "import array\nx = array.array('b', [0]) * 10**9",
    "import array\nx = array.array('d', range(10**8))",
    "import collections\nx = collections.deque([0]) * 10**9",
    "import collections\nx = collections.deque(range(10**9))",
    "import itertools\nx = list(itertools.product(range(10), repeat=9))",
    "import itertools\nx = itertools.product(range(10**8), repeat=2)",
    # Host iterables made of others, which host code iterates over.
    "x = ''.join(map(str, range(10**8)))",
    "x = list(map(str, range(10**8)))",
    "x = [*zip(range(10**9), range(10**9))]",
    "x = []\nx.extend(enumerate(range(10**9)))",
    "x = bytearray()\nx.extend(range(10**10))",
    "import collections\nx = collections.deque()\nx.extend(range(10**10))",
    "import collections\nx = collections.deque()\nx.extendleft(range(10**10))",
    "import itertools\nx = list(itertools.islice(itertools.count(), 10**9))",
    "import itertools\nx = list(itertools.chain((i for i in ()), range(10**9)))",
    # Special methods a guest class takes from the host, which the host calls.
    "class S(str):\n    __add__ = str.ljust\nx = S('a') + 10**10",
    "class L(list):\n    __iadd__ = list.__mul__\nx = L([0])\nx += 10**10",
    "class C:\n    __call__ = staticmethod(bytes)\nx = C()(10**10)",
    "import functools\nclass C:\n    __getitem__ = functools.partial(str.ljust, 'a')\n"
    "x = C()[10**10]",
    # ... set on a class after it is made, or in a class made by a call.
    "class S(str):\n    pass\nS.__add__ = str.ljust\nx = S('a') + 10**10",
    "class S(str):\n    pass\nsetattr(S, '__add__', str.ljust)\nx = S('a') + 10**10",
    "class S(str):\n    pass\ntype.__setattr__(S, '__add__', str.ljust)\nx = S('a') + 10**10",
    "import functools\nclass S(str):\n    pass\n"
    "functools.partial(setattr, S)('__add__', str.ljust)\nx = S('a') + 10**10",
    "S = type('S', (str,), {'__add__': str.ljust})\nx = S('a') + 10**10",
    "class M(type):\n    pass\nS = M('S', (str,), {'__add__': str.ljust})\nx = S('a') + 10**10",
    "S = type.__new__(type, 'S', (str,), {'__add__': str.ljust})\nx = S('a') + 10**10",
    "class M(type):\n    def __new__(cls, name, bases, namespace):\n"
    "        return super().__new__(cls, name, bases, namespace)\n"
    "S = M('S', (str,), {'__add__': str.ljust})\nx = S('a') + 10**10",
    # Host consumers of lazy iterables.
    "x = dict(zip(range(10**9), range(10**9)))",
    "import itertools\nx = [*itertools.product(range(10), repeat=10)]",
    # Sequences joined to themselves in a loop, doubling at each turn in one
    # instruction, and lazy iterables added in place.
    "x = [0]\nwhile True:\n    x.extend(x)",
    "x = [0]\nwhile True:\n    x += x",
    "x = [0]\nwhile True:\n    x = x + x",
    "s = 'a'\nwhile True:\n    s = s + s",
    "s = 'a'\nwhile True:\n    s += s",
    "a, b = 'a', 'b'\nwhile True:\n    a, b = b, a + b",
    "s = b'a'\nwhile True:\n    s = s + s",
    "s = b'a'\nwhile True:\n    s = s + memoryview(s)",
    "s = bytearray(b'a')\nwhile True:\n    s = s + s",
    "s = bytearray(b'a')\nwhile True:\n    s += bytes(s)",
    "t = (0,)\nwhile True:\n    t = t + t",
    "x = [0]\nwhile True:\n    x = [*x, *x]",
    "x = [0]\nwhile True:\n    x = (*x, *x)",
    "x = [0]\nwhile True:\n    x = x.__add__(x)",
    "x = [0]\nwhile True:\n    x = list.__add__(x, x)",
    "import operator\nx = [0]\nwhile True:\n    x = operator.add(x, x)",
    "import operator\nx = [0]\nwhile True:\n    x = operator.iconcat(x, x)",
    "class L(list):\n    pass\nx = L([0])\nwhile True:\n    x += x",
    "import array\nx = array.array('b', [0])\nwhile True:\n    x += x",
    "import collections\nx = collections.deque([0])\nwhile True:\n    x += x",
    "import collections\nx = collections.deque([0])\nwhile True:\n    x.extend(x)",
    "s = 'a'\nwhile True:\n    s = '%s%s' % (s, s)",
    "s = b'a'\nwhile True:\n    s = b'%s%s' % (s, s)",
    "s = 'a'\nwhile True:\n    s = '{}{}'.format(s, s)",
    "s = 'a'\nwhile True:\n    s = '{a}{a}'.format_map({'a': s})",
    "x = []\nx += range(10**10)",
    "import itertools\nx = []\nx += itertools.count()",
    "import collections\nx = collections.deque()\nx += range(10**10)",
    # The operator module's functions of the operators that amplify, called and given.
    "import operator\nx = operator.mul('ab', 10**9)",
    "import operator\nx = operator.__imul__([0], 10**9)",
    "import operator\nx = operator.mod('%*d', (10**9, 1))",
    "import functools, operator\nx = functools.reduce(operator.mul, [[0], 10**9])",
    # Sets and dicts grown by a lazy iterable, a Counter of one, random bytes, a packed
    # format, an array extended by itself.
    "s = set()\ns.update(range(10**9))",
    "s = frozenset().union(range(10**9))",
    "s = set()\ns.symmetric_difference_update(range(10**9))",
    "d = {}\nd.update(zip(range(10**9), range(10**9)))",
    "import collections\nc = collections.Counter(range(10**9))",
    "import os\nx = os.urandom(10**9)",
    "import struct\nx = struct.pack('1000000000x')",
    "import array\na = array.array('b', bytes(10**6))\nwhile True:\n    a.extend(a)",
])
@pytest.mark.parametrize("hot", [False, True])
def test_memory_limit_fires_before_the_process_grows_by_twice_the_limit(program, hot):
    from pvm.world.memory import resident_size
    output = io.StringIO()
    options = {}
    if hot:
        # In a function whose runs are joined at once: the checks inside joined runs.
        program = "def f():\n%s\nf()\n" % "\n".join("    " + line
                                                    for line in program.splitlines())
        options = dict(join_threshold=0)
    # A first run in a world thrown away pays what the process pays once, whichever test
    # runs first in it (imports of pvm's own modules, translations, the allocator's
    # arenas); the run measured is the second, in a fresh world.
    with pytest.raises(pvm.MemoryLimitExceeded):
        pvm.World(memory=_MEMORY_LIMIT, stdout=io.StringIO(), **options).run(program)
    world = pvm.World(memory=_MEMORY_LIMIT, stdout=output, **options)
    before = resident_size()
    with pytest.raises(pvm.MemoryLimitExceeded):
        world.run(program)
    assert resident_size() - before < 2 * _MEMORY_LIMIT
    assert output.getvalue() == ""
    # The world runs again, with its whole allowance.
    assert world.eval("len('ab' * 1000)") == 2000


def test_sizes_within_the_memory_limit_are_made_as_cpython_makes_them():
    program = ("r = ('a'.ljust(5), b'1'.zfill(3), len(bytes(1000)), list(range(3)),"
               " '%*d|%-4s' % (4, 7, 'x'), f'{2:{6}}', format(3, '>4'), '{:3}'.format(1),"
               " 'a\\tb'.expandtabs(4), 'ab'.replace('', '-'), (255).to_bytes(2, 'big'),"
               " '-'.join('abc'), 17 % 5, 'ab' * 3, tuple(range(2)) * 2, True << 3,"
               " pow(2, 10), pow(3, 4, 5), sum([[1], [2]], []), [*range(3)], {*range(2)},"
               " 2.5 * 2, 3 ** 70, 7 << 70, (2 ** 5000) * 3, bytes(*[2]),"
               " int.to_bytes(**{'self': 5, 'length': 2, 'byteorder': 'big'})"
               " if False else (5).to_bytes(**{'length': 2, 'byteorder': 'big'}))\n"
               # Wrappers, callbacks and keyword forms, looked into and let run.
               "import array, collections, functools, itertools, operator, types\n"
               "class I(int):\n    pass\n"
               "r2 = (types.MethodType(str.ljust, 'a')(3), functools.partial(str.ljust, 'a')(3),"
               " operator.methodcaller('ljust', 3, '-')('a'), operator.call(str.zfill, '1', 3),"
               " staticmethod(str.ljust)('a', 2), list(map(str.ljust, ['a', 'b'], [2, 3])),"
               " list(itertools.starmap(pow, [(2, 5)])), sorted(['bb', 'a'], key=len),"
               " max(['a', 'ccc', 'bb'], key=str.upper), functools.reduce(str.ljust, [3], 'a'),"
               " list(itertools.accumulate(['a', 3], str.ljust)), list(filter(str.strip, [' ', 'a'])),"
               " collections.defaultdict(functools.partial(str.ljust, 'a', 2))[0],"
               " pow(base=2, exp=5), sum([[1]], start=[]), bytes(source=2), 'a' * I(3),"
               " 'a'.ljust(I(3)), dict.fromkeys(range(3)), 'ab'.translate({97: 'xy'}),"
               " '{:{}}'.format(1, 4), array.array('b', [1]) * 3, collections.deque([1]) * 2,"
               " list(itertools.product(range(2), repeat=2)), sorted(range(3, 0, -1)),"
               " functools.cache(functools.partial(str.ljust, 'a'))(2))\n"
               # Host iterables made of others, sized and let run.
               "r3 = (''.join(map(str, range(5))), list(zip(range(3), 'ab')), [*enumerate('xy')],"
               " list(itertools.islice(itertools.count(), 2, 9, 3)),"
               " list(itertools.chain((i for i in range(2)), range(2), [7])),"
               " sorted(filter(None, range(-2, 3))), tuple(itertools.accumulate(range(4))),"
               " list(map(lambda v: -v, range(3))), sum(range(10)), max(range(5)),"
               " any(map(bool, range(3))), all(range(1, 4)), min(map(abs, range(-3, 3))))\n"
               # Sequences joined, long ones too, sized and let run.
               "x, s, b = [1] * 2000, 'a' * 2000, bytearray(b'b' * 2000)\n"
               "x += x\nx.extend(x)\ns = s + s\nb += bytes(b)\nd = collections.deque([1])\n"
               "d += range(3)\nd.extend(d)\ny = []\ny += range(4)\n"
               "r4 = (len(x), len(s), len(b), d, y, len([*x, *x]), len(operator.add(x, x)),"
               " 'a' + 'b', (1,) + (2,), b'a' + memoryview(b'b'), len(x.__add__(x)),"
               " array.array('b', [1]) + array.array('b', [2]), 1 + 2.5,"
               " len('%s%s' % (s, s)), len('{}{}'.format(s, s)), '{a}'.format_map({'a': 'b'}))\n"
               # Sets, dicts and arrays grown by lazy iterables, counted, packed.
               "import os, struct\nst = {0}\nst.update(range(3), [7])\nst.symmetric_difference_update(range(2))\n"
               "dd = {}\ndd.update(zip(range(2), 'ab'))\nar = array.array('b', [1])\nar.extend(ar)\n"
               "r5 = (st, frozenset().union(range(2)), set().symmetric_difference(range(2)), dd, ar,"
               " dict(collections.Counter(range(3))), len(os.urandom(5)), struct.pack('3x'))\n"
               "r = r, r2, r3, r4, r5")
    expected = {}
    exec(program, expected)
    assert pvm.World(memory=_MEMORY_LIMIT).run(program)["r"] == expected["r"]
    hot = "def f():\n%s\n    return r\nr = [f() for _ in range(3)][-1]" % "\n".join(
        "    " + line for line in program.splitlines())
    # The process's first joining of this much code grows it by some 80 to 160 MB of
    # pvm's own (the joined runs' host code, made and cached for the process), which a
    # memory limit counts as the guest's: a world limited as this one, but with room
    # for that, joins it first (the same joined runs: a limit's charges and checks are
    # in them), as the suite's earlier worlds did when this test ran in order.
    assert pvm.World(memory=2**50, join_threshold=0).run(hot)["r"] == expected["r"]
    assert pvm.World(memory=_MEMORY_LIMIT, join_threshold=0).run(hot)["r"] == expected["r"]


# Host operations the time limit cannot cut short once started (pvm kills no host
# thread): each would run seconds to hours; a world with a time limit alone estimates
# the time from the operands and stops before starting one that would not end in time.

@pytest.mark.parametrize("limit", [dict(seconds=5.0), dict(memory=_MEMORY_LIMIT)])
def test_special_methods_taken_from_the_host_run_as_in_cpython_behind_the_checks(limit):
    program = ("import functools\n"
               "class S(str):\n    __add__ = str.ljust\n    __mul__ = str.center\n"
               "class C:\n    __call__ = staticmethod(bytes)\n"
               "    __getitem__ = functools.partial(str.zfill, '7')\n"
               "r = (S('a') + 3, S('b') * 3, C()(2), C()[3], S.__add__.__name__)\n"
               # Set after the class is made, or in a class made by a call.
               "class T(str):\n    pass\nT.__add__ = str.ljust\n"
               "setattr(T, '__mul__', str.center)\ntype.__setattr__(T, '__call__', str.upper)\n"
               "T.__len__ = lambda self: 9\nT.__doc__ = 'd'\n"
               "U = type('U', (str,), {'__add__': str.rjust, 'x': 1})\n"
               "class M(type):\n    pass\nV = M('V', (bytes,), {'__call__': bytes.zfill})\n"
               "W = type.__new__(type, 'W', (str,), {'__mul__': str.zfill})\n"
               "r = r, (T('a') + 3, T('b') * 3, T('c')(), len(T('d')), T.__doc__, U('e') + 3,"
               " U.x, V(b'1')(3), W('2') * 3, T.__add__.__name__, type(U).__name__,"
               " type(V).__name__, dict(zip('ab', range(2))), dict([(1, 2)], c=3),"
               " list((1, 2)), tuple([3]), set('a'), frozenset([4]), type(5).__name__)\n")
    expected = {}
    exec(program, expected)
    assert pvm.World(**limit).run(program)["r"] == expected["r"]


_AMPLIFIERS = [
    "x = 'ab' * 10**9",
    "x = b'ab' * 10**9",
    "x = [0] * 10**9",
    "x = (0, 1) * 10**9",
    "x = [0]\nwhile True:\n    x = x * 2",
    "x = 10 ** 10 ** 8",
    "x = 3 ** 10**8",
    "x = pow(7, 10**8)",
    "x = (7).__pow__(10**8)",
    "x = 7\nwhile True:\n    x = x * x",
    "x = 1 << 10**11",
    "x = pow(3, 2**10**5, 10**10**4)",
    "x = bytes(10**10)",
    "x = bytearray(10**10)",
    "x = (1).to_bytes(10**10, 'big')",
    "x = '1'.zfill(10**10)",
    "x = 'a'.ljust(10**10)",
    "x = b'a'.center(10**10)",
    "x = ('x' * 10**6).join(['a'] * 10**4)",
    "x = ''.join(['x' * 10**6] * 10**4)",
    "x = ('a' * 1000).replace('', 'x' * 10**7)",
    "x = '%*d' % (10**10, 1)",
    "x = f'{1:{10**10}}'",
    "x = list(range(10**10))",
    "x = [*range(10**10)]",
    "x = set(range(10**10))",
    "x = sum([[0] * 10**3] * 10**5, [])",
    "class S(str):\n    pass\nx = S('ab') * 10**10",
    "class B(bytes):\n    pass\nx = B(10**10)",
    "x = pow(base=7, exp=10**8)",
    "import math\nx = math.factorial(10**7)",
    "import math\nx = math.comb(10**7, 5 * 10**6)",
    "import functools\nx = functools.partial(str.ljust, 'a')(10**10)",
    "x = list(map(str.ljust, ['a'], [10**10]))",
    "x = ''.join(map(str, range(10**8)))",
    "x = list(map(str, range(10**8)))",
    "x = sorted(map(abs, range(10**9)))",
    "x = set(filter(None, range(10**9)))",
    "import itertools\nx = list(itertools.starmap(pow, zip(range(10**9), range(10**9))))",
    "import itertools\nx = tuple(itertools.accumulate(range(10**9)))",
    # The host's consumers of a lazy iterable, which keep none of its items.
    "x = sum(range(10**9))",
    "x = max(range(10**9))",
    "x = all(range(1, 10**10))",
    "import itertools\nx = any(map(bool, itertools.repeat(0)))",
    # Special methods a guest class takes from the host, which the host calls.
    "class S(str):\n    __add__ = str.ljust\nx = S('a') + 10**10",
    "class L(list):\n    __iadd__ = list.__mul__\nx = L([0])\nx += 10**10",
    "class C:\n    __call__ = staticmethod(bytes)\nx = C()(10**10)",
    "import functools\nclass C:\n    __getitem__ = functools.partial(str.ljust, 'a')\n"
    "x = C()[10**10]",
    # The operator module's functions of the operators that amplify.
    "import operator\nx = operator.pow(7, 10**8)",
    "import operator\nx = list(map(operator.lshift, [1], [10**11]))",
]


@pytest.mark.parametrize("program", _AMPLIFIERS)
@pytest.mark.parametrize("hot", [False, True])
def test_time_limit_alone_stops_amplifiers_before_they_start(program, hot):
    output = io.StringIO()
    options = {}
    if hot:
        program = "def f():\n%s\n    print('done')\nf()\n" % "\n".join(
            "    " + line for line in program.splitlines())
        options = dict(join_threshold=0)
    assert_stops_in_time(lambda: pvm.World(seconds=0.3, stdout=output, **options),
                         lambda world: world.run(program))
    assert output.getvalue() == ""


# Classes made by a call, not a class statement: type's, a metaclass's (type.__new__
# makes the class: it names the module of the running frame's globals, pvm's host code
# there), type.__new__'s, by CALL, CALL_KW and CALL_FUNCTION_EX, with a namespace the
# checks of a timed world put behind them (a host special method) or not.
_CLASSES_MADE_BY_CALLS = """
class M(type):
    pass
class N(type):
    def __init__(cls, *arguments):
        super().__init__(*arguments)
class Base(str):
    def __init_subclass__(cls, **keywords):
        pass
def made(namespace):
    return [type('A', (str,), dict(namespace)), M('B', (str,), dict(namespace)),
            N('C', (str,), dict(namespace)), type.__new__(M, 'D', (str,), dict(namespace)),
            type(*('E', (str,), dict(namespace))), M(*('F', (str,), dict(namespace))),
            M('G', (str,), dict(namespace), **{}), M('H', (Base,), dict(namespace), flag=1),
            type('I', (Base,), dict(namespace), flag=1)]
modules = set()
for _ in range(30):
    for namespace in ({}, {'__add__': str.ljust}, {'__module__': 'elsewhere'}):
        modules.add(tuple(kind.__module__ for kind in made(namespace)))
print(sorted(modules))
"""


@pytest.mark.parametrize("limit", [{}, dict(seconds=100), dict(instructions=10**9)])
def test_classes_made_by_calls_name_the_guest_s_module(limit):
    expected = io.StringIO()
    with contextlib.redirect_stdout(expected):
        exec(_CLASSES_MADE_BY_CALLS, {"__name__": "__main__"})
    output = io.StringIO()
    pvm.World(stdout=output, **limit).run(_CLASSES_MADE_BY_CALLS)
    assert output.getvalue() == expected.getvalue()
    assert "pvm" not in output.getvalue()

# A pickle that calls str.ljust('a', 10**10) (REDUCE).
_AMPLIFYING_PICKLE = (b"\x80\x04\x8c\x08builtins\x94\x8c\tstr.ljust\x94\x93\x94\x8c\x01a\x94"
                      b"\x8a\x05\x00\xe4\x0bT\x02\x86\x94R\x94.")


@pytest.mark.parametrize("limit", [dict(seconds=1.0), dict(memory=_MEMORY_LIMIT)])
def test_an_amplifying_pickle_is_stopped_before_it_amplifies(limit):
    # The guest's _pickle is pvm's, in Python (pvm.world.guest._pickle): the calls its
    # unpickler makes are checked as the guest's own.  (pickle imported in a run of its
    # own: the time limit bounds the unpickling.)
    from pvm.world.memory import resident_size
    grown = []

    def made():
        world = pvm.World(**limit)
        world.run("import pickle")
        return world

    def run(world):
        before = resident_size()
        try:
            world.run("x = pickle.loads(%r)" % _AMPLIFYING_PICKLE)
        finally:
            grown.append(resident_size() - before)
    if "seconds" in limit:
        world = assert_stops_in_time(made, run)
    else:
        world = made()
        with pytest.raises(pvm.MemoryLimitExceeded):
            run(world)
    assert max(grown) < 2 * _MEMORY_LIMIT
    assert world.eval("pickle.loads(pickle.dumps([1, 'a']))") == [1, "a"]


def test_operations_that_end_in_time_run_under_a_time_limit():
    program = ("r = (len('ab' * 10**6), len([0] * 10**6), (3 ** 10**4).bit_length(),"
               " len(bytes(10**6)), len('a'.ljust(10**6)), len(''.join(['x' * 1000] * 1000)),"
               " len(list(range(10**5))), len(sum([[0]] * 100, [])), pow(3, 10**5, 7))")
    expected = {}
    exec(program, expected)
    assert pvm.World(seconds=5).run(program)["r"] == expected["r"]


def test_the_checks_run_no_guest_code():
    # A guest metaclass's __hash__ and a str subclass's __len__ are the guest's to
    # call: the checks before a call or a product call neither.
    program = ("class M(type):\n    def __hash__(cls):\n        print('hash')\n"
               "        return 1\n    def __eq__(cls, other):\n        print('eq')\n"
               "        return False\n"
               "class C(metaclass=M):\n    def __call__(self):\n        return 5\n"
               "class S(str):\n    def __len__(self):\n        print('len')\n        return 1\n"
               "print(C()(), S('ab') * 3, S('a').ljust(3), '-'.join([S('x'), S('y')]))\n")
    expected = io.StringIO()
    with contextlib.redirect_stdout(expected):
        exec(program, {})
    for limits in (dict(memory=_MEMORY_LIMIT), dict(seconds=100)):
        output = io.StringIO()
        pvm.World(stdout=output, **limits).run(program)
        assert output.getvalue() == expected.getvalue()


def test_memory_limited_hot_code_keeps_its_joined_runs():
    # The checks are inside the joined runs: a product, a power and calls of host
    # functions do not cut them.
    from pvm.engine import hot_runs
    program = ("def f(x, items):\n    y = x * x + 1\n    items.append(y ** 2)\n"
               "    return len(items) * y\nfor i in range(100):\n    f(1.5, [])\n")
    world = pvm.World(memory=_MEMORY_LIMIT, join_threshold=0)
    namespace = world.run(program)
    executable = world.interpreter.executables[id(namespace["f"].__code__)]
    source = hot_runs.joined_source(executable.handlers[0])
    assert source is not None
    for body in ("BINARY_OP_MULTIPLY", "BINARY_OP__", "CALL_METHOD", "CALL"):
        assert body in source


@pytest.mark.parametrize("program", [
    "import os",
    "__import__('os')",
    "exec('import os')",
    "eval(\"__import__('os')\")",
    "exec(compile('import posix', 'name', 'exec'))",
    "__builtins__.__import__('os')",
    "import importlib",
    "import sys",
    "import gc",
    "import io",
    "import _io",
    "import faulthandler",
    "import signal",
    "import ctypes",
    "import marshal",
    # (A module's __builtins__ is the builtins dict, as in CPython.)
    "import json\nvars(json)['__builtins__']['__import__']('os')",
    "import json\nexec('import os', vars(json))",
    "breakpoint()",
    "[c for c in object.__subclasses__() if c.__name__ == 'FileIO'][0]('/etc/passwd')",
    "open('/etc/passwd').read()",
    "import json\njson.__loader__.get_data('/etc/passwd')",
    "import json\njson.__spec__.loader.get_data('/etc/passwd')",
    "try:\n    1 / 0\nexcept Exception as error:\n    frame = error.__traceback__.tb_frame\n"
    "    frame.f_builtins['__import__']('os')",
])
def test_escape_attempts_fail_in_a_world_that_restricts_imports_and_files(program):
    world = pvm.World(imports=["json"], files=[], stdout=io.StringIO(),
                      stderr=io.StringIO())
    with pytest.raises((ImportError, PermissionError, IndexError)):
        world.run(program)


# -- keeping the guest inside (pvm.world.guard, pvm.world.access) --------------------------

def _restricted_world(**options):
    return pvm.World(imports=["json"], files=[], stdout=io.StringIO(), stderr=io.StringIO(),
                     **options)


# Each reaches the host's objects (its builtins, sys, modules, pvm's own world and
# interpreter) in an unrestricted world of pvm's making; `escaped` must stay unset.
_ESCAPES_THROUGH_OBJECTS = [
    # The globals, closure and code of a builtin pvm writes in Python.
    "escaped = print.__globals__['host_sys']",
    "escaped = print.__closure__[0].cell_contents",
    "escaped = print.__code__",
    "escaped = __build_class__.__closure__[0].cell_contents",
    "escaped = open.__globals__",
    "escaped = super.__init__.__globals__",
    "escaped = getattr(print, '__globals__')",
    "escaped = object.__getattribute__(print, '__globals__')",
    "escaped = print.__getattribute__('__globals__')",
    "escaped = type(print).__dict__['__globals__'].__get__(print)",
    "escaped = vars(type(print))['__globals__'].__get__(print)",
    "escaped = type.__dict__['__dict__'].__get__(type(print))['__globals__']",
    "escaped = type(type.__dict__['__dict__']).__get__("
    "type.__dict__['__dict__'], type(print))['__globals__']",
    "escaped = type(print)(type(print).__code__, {})",
    # The host's functions the host's C code returns.
    "escaped = (1).__reduce_ex__(2)[0].__globals__['__builtins__']",
    # A builtin's module is the host's builtins, whose __import__ imports anything.
    "escaped = len.__self__.__import__('os')",
    "escaped = len.__self__.open('/etc/passwd').read()",
    "escaped = getattr(len, '__self__').__import__('os')",
    # pvm's own classes behind guest functions, generators and frames.
    "escaped = type(lambda: 0).__repr__.__globals__",
    "escaped = type(lambda: 0).make.__func__.__globals__",
    "def g():\n    yield 1\nescaped = type(g()).__mro__[1].__dict__['_resume'].__globals__",
    "escaped = (lambda: 0).interpreter",
    "escaped = (lambda: 0).executable",
    "try:\n    1 / 0\nexcept Exception as error:\n    escaped = error.__traceback__.tb_frame.interpreter",
    "try:\n    1 / 0\nexcept Exception as error:\n"
    "    escaped = error.__traceback__.tb_frame.__dict__['interpreter']",
    "try:\n    1 / 0\nexcept Exception as error:\n"
    "    escaped = error.__traceback__.tb_frame.f_back.f_globals['__builtins__']",
    # Classes of pvm and of the host's library, listed where guest code looks.
    "escaped = [c for c in object.__subclasses__() if c.__name__ == 'World'][0]",
    "escaped = [c for c in type.__subclasses__(object) if c.__name__ == 'Interpreter'][0]",
    "escaped = [c for c in object.__subclasses__() if 'pvm' in c.__module__][0]",
    "escaped = [c for c in vars(type)['__subclasses__'](object) if 'pvm' in c.__module__][0]",
    # importlib's loaders, past the allow-list.
    "escaped = __loader__.load_module('posix')",
    "escaped = __loader__.create_module(__loader__.find_spec('posix'))",
    "escaped = __loader__.find_spec.__globals__['sys']",
    # A module the guest shares with the host names the host's modules.
    "import json\nescaped = json.decoder.re.enum.sys.modules['posix'].system('true')",
    "import json\nescaped = json.decoder.re.enum.sys._getframe().f_back.f_globals",
    "import json\nescaped = [frame.f_globals['__name__'] for frame in\n"
    "           json.decoder.re.enum.sys._current_frames().values()\n"
    "           if frame.f_globals['__name__'].startswith('pvm')][0]",
    "import json\nescaped = json.decoder.re.enum.sys.meta_path[0].system",
    "import json\nspec = json.decoder.re.enum.sys.meta_path[0].find_spec('posix')\n"
    "escaped = spec.loader.create_module(spec)",
    # A name whose hash and equality lie.
    "class S(str):\n    def __hash__(self):\n        return 0\n"
    "    def __eq__(self, other):\n        return False\n"
    "escaped = getattr(print, S('__globals__'))",
    "class S(str):\n    def __hash__(self):\n        return 0\n"
    "    def __eq__(self, other):\n        return False\n"
    "code = (lambda: print.x).__code__.replace(co_names=('print', S('__globals__')))\n"
    "escaped = eval(code)",
    # Host C code that reads attributes by name.
    "import json\noperator = json.decoder.re.enum.sys.modules['operator']\n"
    "escaped = operator.attrgetter('__globals__')(print)",
    "import json\noperator = json.decoder.re.enum.sys.modules['operator']\n"
    "escaped = operator.methodcaller('__getattribute__', '__globals__')(print)",
]


@pytest.mark.parametrize("program", _ESCAPES_THROUGH_OBJECTS)
def test_the_guest_reaches_no_host_object(program):
    world = _restricted_world()
    with pytest.raises((AttributeError, ImportError, PermissionError, IndexError, KeyError,
                        TypeError)):
        world.run(program)
    assert "escaped" not in world.main_module.__dict__


# What gc gives the guest of a world that allows it: pvm's interpreter, world, module
# globals and handlers, and the host's functions' parts, are none of it.
_ESCAPES_THROUGH_GC = [
    "escaped = [o for o in gc.get_objects() if type(o).__name__ in ('World', 'Interpreter')][0]",
    "escaped = [o for o in gc.get_objects() if type(o) is dict and 'host_sys' in o][0]",
    "escaped = [o for o in gc.get_objects() if str(type(o).__module__).startswith('pvm')][0]",
    "escaped = [o for o in gc.get_objects() if type(o) is list and len(o) > 3\n"
    "           and all(str(getattr(i, '__module__', '')).startswith('pvm') for i in o)][0]",
    "escaped = [r for r in gc.get_referrers(print)\n"
    "           if type(r) is dict and str(r.get('__name__')).startswith('pvm')][0]",
    "escaped = [r for r in gc.get_referrers(sys) if type(r) is dict and 'host_sys' in r][0]",
    "def f():\n    pass\n"
    "escaped = [r for r in gc.get_referents(f) if 'pvm' in str(type(r).__module__)][0]",
    "escaped = [r for r in gc.get_referents(sys._getframe()) if type(r) is list\n"
    "           and r and type(r[0]).__name__ == 'function' and r[0].__module__ != __name__][0]",
    "escaped = [r for r in gc.get_referents(*gc.get_referents(print))\n"
    "           if type(r) is dict and 'host_sys' in r][0]",
]


@pytest.mark.parametrize("program", _ESCAPES_THROUGH_GC)
def test_gc_gives_the_guest_its_own_objects_only(program):
    world = pvm.World(imports=["gc", "sys"], files=[], stdout=io.StringIO(),
                      stderr=io.StringIO())
    with pytest.raises(IndexError):
        world.run("import gc, sys\n" + program)
    assert "escaped" not in world.main_module.__dict__


@pytest.mark.parametrize("program", [
    "import json\nescaped = json.decoder.re.enum.sys.modules['posix'].system('true')",
    "import json\nsys = json.decoder.re.enum.sys\n"
    "escaped = sys.modules['posix'].execv('/bin/true', ['true'])",
    "import json\nposix = json.decoder.re.enum.sys.modules['posix']\n"
    "escaped = posix.posix_spawn('/bin/true', ['true'], {})",
    "import json\nescaped = json.decoder.re.enum.sys.modules['posix'].fork()",
])
def test_a_world_given_imports_but_not_files_runs_no_program(program):
    # The posix that start-up loads is in sys.modules, which any module reaches.
    world = pvm.World(imports=["json"], stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(PermissionError):
        world.run(program)
    assert "escaped" not in world.main_module.__dict__


def test_a_world_that_allows_os_runs_programs():
    world = pvm.World(imports=["os"], stdout=io.StringIO())
    assert world.run("import os\nr = os.system('true')")["r"] == 0


def test_gc_gives_the_guest_its_objects_as_cpython_does():
    program = ("import gc\nclass K:\n    pass\nk = K()\nitems = [k]\n"
               "r = (any(o is items for o in gc.get_objects()), globals() in gc.get_referrers(k),"
               " items in gc.get_referrers(k), K in gc.get_referents(k),"
               " k in gc.get_referents(items))")
    expected = {}
    exec(program, expected)
    world = pvm.World(imports=["gc"], files=[], stdout=io.StringIO())
    assert world.run(program)["r"] == expected["r"]


@pytest.mark.parametrize("options", [dict(fusion=False), dict(join_threshold=0),
                                     dict(tier=1, join_threshold=5),
                                     dict(join_threshold=0, instructions=10**8)])
def test_the_guard_holds_however_the_code_runs(options):
    # Single handlers, superinstructions, joined runs, tier 1's translations, charged
    # handlers: each reads the guarded attributes through the guard.
    program = ("def f():\n    found = 0\n    for i in range(3000):\n        try:\n"
               "            print.__globals__\n            found += 1\n"
               "        except AttributeError:\n            pass\n"
               "    return found, len.__self__ is __builtins__\nr = f()\n")
    assert _restricted_world(**options).run(program)["r"] == (0, True)


# What ordinary programs read through the guarded attributes: a restricted world gives
# what CPython gives.
_ORDINARY = [
    "def f(a, b=2, *, c=3):\n    x = a\n    return lambda: x\n"
    "r = (f.__code__.co_name, f.__defaults__, f.__kwdefaults__, f.__globals__ is globals(),"
    " f(1).__closure__[0].cell_contents, f.__builtins__ is __builtins__.__dict__)",
    "class C:\n    def m(self):\n        pass\nr = (C().m.__self__.__class__.__name__,"
    " C.__dict__['m'].__name__, vars(C()) == {}, hasattr(C.m, '__code__'))",
    "class D:\n    def __get__(self, instance, owner=None):\n        return 7\n"
    "class E:\n    d = D()\nr = (E().d, vars(D)['__get__'].__name__, E.__dict__['d'].__get__(None, E))",
    "class A:\n    def __getattribute__(self, name):\n"
    "        return object.__getattribute__(self, name) * 2\n    x = 21\nr = A().x",
    "class B:\n    x = 1\n    def __getattribute__(self, name):\n"
    "        return super().__getattribute__(name) + 1\nr = B().x",
    "class K:\n    pass\nr = (K in object.__subclasses__(), int in object.__subclasses__(),"
    " bool in int.__subclasses__())",
    "r = (getattr(len, '__name__'), len.__self__ is __builtins__, print.__name__,"
    " print.__qualname__, print.__module__, [].append.__self__)",
    "r = getattr(object(), 'missing', 'default'), hasattr(len, '__self__')",
    "def g():\n    yield 1\nit = g()\nr = (it.gi_frame.f_code.co_name, it.gi_code.co_name,"
    " it.gi_frame.f_back)",
    "import json\nr = (json.decoder.re.compile('a+').match('aa').group(),"
    " json.loads('[1, 2]'))",
    "import json\nr = json.decoder.c_scanstring.__self__.__name__",
    "class P:\n    def __init__(self):\n        self.__dict__['v'] = 5\nr = (P().v, P().__dict__)",
    "def outer():\n    try:\n        1 / 0\n    except ZeroDivisionError as error:\n"
    "        return error.__traceback__.tb_frame.f_code.co_name\nr = outer()",
    # The guest's getattr, hasattr, setattr and delattr, and their messages.
    "class A:\n    pass\na = A()\nsetattr(a, 'x', 1)\nr = [getattr(a, 'x'), hasattr(a, 'x')]\n"
    "delattr(a, 'x')\nr.append(getattr(a, 'x', 'gone'))\n"
    "for call in (lambda: getattr(a), lambda: setattr(a), lambda: hasattr(a, 1),"
    " lambda: delattr(a, 'x'), lambda: getattr(a, 'x', 1, 2), lambda: setattr(1, 'y', 2)):\n"
    "    try:\n        call()\n    except (TypeError, AttributeError) as error:\n"
    "        r.append((type(error).__name__, str(error)))",
    # A metaclass whose __getattribute__ reads the class's __dict__ (typing's io).
    "class Meta(type):\n    def __getattribute__(cls, name):\n"
    "        if name != '__dict__' and name in cls.__dict__:\n            pass\n"
    "        return super().__getattribute__(name)\n"
    "class K(metaclass=Meta):\n    x = 1\n"
    "r = (K.x, sorted(name for name in vars(K) if not name.startswith('__')),"
    " K in object.__subclasses__())",
    "import json\noperator = json.decoder.re.enum.sys.modules['operator']\n"
    "r = (operator.attrgetter('real', 'imag')(3), operator.methodcaller('upper')('a'),"
    " repr(operator.attrgetter('x.y')), sorted([3, 1, 2], key=operator.attrgetter('real')))",
]


@pytest.mark.parametrize("program", _ORDINARY)
def test_ordinary_programs_read_what_cpython_reads(program):
    import builtins
    expected = {"__builtins__": builtins}
    exec(program, expected)
    assert _restricted_world().run(program)["r"] == expected["r"]


# Each opens a file past the world's folders through the host's FileIO, which the guest's
# _io does not check and any file object the guest holds leads to; {file} is one it may
# read.
_ESCAPES_THROUGH_FILE_OBJECTS = [
    "escaped = type(open({file}).buffer.raw)('/etc/passwd').read()",
    "escaped = type(open({file}, 'rb').raw)('/etc/passwd').read()",
    "f = open({file}, 'rb', buffering=0)\nescaped = type(f)('/etc/passwd').read()",
    "f = open({file}, 'rb', buffering=0)\ntype(f).__init__(f, '/etc/passwd')\n"
    "escaped = f.read()",
    "f = open({file}, 'rb', buffering=0)\nf.__init__('/etc/passwd')\nescaped = f.read()",
    "import json\nfile_io = json.decoder.re.enum.sys.modules['_io'].FileIO\n"
    "escaped = file_io.__mro__[1]('/etc/passwd').read()",
    "import json\nfile_io = json.decoder.re.enum.sys.modules['_io'].FileIO\n"
    "f = file_io({file})\nsuper(file_io, f).__init__('/etc/passwd')\nescaped = f.read()",
    # Host code calls the class for the guest.
    "f = open({file}, 'rb', buffering=0)\n"
    "escaped = list(map(type(f), ['/etc/passwd']))[0].read()",
    "f = open({file}, 'rb', buffering=0)\nescaped = sorted(['/etc/passwd'], key=type(f))",
    "f = open({file}, 'rb', buffering=0)\nclass W:\n    write = type(f)\n"
    "print('/etc/passwd', file=W(), end='')\nescaped = True",
    # Writing, where the folder may be read.
    "f = open({file}, 'rb', buffering=0)\nescaped = type(f)({file}, 'w')",
    "f = open({file}, 'rb', buffering=0)\nescaped = type(f)({file} + '.new', 'x')",
    # In a thread of the guest's.
    "import json\n_thread = json.decoder.re.enum.sys.modules['_thread']\n"
    "f = open({file}, 'rb', buffering=0)\nfound = []\ndone = _thread.allocate_lock()\n"
    "done.acquire()\ndef run():\n    try:\n        found.append(type(f)('/etc/passwd').read())\n"
    "    except PermissionError:\n        pass\n    finally:\n        done.release()\n"
    "_thread.start_new_thread(run, ())\n"
    "done.acquire()\nescaped = found[0]",
]


@pytest.mark.parametrize("program", _ESCAPES_THROUGH_FILE_OBJECTS)
def test_the_hosts_file_objects_open_no_file_past_the_folders(program, tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "data.txt").write_text("inside")
    errors = io.StringIO()
    world = pvm.World(imports=["json"], files=[str(allowed)], stdout=io.StringIO(),
                      stderr=errors)
    with pytest.raises((PermissionError, IndexError)):
        world.run(program.format(file=repr(str(allowed / "data.txt"))))
    assert "escaped" not in world.main_module.__dict__
    assert sorted(os.listdir(allowed)) == ["data.txt"]
    assert (allowed / "data.txt").read_text() == "inside"
    # What the folders allow is read as before.
    assert world.eval("open(%r).read()" % str(allowed / "data.txt")) == "inside"


# Each changes a class that every world and the host share: pvm's classes of guest
# functions, generators, frames and code, and the host library's classes the guest holds.
_CHANGES_OF_SHARED_CLASSES = [
    "def f():\n    pass\ntype(f).__repr__ = lambda self: 'changed'",
    "def f():\n    pass\ndel type(f).__repr__",
    "def f():\n    pass\nsetattr(type(f), 'marker', 1)",
    "def f():\n    pass\ntype.__setattr__(type(f), 'marker', 1)",
    "def f():\n    pass\ntype.__delattr__(type(f), '__repr__')",
    "def f():\n    pass\ngetattr(type, '__setattr__')(type(f), 'marker', 1)",
    "def f():\n    pass\nobject.__getattribute__(type, '__setattr__')(type(f), 'marker', 1)",
    "def f():\n    pass\nsuper(type(type(f)), type(f)).__setattr__('marker', 1)",
    "class M(type):\n    pass\ndef f():\n    pass\nM.__setattr__(type(f), 'marker', 1)",
    "def f():\n    pass\ntype.__setattr__(type(f).__mro__[1], 'marker', 1)",
    "def g():\n    yield 1\ntype(g()).marker = 1",
    "def g():\n    yield 1\ntype.__setattr__(type(g()).__mro__[1], 'marker', 1)",
    "try:\n    1 / 0\nexcept Exception as error:\n"
    "    type.__setattr__(type(error.__traceback__.tb_frame), 'marker', 1)",
    "try:\n    1 / 0\nexcept Exception as error:\n"
    "    type.__setattr__(type(error.__traceback__), 'marker', 1)",
    "type.__setattr__(type((lambda: 0).__code__), 'marker', 1)",
    "import json\ntype.__setattr__(type(json.decoder.re.enum.sys.flags), 'marker', 1)",
    "type.__setattr__(type(quit), 'marker', 1)",
    "setattr(type(copyright), 'marker', 1)",
]


@pytest.mark.parametrize("program", _CHANGES_OF_SHARED_CLASSES)
def test_the_guest_changes_no_class_it_shares(program):
    from pvm.code import Code
    from pvm.engine.frames import Frame
    from pvm.engine.guest_traceback import Traceback
    from pvm.engine.objects import Function, Generator
    shared = (Function, Generator, Frame, Traceback, Code) + Function.__mro__ + \
        Generator.__mro__
    before = {cls: dict(vars(cls)) for cls in shared}
    with pytest.raises((TypeError, AttributeError)):
        _restricted_world().run(program)
    assert {cls: dict(vars(cls)) for cls in shared} == before
    assert pvm.World().eval("repr(lambda: 0).startswith('<function')")
    # The guest's own classes are its to change, one that holds a builtin pvm writes in
    # Python, or made in a function, too.
    assert _restricted_world().run(
        "class K:\n    show = print\nK.x = 1\nsetattr(K, 'y', 2)\ntype.__setattr__(K, 'z', 3)\n"
        "del K.x\ntype.__delattr__(K, 'y')\ndef make():\n    class L:\n        pass\n"
        "    return L\nL = make()\nsetattr(L, 'w', 4)\n"
        "r = sorted(k for k in vars(K) if len(k) == 1), L.w"
    )["r"] == (["z"], 4)


def test_pvms_classes_of_builtin_types_refuse_changes_as_cpythons_do():
    program = ("import sys, types\nr = []\n"
               "for statement in ('types.FunctionType.x = 1', 'del types.FunctionType.__repr__',"
               " 'types.FunctionType.__name__ = \"f\"', 'types.GeneratorType.x = 1',"
               " 'types.CoroutineType.x = 1', 'types.AsyncGeneratorType.x = 1',"
               " 'types.FrameType.x = 1', 'types.CodeType.x = 1', 'types.TracebackType.x = 1',"
               " 'type(sys.flags).x = 1', 'int.x = 1'):\n"
               "    try:\n        exec(statement)\n"
               "    except TypeError as error:\n        r.append(str(error))\n")
    expected = {}
    exec(program, expected)
    assert pvm.World().run(program)["r"] == expected["r"]


def test_a_threads_uncaught_exception_is_reported_with_its_guest_traceback():
    import re
    import subprocess
    import sys
    program = ("import _thread, time\ndef work():\n    1 / 0\n"
               "_thread.start_new_thread(work, ())\ntime.sleep(0.5)\n")
    expected = subprocess.run([sys.executable, "-c", program], capture_output=True,
                              text=True, timeout=60).stderr
    errors = io.StringIO()
    pvm.World(stderr=errors).run(program, "<string>")
    assert re.sub("0x[0-9a-f]+", "0x", errors.getvalue()) == \
        re.sub("0x[0-9a-f]+", "0x", expected)


def test_current_frames_and_faulthandler_show_guest_frames_only(tmp_path):
    import sys
    from subprocesses import run
    program = tmp_path / "frames.py"
    program.write_text(
        "import faulthandler, sys\n"
        "def f():\n"
        "    faulthandler.dump_traceback(sys.stdout, all_threads=True)\n"
        "    faulthandler.dump_traceback(sys.stdout, all_threads=False)\n"
        "    frames = sys._current_frames()\n"
        "    print([frame.f_code.co_name for frame in frames.values()])\n"
        "f()\n")

    def output(command):
        # (The thread's number differs from one process to the next.)
        import re
        status, out, errors = run(command, str(tmp_path))
        return status, re.sub("0x[0-9a-f]+", "0x", out), errors
    assert output([sys.executable, "-m", "pvm", str(program)]) == \
        output([sys.executable, str(program)])


def test_time_limit_stress_script_reports_each_run():
    """scripts/time_limit_stress.py (docs/architecture.md's figure) runs and prints each
    run's time, the host's full passes and the worst run; its exit status says whether
    a run was late, which depends on the machine, so only its form is checked."""
    import re
    import subprocess
    import sys
    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                          "scripts", "time_limit_stress.py")
    result = subprocess.run([sys.executable, script, "--runs", "2", "--ballast", "1000"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"\d+\.\d{3} \d+\.\d{3}", lines[0])
    assert re.fullmatch(r"full passes: \d+, longest \d+\.\d{3} s", lines[1])
    assert re.fullmatch(r"worst \d+\.\d{3} s of 2 runs; [012] at or past 0\.5 s", lines[2])
    assert (result.returncode == 1) == (not lines[2].endswith("; 0 at or past 0.5 s"))
