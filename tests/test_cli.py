"""The command lines: ``python -m pvm.ast`` and ``python -m pvm.tokenize`` print what the
stdlib's ``python -m ast`` and ``python -m tokenize`` print; ``python -m pvm FILE`` runs
FILE as ``python FILE`` does.

Every expected output is the host command's, run here on the same input.
"""

import os
import subprocess
import sys
import sysconfig

import pytest

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STDLIB_FOLDER = sysconfig.get_paths()["stdlib"]

# Sources that exercise the corners of both commands; written to files per test.
SOURCES = {
    "plain.py": b"import os\n\ndef f(a, *b, c=1, **d):\n    return a + len(b)\n",
    "tricky.py": (
        "# -*- coding: latin-1 -*-\n"
        "caf\u00e9 = 'd\u00e9j\u00e0'  # non-ASCII identifier and string\n"
        "def g(x):  # type: (int) -> str\n"
        "    y = [1,\n"
        "         2]  # type: list\n"
        "    return f'{x!r:>{y[0]}} {y}' \\\n"
        "        + rb'\\d'\n"
        "class C(\tBase, metaclass=M):\n"
        "\tpass\n"
        "async def h():\n"
        "    async with a as (b, c): await d\n"
        "match p:\n"
        "    case [1, *rest] if rest: pass\n"
        "    case {'k': v, **kw}: pass\n"
    ).encode("latin-1"),
    "crlf.py": b"x = 1\r\nif x:\r\n    y = (x +\r\n         2)\r\n",
    "expression.py": b"[a ** -b for a, b in pairs if a is not None] or {1: 2}\n",
    "statement.py": b"for i in range(3): print(i)\n",
    "signature.py": b"(int, *str) -> List[int]\n",
    "no_newline.py": b"x = 1",
}
# ``pvm FILE`` runs the file, as ``python FILE`` does.
PROGRAM = (b"def squares(n):\n"
           b"    return [i * i for i in range(n)]\n"
           b"print(squares(4), 'done', sep=' | ')\n")
BAD_SOURCES = {
    "unclosed.py": b"x = (1,\n",
    "bad_indent.py": b"if x:\n    a\n  b\n",
    "unterminated.py": b"x = '''abc\n",
    "bad_statement.py": b"def f(:\n    pass\n",
    "bad_token.py": b"a = 1 $ 2\n",
}


def run(module, arguments, stdin=None):
    return subprocess.run([sys.executable, "-m", module] + arguments, input=stdin,
                          capture_output=True, cwd=REPOSITORY_FOLDER, timeout=120)


@pytest.fixture
def source_files(tmp_path):
    for name, content in {**SOURCES, **BAD_SOURCES}.items():
        (tmp_path / name).write_bytes(content)
    return tmp_path


def assert_same_output(stdlib_command, pvm_command):
    assert pvm_command.stdout.decode(errors="replace") == \
        stdlib_command.stdout.decode(errors="replace")
    assert pvm_command.returncode == stdlib_command.returncode == 0
    # The stdlib commands print nothing else; a warning would be a difference too.
    assert pvm_command.stderr.decode(errors="replace") == ""


def assert_same_failure(stdlib_command, pvm_command):
    stdlib_lines = stdlib_command.stderr.decode(errors="replace").splitlines()
    pvm_lines = pvm_command.stderr.decode(errors="replace").splitlines()
    assert stdlib_command.returncode != 0
    assert pvm_command.returncode != 0
    assert pvm_lines, "pvm printed nothing on stderr"
    assert pvm_lines[-1] == stdlib_lines[-1]


AST_CASES = [
    ("plain.py", []),
    ("plain.py", ["-a"]),
    ("tricky.py", []),
    ("tricky.py", ["-a", "-i", "1"]),
    ("tricky.py", ["--no-type-comments"]),
    ("crlf.py", ["-a"]),
    ("expression.py", ["-m", "eval", "-a"]),
    ("statement.py", ["--mode", "single", "--indent", "0"]),
    ("signature.py", ["-m", "func_type"]),
    ("no_newline.py", ["-a"]),
]


@pytest.mark.parametrize("name, arguments", AST_CASES)
def test_ast_command_on_a_file(source_files, name, arguments):
    path = str(source_files / name)
    assert_same_output(run("ast", arguments + [path]), run("pvm.ast", arguments + [path]))


@pytest.mark.parametrize("name, arguments",
                         [("tricky.py", ["-a"]), ("expression.py", ["-m", "eval"])])
def test_ast_command_on_stdin(name, arguments):
    source = SOURCES[name]
    assert_same_output(run("ast", arguments, source), run("pvm.ast", arguments, source))


def test_ast_command_on_a_stdlib_module():
    path = os.path.join(STDLIB_FOLDER, "colorsys.py")
    assert_same_output(run("ast", ["-a", path]), run("pvm.ast", ["-a", path]))


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_ast_command_on_a_syntax_error(source_files, name):
    path = str(source_files / name)
    assert_same_failure(run("ast", [path]), run("pvm.ast", [path]))


def test_ast_command_on_a_syntax_error_from_stdin():
    source = BAD_SOURCES["bad_statement.py"]
    assert_same_failure(run("ast", [], source), run("pvm.ast", [], source))


TOKENIZE_CASES = [
    ("plain.py", []),
    ("tricky.py", []),
    ("tricky.py", ["-e"]),
    ("crlf.py", ["--exact"]),
    ("no_newline.py", []),
]


@pytest.mark.parametrize("name, arguments", TOKENIZE_CASES)
def test_tokenize_command_on_a_file(source_files, name, arguments):
    path = str(source_files / name)
    assert_same_output(run("tokenize", arguments + [path]),
                       run("pvm.tokenize", arguments + [path]))


@pytest.mark.parametrize("arguments", [[], ["-e"]])
def test_tokenize_command_on_stdin(arguments):
    source = SOURCES["tricky.py"]
    assert_same_output(run("tokenize", arguments, source),
                       run("pvm.tokenize", arguments, source))


@pytest.mark.parametrize("name", ["unclosed.py", "bad_indent.py", "unterminated.py"])
def test_tokenize_command_on_an_error(source_files, name):
    path = str(source_files / name)
    assert_same_failure(run("tokenize", [path]), run("pvm.tokenize", [path]))


def test_tokenize_command_on_an_error_from_stdin():
    source = BAD_SOURCES["unterminated.py"]
    assert_same_failure(run("tokenize", [], source), run("pvm.tokenize", [], source))


def run_python(arguments):
    return subprocess.run([sys.executable] + arguments, capture_output=True,
                          cwd=REPOSITORY_FOLDER, timeout=120)


def test_pvm_command_runs_a_program_as_python_does(tmp_path):
    program = tmp_path / "program.py"
    program.write_bytes(PROGRAM)
    assert_same_output(run_python([str(program)]), run("pvm", [str(program)]))


def test_pvm_command_on_a_syntax_error(source_files):
    path = str(source_files / "unclosed.py")
    assert_same_failure(run_python([path]), run("pvm", [path]))
