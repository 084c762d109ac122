"""-X trace: the program's own instructions with their stacks and variables, as a user
runs it; the same recording the stage explorer keeps (tests/test_explore.py)."""

import os
import sys
import textwrap

import pytest

import pvm
from pvm.dis import describe_operand, get_instructions
from tests.subprocesses import REPOSITORY_FOLDER, run, run_python

PROGRAMS = os.path.join(REPOSITORY_FOLDER, "tests", "programs")

GUEST_REPR = textwrap.dedent("""
    class Loud:
        def __repr__(self):
            print("repr ran")
            return "Loud()"
    def make(count):
        items = [Loud() for _ in range(count)]
        return items
    things = make(2)
    print(len(things))
""")


def traced(program, folder, *options):
    """(status, stdout, the trace's lines) of ``pvm -X trace program``."""
    status, stdout, stderr = run([sys.executable, "-m", "pvm", "-X", "trace", *options,
                                  program], folder)
    return status, stdout, stderr.splitlines()


def step_lines(lines):
    return [line for line in lines if not line.startswith("    locals: ")]


def test_trace_shows_no_guest_repr_and_keeps_the_output(tmp_path):
    program = tmp_path / "loud.py"
    program.write_text(GUEST_REPR)
    status, stdout, lines = traced(str(program), str(tmp_path))
    assert (status, stdout) == run_python([str(program)], str(tmp_path))[:2]
    assert "repr ran" not in stdout
    # Instances of the guest class show by type; the list of them by its items.
    assert any(line.endswith("stack: [[<Loud object>, <Loud object>]]") for line in lines)
    assert "    locals: count=2, items=[<Loud object>, <Loud object>]" in lines


def test_trace_starts_at_the_programs_first_instruction(tmp_path):
    program = tmp_path / "loud.py"
    program.write_text(GUEST_REPR)
    _, _, lines = traced(str(program), str(tmp_path))
    first = next(get_instructions(pvm.compile(GUEST_REPR, str(program), "exec")))
    assert lines[0] == "    locals: "
    assert lines[1].split() == ["<module>:2", "0", first.opname] + \
        describe_operand(pvm.compile(GUEST_REPR, str(program), "exec"), first.opcode,
                         first.arg).split() + ["stack:", "[]"]


def test_trace_all_shows_start_up_too(tmp_path):
    program = tmp_path / "loud.py"
    program.write_text(GUEST_REPR)
    _, _, own = traced(str(program), str(tmp_path))
    status, stdout, everything = traced(str(program), str(tmp_path), "-X", "trace=all")
    assert (status, stdout) == (0, "2\n")
    # importlib's bootstrap and site run before the program's first instruction.
    first = step_lines(own)[0]
    assert step_lines(everything).index(first) > 1000
    assert any(line.startswith("_find_and_load:") for line in everything)


def test_trace_refuses_another_value(tmp_path):
    program = tmp_path / "loud.py"
    program.write_text(GUEST_REPR)
    status, stdout, stderr = run([sys.executable, "-m", "pvm", "-X", "trace=lines",
                                  str(program)], str(tmp_path))
    # As pvm's other -X options with a bad value (-X jit-threshold=x).
    assert status == 2 and stdout == ""
    assert "-X trace takes no value, or =all, not 'lines'" in stderr


# Programs of the differential corpus, one or more of each kind.
CORPUS_SAMPLE = [
    "classes/getattr_hooks.py", "classes/properties.py", "classes/finalizers_del.py",
    "generators/send_values.py", "generators/yield_from.py",
    "exceptions/try_except_else_finally.py", "exceptions/raise_from_uncaught.py",
    "scopes/nonlocal_statement.py", "comprehensions/nested_comprehensions.py",
    "imports/helper_module/main.py", "introspection/function_type_constructor.py",
    "exit/exit_code_3.py", "exit/lazy_module_objects_at_shutdown.py",
    "tracebacks/syntax_error_in_program.py",
]


@pytest.mark.parametrize("program", CORPUS_SAMPLE)
def test_trace_keeps_what_a_corpus_program_does(program):
    """stdout and the exit status are the program's; the first step is the first
    instruction of its module code (python3 prints the same compile warnings and
    errors first)."""
    folder, name = os.path.split(os.path.join(PROGRAMS, program))
    plain = run([sys.executable, "-m", "pvm", name], folder)
    status, stdout, lines = traced(name, folder)
    assert (status, stdout) == plain[:2]
    steps = step_lines(lines)
    if "SyntaxError" in plain[2]:
        assert not any(line.startswith("<module>:") for line in steps)
        return
    with open(os.path.join(folder, name), "rb") as file:
        code = pvm.compile(file.read(), os.path.join(folder, name), "exec")
    first = next(get_instructions(code))
    start = next(line for line in steps if line.startswith("<module>:"))
    assert start.split()[1:3] == [str(first.offset), first.opname]
    # Only compile-time warnings come before it.
    assert all("Warning" in line or line.startswith("  ") for line in
               steps[:steps.index(start)])
