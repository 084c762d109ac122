"""Instrumentation, the one mechanism behind -X trace and sys.settrace, and the
switches that change how instructions run (-X fusion=0), as a user runs them."""

import textwrap

from tests.subprocesses import run, run_python

PROGRAM = textwrap.dedent("""
    class Point:
        def __init__(self, x):
            self.x = x
        def __repr__(self):
            return "Point(%d)" % self.x
    def total(points):
        return sum(point.x for point in points)
    print(total([Point(1), Point(2)]), [Point(3)])
""")


def test_x_trace_prints_the_programs_instructions_and_runs_it(tmp_path):
    program = tmp_path / "traced.py"
    program.write_text(PROGRAM)
    status, stdout, stderr = run(["python3", "-m", "pvm", "-X", "trace", str(program)],
                                 str(tmp_path))
    assert (status, stdout) == run_python([str(program)], str(tmp_path))[:2]
    lines = stderr.splitlines()
    # The program's own code from its first instruction, not start-up's (importlib, site):
    # the module's variables (none yet), then its first instruction.
    assert lines[0] == "    locals: "
    assert lines[1].startswith("<module>:2    0 LOAD_BUILD_CLASS")
    assert any(line.startswith("total:8 ") and " LOAD_GLOBAL " in line for line in lines)
    assert any(line.startswith("__repr__:6 ") for line in lines)
    assert "Traceback" not in stderr
    # The stack shows scalars; other objects by type, without running their guest
    # __repr__ (which would be traced in turn).
    assert any(line.endswith("stack: ['Point(%d)']") for line in lines)
    assert any(line.endswith("stack: [2, <Point object>]") for line in lines)


def test_x_fusion_0_runs_the_same_program(tmp_path):
    program = tmp_path / "plain.py"
    program.write_text(PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    for option in ("-Xfusion=0", "-Xfusion=1"):
        assert run(["python3", "-m", "pvm", option, str(program)], str(tmp_path)) == expected
