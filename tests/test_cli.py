"""The command lines: ``python -m pvm.ast`` and ``python -m pvm.tokenize`` print what the
stdlib's ``python -m ast`` and ``python -m tokenize`` print; ``python -m pvm FILE`` runs
FILE as ``python FILE`` does; ``python -m pvm -i`` and PYTHONSTARTUP with piped stdin
print and exit as ``python -i`` does (tests/test_prompt.py types at a terminal).

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


# Bytes that are not UTF-8: a program file with no declared encoding is refused by line,
# even where a comment holds them.  (compile()'s errors: tests/test_syntax_errors.py.)
UNDECODABLE_PROGRAMS = {
    "in_a_comment": b"x = 1\n# caf\xe9\nprint(x)\n",
    "in_a_name": b"\x89\n",
    "in_a_string": b"x = 1\nprint('\x89')\n",
    "declared_utf8_in_a_comment": b"# coding: utf-8\nx = 1\n# caf\xe9\nprint(x)\n",
}


# A null byte: CPython's reader of a program refuses the line that holds it (compile()
# has its own error, in tests/test_syntax_errors.py).  Before CPython 3.11.4 the reader
# cut such lines short instead, which pvm does not copy.
NULL_BYTE_PROGRAMS = {
    "in_code": b"print(1)\nx = 1\0\nprint(2)\n",
    "in_a_comment": b"x = 1 # \0 comment\nprint(2)\n",
    "alone": b"\0",
    "in_a_string": b'x = 1\ny = """a\0b"""\n',
}
_BEFORE_3_11_4 = pytest.mark.skipif(
    sys.version_info < (3, 11, 4),
    reason="3.11.0 to 3.11.3 read past a null byte, line by line, which pvm does not copy")


def _programs_read():
    for name in sorted(UNDECODABLE_PROGRAMS):
        yield pytest.param(UNDECODABLE_PROGRAMS[name], id=name)
    for name in sorted(NULL_BYTE_PROGRAMS):
        yield pytest.param(NULL_BYTE_PROGRAMS[name], id="null_byte_" + name,
                           marks=_BEFORE_3_11_4)


@pytest.mark.parametrize("source", list(_programs_read()))
def test_pvm_command_reads_a_program_as_python(tmp_path, source):
    program = tmp_path / "program.py"
    program.write_bytes(source)
    expected, actual = run_python([str(program)]), run("pvm", [str(program)])
    assert (actual.returncode, actual.stdout, actual.stderr) == \
        (expected.returncode, expected.stdout, expected.stderr)
    # Piped to stdin, the file is named <stdin>.
    expected = subprocess.run([sys.executable, "-"], input=source, capture_output=True,
                              cwd=REPOSITORY_FOLDER, timeout=120)
    actual = run("pvm", ["-"], source)
    assert (actual.returncode, actual.stdout, actual.stderr) == \
        (expected.returncode, expected.stdout, expected.stderr)


# A program file declaring an encoding other than UTF-8 is read through a text stream
# opened after the cookie's line: a codec that does not exist, or a byte refused in the
# stream's first chunk (8192 bytes), is an "encoding problem"; one refused further on
# fails at the line being read.  (Piped to stdin, CPython cannot seek and refuses them
# all: not compared.)
DECLARED_ENCODING_PROGRAMS = {
    "ascii_refusing_a_comment": b"# coding: ascii\nprint(1)\n# caf\xe9\n",
    "unknown_encoding": b"# coding: bogus\nprint(1)\n",
    "cookie_on_line_2": b"#!/usr/bin/env python\n# coding: cp1252\nprint(1)\n#\x81\n",
    "refused_past_the_first_chunk": b"# coding: ascii\n" + b"x = 1\n" * 2000 + b"y = '\xe9'\n",
    "latin1": b"# coding: latin-1\nprint('caf\xe9')\n",
}


@pytest.mark.parametrize("name", sorted(DECLARED_ENCODING_PROGRAMS))
def test_pvm_command_on_a_declared_encoding(tmp_path, name):
    program = tmp_path / ("%s.py" % name)
    program.write_bytes(DECLARED_ENCODING_PROGRAMS[name])
    expected, actual = run_python([str(program)]), run("pvm", [str(program)])
    assert (actual.returncode, actual.stdout, actual.stderr) == \
        (expected.returncode, expected.stdout, expected.stderr)


@pytest.mark.parametrize("command", [b"print(1) # \xed\xa0\x80", b"print('caf\xe9')"])
def test_pvm_command_refuses_a_command_that_is_not_utf8(command):
    # The bytes became lone surrogates, which the command's UTF-8 encoding refuses.
    expected, actual = run_python(["-c", command]), run("pvm", ["-c", command])
    assert (actual.returncode, actual.stdout, actual.stderr) == \
        (expected.returncode, expected.stdout, expected.stderr)


# ``pvm -i`` and the prompt on piped stdin: CPython writes its prompts and the banner
# to stderr.  name: (arguments, stdin); "SCRIPT" and "EXITING_SCRIPT" name files of PROGRAMS.
PROGRAMS = {
    "SCRIPT": "print('the script ran')\nfrom_script = 42\n",
    "EXITING_SCRIPT": "import sys\nprint('exiting')\nsys.exit(3)\n",
}
PIPED_PROMPT_CASES = {
    "banner_block_traceback": (["-i"], "x = 1\nx\nif x:\n    print('yes')\n\n1/0\n"
                                       "print('after')\n"),
    "banner_without_site": (["-i", "-S"], "1 + 1\n"),
    "stdin_named": (["-i", "-q", "-"], "1 + 1\n"),
    "after_command": (["-i", "-q", "-c", "x = 5; print(x)"], "x + 1\n"),
    "after_script": (["-i", "-q", "SCRIPT"], "from_script\n"),
    # The program's SystemExit, KeyboardInterrupt and exception are reported; the
    # prompt follows.
    "after_system_exit": (["-i", "-q", "EXITING_SCRIPT"], "print('at the prompt')\n"),
    "after_interrupt": (["-i", "-q", "-c", "raise KeyboardInterrupt"],
                        "print('at the prompt')\n"),
    "after_exception": (["-i", "-q", "-c", "1/0"], "import sys\nsys.last_type\n"),
    # How the prompt's input ends.
    "exit_with_message": (["-i", "-q"], "import sys\nsys.exit('bye')\nprint('never')\n"),
    "exit_with_status": (["-i", "-q"], "import sys\nsys.exit(3)\n"),
    "exit_builtin": (["-i", "-q"], "exit()\nprint('never')\n"),
    "interrupt_last": (["-i", "-q"], "raise KeyboardInterrupt\n"),
    "end_in_block": (["-i", "-q"], "if 1:\n    print('run at the end of input')"),
    "end_in_brackets": (["-i", "-q"], "x = (\n1"),
    "end_in_line": (["-i", "-q"], "print('a line without its newline')"),
    # Lines that are blank, wrong, or need more.
    "blank_lines": (["-i", "-q"], "\n  \n# a comment\nprint('printed')\n"),
    "syntax_errors": (["-i", "-q"], "1 +\ndef f():\n\nx = [\n1\n2\n]\nprint('after')\n"),
    "one_line_compound_statements": (["-i", "-q"], "for i in range(2): i\n\n"
                                     "async def co(): return 5\n\n"
                                     "import asyncio\nasyncio.run(co())\n"),
    "prompts": (["-i", "-q"], "import sys\nsys.ps1 = 'in> '\nsys.ps2 = 'more> '\n"
                              "if 1:\n    2\n\n"),
    "excepthook": (["-i", "-q"], "import sys\nsys.excepthook = lambda *info: print('hooked')\n"
                                 "1/0\n"),
    # Where the input ends or an empty line comes too soon.
    "compound_statement_at_end_of_input": (["-i", "-q"], "if 1: print(1)"),
    "decorator_at_end_of_input": (["-i", "-q"], "@staticmethod\n"),
    "decorator_then_empty_line": (["-i", "-q"], "@staticmethod\n\n"),
    "backslash_in_string_at_end_of_input": (["-i", "-q"], "'abc\\\n"),
    "clause_without_colon_at_end_of_input": (["-i", "-q"], "if 1:\n    pass\nelse"),
    # A statement's future import holds for the statements after it.
    "future_import_carries_over": (["-i", "-q"], "from __future__ import annotations\n"
                                   "def f(x: undefined): pass\n\nf.__annotations__\n"),
    # Without -i, piped stdin is a program, not the prompt's.
    "stdin_program": (["-q"], "x = 1\nprint(x)\n"),
}


def run_both(arguments, stdin, folder, environment_changes=None):
    environment = dict(os.environ)
    environment.pop("PYTHONSTARTUP", None)
    environment.pop("PYTHONINSPECT", None)
    environment.update(environment_changes or {})
    for name, text in PROGRAMS.items():
        (folder / (name.lower() + ".py")).write_text(text)
    arguments = [str(folder / (argument.lower() + ".py")) if argument in PROGRAMS else argument
                 for argument in arguments]
    return [subprocess.run(command + arguments, input=stdin.encode(), capture_output=True,
                           cwd=REPOSITORY_FOLDER, env=environment, timeout=120)
            for command in ([sys.executable], [sys.executable, "-m", "pvm"])]


def assert_same_run(python, pvm):
    assert pvm.stdout.decode(errors="replace") == python.stdout.decode(errors="replace")
    assert pvm.stderr.decode(errors="replace") == python.stderr.decode(errors="replace")
    assert pvm.returncode == python.returncode


@pytest.mark.parametrize("name", sorted(PIPED_PROMPT_CASES))
def test_prompt_on_piped_stdin_as_python(tmp_path, name):
    arguments, stdin = PIPED_PROMPT_CASES[name]
    assert_same_run(*run_both(arguments, stdin, tmp_path))


STARTUP_FILES = {
    "defines": "greeting = 'hello from ' + __file__.rpartition('/')[2]\nprint('started')\n",
    "fails": "defined = 1\n1/0\n",
    "exits": "import sys\nsys.exit(4)\n",
}


@pytest.mark.parametrize("startup", sorted(STARTUP_FILES) + ["missing"])
@pytest.mark.parametrize("arguments", [["-i", "-q"], ["-i", "-q", "-c", "pass"], ["-q"]],
                         ids=["prompt", "after_command", "stdin_program"])
def test_startup_file_only_before_the_prompt_as_program(tmp_path, startup, arguments):
    """PYTHONSTARTUP runs where the prompt is the program, not after -c, nor for a
    program read from stdin."""
    path = tmp_path / (startup + ".py")
    if startup in STARTUP_FILES:
        path.write_text(STARTUP_FILES[startup])
    stdin = "greeting\ndefined\n'__file__' in globals()\n"
    assert_same_run(*run_both(arguments, stdin, tmp_path, {"PYTHONSTARTUP": str(path)}))


# The end of a program: what python does as it exits (atexit callbacks, finalizers of
# what the modules hold, files left open flushed, threads joined, the exit status),
# whichever way pvm's own process then ends.
ENDINGS = {
    "callbacks": "import atexit\natexit.register(print, 'first')\n"
                 "atexit.register(print, 'last')\nprint('body')\n",
    "finalizer": "class Noisy:\n    def __del__(self):\n        print('finalized')\n"
                 "kept = Noisy()\ncycle = [Noisy()]\ncycle.append(cycle)\n",
    "open_file": "log = open('written.txt', 'w')\nlog.write('left open')\n",
    "thread": "import threading, time\n"
              "threading.Thread(target=lambda: (time.sleep(0.2), print('joined'))).start()\n",
    "status": "import sys\nprint('out')\nsys.exit(7)\n",
    "message": "raise SystemExit('a message')\n",
}


@pytest.mark.parametrize("name", sorted(ENDINGS))
def test_ending_as_python(tmp_path, name):
    (tmp_path / "program.py").write_text(ENDINGS[name])
    python = subprocess.run([sys.executable, "program.py"], cwd=tmp_path,
                            capture_output=True, text=True)
    written = (tmp_path / "written.txt").read_text() if name == "open_file" else None
    pvm = subprocess.run([sys.executable, "-m", "pvm", "program.py"], cwd=tmp_path,
                         capture_output=True, text=True, env=dict(
                             os.environ, PYTHONPATH=REPOSITORY_FOLDER))
    assert (pvm.returncode, pvm.stdout, pvm.stderr) == \
        (python.returncode, python.stdout, python.stderr)
    if name == "open_file":
        assert (tmp_path / "written.txt").read_text() == written == "left open"


def test_host_profiler_reports_at_exit(tmp_path):
    """Under a host profiler pvm leaves the exit to the host, which writes the report."""
    result = subprocess.run([sys.executable, "-m", "cProfile", "-m", "pvm", "-S", "-c",
                             "print('ran')"], cwd=tmp_path, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=REPOSITORY_FOLDER))
    assert result.returncode == 0
    assert result.stdout.startswith("ran\n") and "function calls" in result.stdout


@pytest.mark.parametrize("customized", [False, True])
def test_collector_thresholds_as_python(tmp_path, customized):
    """The program sees the collector as python's does: the usual thresholds, or those
    a sitecustomize module set as site ran."""
    if customized:
        (tmp_path / "sitecustomize.py").write_text("import gc\ngc.set_threshold(5000, 20, 30)\n")
    program = "import gc; print(gc.get_threshold(), gc.isenabled())"
    python = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=str(tmp_path)))
    pvm = subprocess.run([sys.executable, "-m", "pvm", "-c", program], cwd=tmp_path,
                         capture_output=True, text=True, env=dict(
                             os.environ, PYTHONPATH=os.pathsep.join(
                                 [REPOSITORY_FOLDER, str(tmp_path)])))
    assert (pvm.returncode, pvm.stdout, pvm.stderr) == \
        (python.returncode, python.stdout, python.stderr)
    assert python.stdout == ("(5000, 20, 30) True\n" if customized else "(700, 10, 10) True\n")
