"""Hot code with its runs joined (pvm.engine.hot_runs): a program runs as under CPython
whether its code is joined at once (-X jit-threshold=0), part-way through a loop
(a small threshold: frames running the code switch to the joined handlers), or never
(-X fusion=0)."""

import textwrap

from pvm.compiler import compile as pvm_compile
from pvm.engine import decode, hot_runs
from pvm.engine.interpreter import Interpreter
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


def test_runs_end_at_calls_jump_targets_and_protected_ranges():
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
    calls = {index + 1 for index, (opcode, _operand) in enumerate(pairs)
             if decode.opcodes.OPCODES[opcode].name.startswith("CALL")}
    assert runs
    for start, end in runs:
        inside = set(range(start + 1, end))
        assert not inside & targets and not inside & protected and not inside & calls
    handlers = decode.handlers_of(code, True, pairs)
    assert hot_runs.join_runs(code, pairs, handlers) == len(runs)


def test_an_interpreter_joins_code_once_it_is_hot():
    code = _code_of("def f(x):\n    y = x + 1\n    return y * 2\n", "f")
    interpreter = Interpreter(join_threshold=3)
    executable = interpreter.decode(code)
    handlers = executable.handlers
    assert hot_runs.joined_source(handlers[0]) is None
    interpreter.join_hot_runs(executable)
    # Replaced in place: frames holding the list switch at their next instruction.
    assert executable.handlers is handlers
    source = hot_runs.joined_source(handlers[0])
    assert "BINARY_OP" in source and "RETURN_VALUE" in source
    # At threshold 0, code is joined as it is decoded.
    assert hot_runs.joined_source(Interpreter(join_threshold=0).decode(code).handlers[0])
    # Without superinstructions there is nothing joined, and nothing counts.
    assert Interpreter(fusion=False, join_threshold=3).join_threshold is None
