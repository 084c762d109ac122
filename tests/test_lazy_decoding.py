"""A function's handlers are made as its instructions first run (pvm.engine.decode's
lazy_handlers): what never runs is never decoded, and what runs behaves as if all had
been decoded at once, under CPython's eyes."""

import sys
import textwrap

from pvm.engine import decode
from pvm.world import World
from tests.subprocesses import run


def test_a_branch_not_taken_is_decoded_when_it_first_runs():
    world = World()
    namespace = {"__name__": "__main__"}
    source = textwrap.dedent("""
        def f(x):
            if x < 0:
                x = -x
                x = x * 3
            return x * 2
        first = f(5)
        """)
    world.run_code(world.compile(source, "<lazy>"), namespace)
    assert namespace["first"] == 10
    code = namespace["f"].__code__
    handlers = world.interpreter.executable_of(code).handlers
    names = [decode.opcodes.OPCODES[opcode].name for opcode, _ in code.instructions()]
    negative = names.index("UNARY_NEGATIVE")
    # The branch's run still waits behind its stand-in; what ran has its handlers.
    assert handlers[negative - 1] is decode._STAND_INS[negative - 1]
    assert handlers[-1].__name__ == "RETURN_VALUE"
    assert handlers[0].__name__ == "count_then_run"     # the heat counter, at once
    namespace["g"] = namespace["f"]
    world.run_code(world.compile("second = g(-4)", "<lazy>"), namespace)
    assert namespace["second"] == 24
    assert handlers[negative].__name__ == "UNARY_NEGATIVE"
    assert handlers[negative - 1].__code__ is not decode.STAND_IN_CODE


def test_programs_with_first_runs_everywhere_behave_as_under_python3(tmp_path):
    # Exceptions raised in a run's middle on its first run, handlers reached only by
    # them, generators resumed after their yields, a trace function set while a
    # function has run only part of its code, and the same function at tier 0 after
    # the trace function is gone.
    program = tmp_path / "first_runs.py"
    program.write_text(textwrap.dedent('''
        import sys

        def divide(a, b):
            try:
                result = a / b
            except ZeroDivisionError as error:
                return "error: %s" % error
            else:
                return result
            finally:
                print("divided", a, b)

        def numbers(limit):
            for number in range(limit):
                if number % 2:
                    yield number
                else:
                    yield -number
            return "done"

        def branches(x):
            if x > 10:
                return "big"
            elif x > 5:
                return "middle" if x % 2 else "even middle"
            return "small"

        print(divide(1, 2), divide(1, 0))
        print(list(numbers(5)))
        generator = numbers(3)
        print(next(generator), next(generator), next(generator))
        try:
            next(generator)
        except StopIteration as stop:
            print("stopped:", stop.value)
        print(branches(1))
        events = []
        def tracer(frame, event, argument):
            if frame.f_code.co_name == "branches":
                events.append((event, frame.f_lineno))
            return tracer
        sys.settrace(tracer)
        print(branches(7), branches(8))
        sys.settrace(None)
        print(events)
        print(branches(20), branches(6))
        '''))
    expected = run([sys.executable, str(program)], str(tmp_path))
    for options in ([], ["-X", "jit-threshold=0"], ["-X", "fusion=0"]):
        assert run([sys.executable, "-m", "pvm", *options, str(program)],
                   str(tmp_path)) == expected, options
