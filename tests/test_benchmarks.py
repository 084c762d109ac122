"""Every benchmark in benchmarks/ prints the same results under pvm as under python3.

benchmarks/run.py checks this too, but at full size (minutes under pvm); here each
benchmark runs with small parameters so that the check is part of the unit tests.
The expected output is python3's, produced at test time.
"""

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SPEC = importlib.util.spec_from_file_location(
    "benchmark_runner", os.path.join(REPOSITORY, "benchmarks", "run.py"))
benchmark_runner = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(benchmark_runner)

# The command-line arguments that make each benchmark small (its size or count first).
SMALL_ARGUMENTS = {
    "chaos": ["300"],
    "deltablue": ["1"],
    "fannkuch": ["6"],
    "float_points": ["2000"],
    "generators": ["2000"],
    "go": ["2", "12"],
    "hexiom": ["1"],
    "nbody": ["300"],
    "nqueens": ["5"],
    "raytrace": ["12"],
    # Richards checks its packet and hold counts, which hold only for the full workload.
    "richards": ["1"],
    "spectral_norm": ["12"],
    "unpack_sequence": ["5000"],
}


def test_every_benchmark_has_small_arguments():
    assert sorted(SMALL_ARGUMENTS) == benchmark_runner.benchmark_names()


# Tier 0 as it runs by default, and tier 1 with hot functions translated early.
@pytest.mark.parametrize("pvm_options", [[], ["-X", "tier=1", "-X", "jit-threshold=20"]],
                         ids=["tier0", "tier1"])
@pytest.mark.parametrize("name", sorted(SMALL_ARGUMENTS))
def test_benchmark_output_matches_python3(name, pvm_options):
    path = os.path.join(benchmark_runner.FOLDER, name + ".py")
    arguments = SMALL_ARGUMENTS[name]
    host_output = benchmark_runner.timed_run([sys.executable, path] + arguments)[0]
    pvm_output = benchmark_runner.timed_run([sys.executable, "-m", "pvm", *pvm_options,
                                             path] + arguments)[0]
    assert host_output, "the benchmark printed no result to compare"
    assert pvm_output == host_output


def test_the_runner_passes_options_to_pvm_only(capsys):
    assert benchmark_runner.main(["--pvm-option=-Xtier=1", "--pvm-option=-Xjit-threshold=5",
                                  "fannkuch"]) == 0
    table = capsys.readouterr().out.splitlines()
    row = table[1].split()
    assert row[0] == "fannkuch"
    # Peak memory of each side in MiB (CPython's at least the interpreter's own), and
    # pvm's ratio to it.
    host_mib, pvm_mib, memory_ratio = map(float, row[4:7])
    assert 1 < host_mib < pvm_mib
    # The table rounds each figure to 0.05 MiB, the ratio is taken before rounding: the
    # bound is what that rounding can move the quotient of the printed figures by.
    rounding = pvm_mib / host_mib * (0.05 / host_mib + 0.05 / pvm_mib) + 0.05
    assert abs(memory_ratio - pvm_mib / host_mib) <= rounding
    assert table[-2].startswith("geometric mean of pvm / CPython: ")
    assert table[-1] == "largest peak memory of pvm / CPython: %.1fx (fannkuch)" % memory_ratio


@pytest.mark.skipif(shutil.which("valgrind") is None,
                    reason="valgrind is not installed (Debian: apt-get install valgrind)")
def test_operation_cost_counts_both_interpreters():
    # The empty loop alone (every run of the script measures it, to take off the others).
    result = subprocess.run(
        [sys.executable, os.path.join(REPOSITORY, "benchmarks", "operation_cost.py"),
         "--loops", "300", "empty"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.split() == ["operation", "CPython", "pvm", "ratio"]
    name, host_cost, pvm_cost, ratio = row.split()
    assert name == "empty"
    # A loop turn costs some host instructions under each; pvm's loop runs on CPython's.
    assert 0 < float(host_cost) < float(pvm_cost)
    assert abs(float(ratio.rstrip("x")) - float(pvm_cost) / float(host_cost)) < 0.1


def test_suspended_generators_take_at_most_twice_cpythons_memory():
    # Issue 16's bar, for the two shapes of suspended generator object_memory.py makes.
    result = subprocess.run(
        [sys.executable, os.path.join(REPOSITORY, "benchmarks", "object_memory.py"),
         "--runs", "1", "generators", "generators-loop"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["case", "cpython", "pvm", "ratio"]
    for row in rows:
        name, host_mib, _, pvm_mib, _, ratio = row.split()
        assert name in ("generators", "generators-loop")
        assert 0 < float(host_mib) and float(ratio.rstrip("x")) <= 2.0, row


def _startup_cpu():
    specification = importlib.util.spec_from_file_location(
        "startup_cpu", os.path.join(benchmark_runner.FOLDER, "startup_cpu.py"))
    startup_cpu = importlib.util.module_from_spec(specification)
    specification.loader.exec_module(startup_cpu)
    return startup_cpu


def test_the_start_up_comparison_runs_each_command_on_both(capsys):
    assert _startup_cpu().main(["--runs", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row[:12].strip() for row in rows] == ["command", "-c pass", "-S -c pass",
                                                  "40 imports"]
    for row in rows[1:]:
        pvm_seconds, host_seconds, ratio = row[12:].split()
        # pvm's start-up is at least python3's: it runs python3, then the guest's.
        assert float(pvm_seconds) > float(host_seconds) > 0
        assert ratio.endswith("x")


def test_the_cold_start_up_comparison_empties_the_caches_of_each_run(capsys):
    startup_cpu = _startup_cpu()
    assert startup_cpu.main(["--runs", "1", "--cold"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row[:12].strip() for row in rows] == ["command", "40 imports"]
    cold_pvm, cold_host, ratio = rows[1][12:].split()
    assert float(cold_pvm) > float(cold_host) > 0 and ratio.endswith("x")
    # Compiling the 40 modules' sources (pvm's compiler is Python code) is most
    # of a cold start: it takes some ten times a warm one.
    assert startup_cpu.main(["--runs", "1"]) == 0
    warm_pvm = capsys.readouterr().out.splitlines()[3][12:].split()[0]
    assert float(cold_pvm) > 3 * float(warm_pvm)


def test_the_start_up_comparison_runs_another_checkouts_pvm_too(capsys):
    # This checkout against itself: two launchers of one pvm package.
    assert _startup_cpu().main(["--runs", "1", "--against", REPOSITORY]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split() == ["command", "pvm", "s", "python3", "s", "ratio", "other", "s",
                               "ratio", "pvm/other"]
    for row in rows[1:]:
        pvm_seconds, host_seconds, ratio, other_seconds, other_ratio, between = \
            row[12:].split()
        assert float(other_seconds) > float(host_seconds) > 0
        assert ratio.endswith("x") and other_ratio.endswith("x")
        # The same pvm on both sides: one run each, on a shared machine.
        assert 0.2 < float(between) < 5
