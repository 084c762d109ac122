"""The numeric benchmarks (benchmarks/numeric/) print the same under pvm as under python3,
follow the protocol benchmarks/numeric.py reads, and that script prints its table.

Everything runs at the quick sizes (numeric.QUICK_ARGUMENTS); no time is checked, only
that each was measured. The expected output is python3's, produced at test time.
"""

import ast
import importlib.util
import os
import re
import sys

import pytest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SPEC = importlib.util.spec_from_file_location(
    "numeric_benchmarks", os.path.join(REPOSITORY, "benchmarks", "numeric.py"))
numeric = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(numeric)

NAMES = numeric.benchmark_names()
KERNEL_SECONDS_ONLY = re.compile(r"kernel-seconds: \d+\.\d+\n")


def test_the_set_holds_the_required_benchmarks():
    assert {"nbody", "spectral_norm", "mandelbrot", "fannkuch", "sieve",
            "float_reduction"} <= set(NAMES)


def test_every_program_has_quick_arguments():
    assert sorted(numeric.QUICK_ARGUMENTS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_program_names_its_kernels(name):
    with open(os.path.join(numeric.FOLDER, name + ".py"), encoding="utf-8") as file:
        tree = ast.parse(file.read())
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    kernels = [ast.literal_eval(node.value) for node in tree.body
               if isinstance(node, ast.Assign)
               and [target.id for target in node.targets
                    if isinstance(target, ast.Name)] == ["KERNELS"]]
    assert len(kernels) == 1, "no module-level KERNELS = (...)"
    assert isinstance(kernels[0], tuple) and kernels[0]
    assert set(kernels[0]) <= functions
    assert "main" in functions and "main" not in kernels[0]


# Tier 0 as it runs by default, and tier 2 with every function compiled at its first call.
@pytest.mark.parametrize("pvm_options", [[], ["-X", "tier=2", "-X", "jit-threshold=0"]],
                         ids=["tier0", "tier2"])
@pytest.mark.parametrize("name", NAMES)
def test_program_output_matches_python3(name, pvm_options):
    path = os.path.join(numeric.FOLDER, name + ".py")
    arguments = numeric.QUICK_ARGUMENTS[name]
    host = numeric.run_side([sys.executable, path, *arguments])
    pvm = numeric.run_side([sys.executable, "-m", "pvm", *pvm_options, path, *arguments])
    # The first run's result, then the timed second run's: the same.
    first, second = host.stdout.splitlines()
    assert first == second
    assert pvm.stdout == host.stdout
    assert KERNEL_SECONDS_ONLY.fullmatch(host.stderr)
    assert KERNEL_SECONDS_ONLY.fullmatch(pvm.stderr)


def test_a_run_reads_kernel_seconds_and_compile_times():
    stderr = ("pvm tier 1: translated f (x.py, line 1): 9 instructions\\n"
              "pvm tier 2: compiled advance(list[float], float, int) in 0.125 s\\n"
              "kernel-seconds: 0.500000\\n"
              "pvm tier 2: not compiled g(str): a str argument\\n"
              "pvm tier 2: compiled energy(list[float]) in 0.030 s; with helper\\n")
    run = numeric.run_side([sys.executable, "-c",
                            "import sys; print('result'); sys.stderr.write('%s')" % stderr])
    assert run.stdout == "result\n"
    assert run.kernel_seconds == 0.5
    assert run.compiled == [("advance(list[float], float, int)", 0.125, ""),
                            ("energy(list[float])", 0.03, "; with helper")]
    assert run.process_seconds > 0


@pytest.mark.parametrize("code", ["raise SystemExit(3)", "print('no time')",
                                  "import sys; sys.stderr.write('kernel-seconds: 1.0\\n' * 2)"])
def test_a_run_that_breaks_the_protocol_fails(code):
    with pytest.raises(numeric.RunFailed):
        numeric.run_side([sys.executable, "-c", code])


def test_the_runner_prints_its_table(capsys):
    assert numeric.main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines.index(numeric.format_row(heading for heading, _ in numeric.COLUMNS))
    numba_absent = not numeric.numba_is_importable()
    if numba_absent:
        assert any(line.startswith("numba: not importable") for line in lines[:header])
    rows = [line.split() for line in lines[header + 1:header + 1 + len(NAMES)]]
    assert [row[0] for row in rows] == NAMES
    for row in rows:
        assert len(row) == len(numeric.COLUMNS)
        cpython_seconds, pvm_seconds, numba_seconds = row[1:4]
        float(cpython_seconds)
        float(pvm_seconds)
        assert (numba_seconds == "-") == numba_absent
        # Whole-process CPU time: CPython's start-up at least.
        assert float(row[7]) > 0 and float(row[8]) > 0
    compile_heading = header + 1 + len(NAMES)
    assert lines[compile_heading] == "pvm tier 2 compile time per function:"
    compile_lines = lines[compile_heading + 1:compile_heading + 1 + len(NAMES)]
    assert [line.split(":")[0].strip() for line in compile_lines] == NAMES
    assert lines[-1].startswith("geometric mean speedup over CPython: pvm ")


def test_the_table_gives_speedups_ratios_and_compile_times(monkeypatch, capsys):
    # Made-up runs: CPython 2 s, pvm 0.1 s with two functions compiled, Numba 0.05 s.
    def fake_run_side(command):
        if command[1:3] == ["-m", "pvm"]:
            return numeric.Run("42\n", "", 0.1, 1.5, [("fib(int)", 0.125, ""),
                                                      ("g(float)", 0.03, " (cached)")])
        if numeric.NUMBA_CHILD in command:
            return numeric.Run("42\n", "", 0.05, 2.0, [])
        return numeric.Run("42\n", "", 2.0, 4.0, [])
    monkeypatch.setattr(numeric, "run_side", fake_run_side)
    monkeypatch.setattr(numeric, "numba_is_importable", lambda: True)
    assert numeric.main(["--only", "fib"]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = lines[lines.index("pvm tier 2 compile time per function:") - 1].split()
    assert row == ["fib", "2.000000", "0.100000", "0.050000", "20.00x", "40.00x", "2.00x",
                   "4.000", "1.500", "2.000", "0.155000"]
    assert "  fib: fib(int) 0.125 s, g(float) 0.030 s (cached)" in lines
    assert lines[-1] == ("geometric mean speedup over CPython: pvm 20.00x, numba 40.00x; "
                         "pvm's time / Numba's: 2.00x")


def test_a_pvm_that_prints_otherwise_fails_the_run(monkeypatch, capsys):
    def fake_run_side(command):
        stdout = "41\n" if command[1:3] == ["-m", "pvm"] else "42\n"
        return numeric.Run(stdout, "", 1.0, 1.0, [])
    monkeypatch.setattr(numeric, "run_side", fake_run_side)
    assert numeric.main(["--only", "fib", "--no-numba"]) == 1
    assert "note: fib: pvm printed '41\\n', CPython '42\\n'" in capsys.readouterr().out


def test_a_failing_pvm_fails_the_run(capsys):
    assert numeric.main(["--quick", "--only", "fib", "--no-numba", "--pvm-option=-Xtier=9"]) == 1
    assert "note: fib: pvm failed: exit status 2:" in capsys.readouterr().out
