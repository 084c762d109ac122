"""pvm.dis: Instruction records, the stdlib dis layout, and the command line."""

import io
import os
import subprocess
import sys

from pvm import dis as pvm_dis
from pvm.compiler import compile as pvm_compile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = "def f(a):\n    if a:\n        return a + 1\n    return None\nx = f(2)\n"


def test_get_instructions_yields_records_with_resolved_operands():
    module = pvm_compile(SOURCE, "<test>", "exec")
    instructions = list(pvm_dis.get_instructions(module))
    assert [i.opname for i in instructions[:4]] == ["LOAD_CONST", "MAKE_FUNCTION",
                                                     "STORE_NAME", "LOAD_NAME"]
    store = instructions[2]
    assert (store.arg, store.argval, store.argrepr, store.offset, store.starts_line) == \
        (0, "f", "f", 2, None)
    assert instructions[0].starts_line == 1 and instructions[3].starts_line == 5
    assert instructions[0].positions == (1, 4, 0, 15)


def test_disassembly_layout_marks_lines_and_jump_targets():
    function = pvm_compile(SOURCE, "<test>", "exec").co_consts[0]
    output = io.StringIO()
    pvm_dis.dis(function, file=output)
    assert output.getvalue().splitlines() == [
        "  2           0 LOAD_FAST                0 (a)",
        "              1 POP_JUMP_IF_FALSE        6 (to 6)",
        "",
        "  3           2 LOAD_FAST                0 (a)",
        "              3 LOAD_CONST               1 (1)",
        "              4 BINARY_OP                0 (+)",
        "              5 RETURN_VALUE",
        "",
        "  4     >>    6 LOAD_CONST               0 (None)",
        "              7 RETURN_VALUE",
    ]


def test_code_info_names_the_parts():
    function = pvm_compile(SOURCE, "<test>", "exec").co_consts[0]
    info = pvm_dis.code_info(function)
    assert "Name:              f" in info and "Argument count:    1" in info
    assert "Flags:             OPTIMIZED, NEWLOCALS\n" in info


def test_command_line_disassembles_a_file(tmp_path):
    path = tmp_path / "program.py"
    path.write_text(SOURCE)
    result = subprocess.run([sys.executable, "-m", "pvm.dis", str(path)], capture_output=True,
                            text=True, cwd=REPOSITORY, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Disassembly of <code object f" in result.stdout
    assert "MAKE_FUNCTION" in result.stdout and "BINARY_OP                0 (+)" in result.stdout
