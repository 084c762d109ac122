"""The differential program corpus: each program under tests/programs/ must give the same
stdout, stderr and exit status under pvm as under the host CPython (the python running
the tests, for both).

The expected results are python3's, produced at test time by scripts/run_programs.py
(which owns discovery, invocation and comparison). Programs pvm fails today are listed in
tests/programs/known_failures.txt and run as strict xfails: when pvm starts passing one,
the test fails until the list is updated (``scripts/run_programs.py --update-known-failures``).

The selected programs are all queued, in test order, on a pool with one worker per core,
and each test waits for its own program's result, so the cores stay busy while pytest
reports the results in order.
"""

import concurrent.futures
import os
import sys

import pytest

import run_programs

PROGRAMS = run_programs.discover_programs()
KNOWN_FAILURES = run_programs.read_known_failures()


def _parameters():
    for program in PROGRAMS:
        marks = ()
        if program in KNOWN_FAILURES:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[program])
        # One worker runs them all, with its pool of comparisons (program_results).
        marks = [*marks, pytest.mark.xdist_group("corpus")]
        yield pytest.param(program, marks=marks, id=program)


@pytest.fixture(scope="session")
def program_results(request):
    """{program: future Comparison} for the programs this session selected, in order.
    Under pytest-xdist a worker's session lists every item, not only those it is given:
    the pool runs them ahead only where the programs all go to one worker (``--dist
    loadgroup``, the README's command, and their group below); else (None) each test
    runs its own."""
    if os.environ.get("PYTEST_XDIST_WORKER") and request.config.option.dist != "loadgroup":
        yield None
        return
    selected = [item.callspec.params["program"] for item in request.session.items
                if getattr(item, "originalname", None) == "test_program"]
    pool = concurrent.futures.ThreadPoolExecutor(run_programs.default_jobs())
    # Both sides run on the python running the tests (in CI, the virtual environment
    # .ci/run makes, with the test extra): its llvmlite is what the numeric/ programs,
    # at -X tier=2, need, where the python3 on PATH may have none.
    results = {program: pool.submit(run_programs.compare_program, program, sys.executable)
               for program in selected}
    yield results
    pool.shutdown(cancel_futures=True)


@pytest.mark.parametrize("program", list(_parameters()))
def test_program(program, program_results):
    if program_results is None:
        comparison = run_programs.compare_program(program, sys.executable)
    else:
        comparison = program_results[program].result()
    assert comparison.passed, comparison.describe()


def test_corpus_size():
    assert len(PROGRAMS) >= 400


def test_known_failures_are_programs():
    assert sorted(set(KNOWN_FAILURES) - set(PROGRAMS)) == []


def test_no_program_shadows_a_standard_module():
    assert run_programs.shadowing_names() == []


def test_every_program_says_what_it_checks():
    silent = []
    for program in PROGRAMS:
        with open(os.path.join(run_programs.PROGRAMS_FOLDER, program), encoding="utf-8") as file:
            header = [line for _, line in zip(range(run_programs.DIRECTIVE_SEARCH_LINES), file)]
        if not any(line.startswith("# Checks: ") for line in header):
            silent.append(program)
    assert silent == []


# -- the runner's own rules, on a corpus made up for the test --------------------

def _write(path, text=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_discovery_treats_a_folder_with_main_as_one_program(tmp_path):
    _write(tmp_path / "topic" / "first.py")
    _write(tmp_path / "topic" / "second.py")
    _write(tmp_path / "topic" / "bundle" / "main.py")
    _write(tmp_path / "topic" / "bundle" / "helper.py")
    _write(tmp_path / "topic" / "bundle" / "package" / "__init__.py")
    _write(tmp_path / "topic" / "notes.txt")
    assert run_programs.discover_programs(str(tmp_path)) == [
        "topic/bundle/main.py", "topic/first.py", "topic/second.py"]


def test_directives_give_options_and_arguments(tmp_path):
    _write(tmp_path / "program.py", '# python-options: -O\n# program-args: a "b c"\n'
           "# Checks: directives.\nprint(1)\n")
    invocation = run_programs.Invocation.for_program("program.py", str(tmp_path))
    assert invocation.oracle_command("python3") == ["python3", "-O", "program.py", "a", "b c"]
    assert invocation.pvm_command("python3") == [
        "python3", "-m", "pvm", "-O", "program.py", "a", "b c"]
    assert invocation.folder == str(tmp_path)


def test_known_failures_round_trip(tmp_path):
    path = str(tmp_path / "known_failures.txt")
    known = {"b/second.py": "stdout differs", "a/first.py": "exit 1: KeyError: '#'"}
    run_programs.write_known_failures(known, path)
    assert run_programs.read_known_failures(path) == known


def test_shadowing_names_are_found(tmp_path):
    _write(tmp_path / "topic" / "enum.py")
    _write(tmp_path / "topic" / "json" / "__init__.py")
    _write(tmp_path / "topic" / "tools" / "__init__.py")
    _write(tmp_path / "topic" / "tools" / "re.py")
    assert run_programs.shadowing_names(str(tmp_path)) == ["topic/enum", "topic/json"]


def test_comparison_reports_the_difference():
    expected = run_programs.Outcome("same\n", "", 0)
    crashed = run_programs.Outcome("", "Traceback ...\nNameError: x at 0x7f00ab\n", 1)
    comparison = run_programs.Comparison("topic/p.py", expected, crashed)
    assert not comparison.passed
    assert comparison.reason() == "exit 1: NameError: x at 0x..."
    assert "-same" in comparison.describe()
    timed = run_programs.Comparison("topic/p.py", expected, run_programs.Outcome("", "", "timeout"))
    assert timed.reason() == "timeout"
    assert run_programs.Comparison("p.py", expected, run_programs.Outcome("same\n", "", 0, 9.5)).passed


def _other_3_11_host():
    """A CPython 3.11 installed here that is not the one running the tests, or None."""
    import glob
    import subprocess
    import sys
    running = os.path.realpath(sys.executable)
    for path in sorted(glob.glob("/usr/bin/python3.11") +
                       glob.glob(os.path.expanduser("~/.pyenv/versions/3.11.*/bin/python3"))):
        if os.path.realpath(path) == running:
            continue
        version = subprocess.run([path, "-c", "import sys; print(sys.version_info[:3])"],
                                 capture_output=True, text=True, timeout=60).stdout.strip()
        if version.startswith("(3, 11,"):
            return path, version
    return None


OTHER_3_11_HOST = _other_3_11_host()


@pytest.mark.skipif(OTHER_3_11_HOST is None, reason="no other CPython 3.11 is installed here")
def test_another_host_runs_both_sides(tmp_path):
    """--python: that host is the oracle and runs pvm, so both report its release."""
    host, version = OTHER_3_11_HOST
    _write(tmp_path / "program.py", "# Checks: the host.\nimport sys\n"
           "print(sys.version_info[:3], sys.version.split()[0])\n")
    comparison = run_programs.compare_program("program.py", host, root=str(tmp_path))
    assert comparison.passed, comparison.describe()
    assert comparison.expected.stdout.startswith(version + " "), comparison.expected.stdout


def test_tier_2_programs_on_a_host_without_llvmlite_are_announced(tmp_path):
    import subprocess
    import sys
    _write(tmp_path / "fast.py", "# python-options: -X tier=2 -X jit-threshold=0\n")
    _write(tmp_path / "plain.py", "# Checks: nothing.\n")
    tier_2 = run_programs.Invocation.for_program("fast.py", str(tmp_path))
    plain = run_programs.Invocation.for_program("plain.py", str(tmp_path))
    assert run_programs.asks_for_tier_2(tier_2) and not run_programs.asks_for_tier_2(plain)
    # The test extra installs llvmlite for the python running the tests...
    assert run_programs.tier_2_note([tier_2, plain], sys.executable) is None
    # ...and a virtual environment without packages has none.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "bare")],
                   check=True, timeout=120)
    bare = str(tmp_path / "bare" / "bin" / "python")
    note = run_programs.tier_2_note([tier_2, plain], bare)
    assert note.startswith("programs asking for -X tier=2: 1; %s cannot run tier 2" % bare)
    assert run_programs.tier_2_note([plain], bare) is None


def test_each_program_is_reported_as_it_finishes():
    """A line per program before the summary, so a run stopped half-way has said what it
    found; a failure's line says why, and its diff follows unless --quiet."""
    import subprocess
    import sys
    script = os.path.join(os.path.dirname(run_programs.PROGRAMS_FOLDER), "..", "scripts",
                          "run_programs.py")

    def run(*options):
        return subprocess.run([sys.executable, script, "--jobs", "1", *options],
                              capture_output=True, text=True, timeout=300).stdout.splitlines()

    lines = run("--quiet", "basics/loops_else", "basics/short_circuit")
    assert [line.rpartition(" (")[0] for line in lines[:2]] == [
        "[1/2] pass basics/loops_else.py", "[2/2] pass basics/short_circuit.py"]
    assert lines[2:] == ["programs: passed 2 / 2"]
    # `-m pvm -c loops_else.py` runs the file's name as code: a NameError under pvm.
    lines = run("--pvm-option=-c", "basics/loops_else")
    assert lines[0].startswith("[1/1] FAIL basics/loops_else.py (")
    assert lines[0].endswith("): exit 1: NameError: name 'loops_else' is not defined")
    assert lines[1] == "  exit status: python3 0, pvm 1"
    assert lines.index("programs: passed 0 / 1") > lines.index("  -2 is prime")
    assert lines[lines.index("programs: passed 0 / 1") + 1:][:2] == [
        "failed:", "  basics/loops_else.py"]
