"""A pvm program's children run on pvm: sys.executable names pvm's launcher
(pvm.world.launcher), as a CPython program's names CPython.

Each test runs a program as a user would, under ``python3 -m pvm`` and where it says so
under python3 too, and checks what the children report of themselves.
"""

import os
import stat
import subprocess
import sys
import tomllib

import pytest

from pvm.world import launcher
from subprocesses import LAUNCHER, REPOSITORY_FOLDER, run, run_python

CHILD_NAME = """\
import subprocess, sys
subprocess.run([sys.executable, "-c", "import sys; print(sys.implementation.name)"])
"""


def run_pvm(arguments, folder, **extra):
    return run([sys.executable, "-m", "pvm", *arguments], folder, **extra)


def test_subprocess_of_sys_executable_runs_pvm(tmp_path):
    assert run_pvm(["-c", CHILD_NAME], tmp_path) == (0, "pvm\n", "")
    assert run_python(["-c", CHILD_NAME], tmp_path) == (0, "cpython\n", "")


# The child puts what it is and what its parent gave it on a queue.
MULTIPROCESSING = """\
import multiprocessing, sys

def report(queue, number):
    queue.put((sys.implementation.name, number * 2, __name__))

if __name__ == "__main__":
    context = multiprocessing.get_context(sys.argv[1])
    queue = context.Queue()
    child = context.Process(target=report, args=(queue, 21))
    child.start()
    print(queue.get(timeout=240))
    child.join()
    print(child.exitcode)
"""


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_multiprocessing_children_run_pvm(tmp_path, method):
    (tmp_path / "program.py").write_text(MULTIPROCESSING)
    assert run_pvm(["program.py", method], tmp_path) == \
        (0, "('pvm', 42, '__mp_main__')\n0\n", "")


# What a program learns of the interpreter that runs it; paths are told apart from
# the interpreter's, which differ by design.
INTERPRETER = """\
import os, site, sys
executable = sys.executable
print(os.path.isabs(executable), os.access(executable, os.X_OK))
print(sys._base_executable == executable, sys.orig_argv[0] == executable)
print(sys.prefix, sys.exec_prefix, sys.base_prefix)
print([folder for folder in sys.path if "site-packages" in folder])
print(site.ENABLE_USER_SITE)
"""


def test_interpreter_facts_as_python(tmp_path):
    """Started by sys.executable, the child sees what python's child would: its own
    path, the same prefixes, site-packages and user site (a virtual environment's
    python, as under CI, has its launcher beside it, where site looks for pyvenv.cfg)."""
    program = ("import subprocess, sys\n"
               "subprocess.run([sys.executable, '-c', %r])\n" % INTERPRETER)
    python = run_python(["-c", program], tmp_path)
    assert python[0] == 0, python[2]
    assert run_pvm(["-c", program], tmp_path) == python


# The flags subprocess hands a child to run as its parent does (multiprocessing's
# spawn uses the same list): the child, on pvm, must read them as python does.
FLAGS_OF_CHILD = """\
import subprocess, sys
subprocess.run([sys.executable, *subprocess._args_from_interpreter_flags(), "-c",
                "import sys; print(sys.flags, sys.warnoptions, sys._xoptions)"])
"""


@pytest.mark.parametrize("options", [
    [], ["-I"], ["-E", "-s", "-P"], ["-bb", "-O", "-B", "-q"], ["-OO", "-d", "-v"],
    ["-S", "-b"], ["-X", "dev", "-W", "error", "-W", "ignore::DeprecationWarning"],
    ["-X", "utf8", "-X", "importtime", "-X", "faulthandler", "-X", "frozen_modules=off"],
    ["-X", "warn_default_encoding", "-X", "int_max_str_digits=5000"],
], ids=" ".join)
def test_flags_reach_children(tmp_path, options):
    arguments = options + ["-c", FLAGS_OF_CHILD]
    python = run_python(arguments, tmp_path)
    pvm = run_pvm(arguments, tmp_path)
    assert python[0] == 0, python[2]
    # -v and -X importtime print the imports, which differ between the two: only the
    # children's reports are compared.
    assert (pvm[0], pvm[1]) == (python[0], python[1])


def test_host_reads_what_only_a_starting_process_can(tmp_path):
    """PYTHONHASHSEED decides the host's hashes as it starts: the launcher starts the
    host again, reading it, unless -E or -I says to ignore it."""
    program = ["-c", "print(hash('pvm'), hash(b'pvm'))"]
    for seed in ("0", "12345"):
        python = run_python(program, tmp_path, PYTHONHASHSEED=seed)
        assert run([LAUNCHER, *program], tmp_path, PYTHONHASHSEED=seed) == python
    for options in (["-E"], ["-I"]):
        assert run([LAUNCHER, *options, *program], tmp_path, PYTHONHASHSEED="0") != \
            run_python(program, tmp_path, PYTHONHASHSEED="0")


def test_restarted_host_reads_only_what_it_must(tmp_path):
    """Started again for PYTHONHASHSEED, the host reads none of the other variables
    (here it would print the table of pvm's own imports), and the program still sees
    them all, as do its children; pvm's own variable is gone."""
    program = ["-c", "import os, subprocess, sys\n"
                     "print(hash('pvm'), sorted(name for name in os.environ\n"
                     "                          if name.startswith(('PYTHON', 'PVM'))))\n"
                     "sys.stdout.flush()\n"
                     "subprocess.run([sys.executable, '-c', 'import os; print(len(os.environ))'])"]
    variables = {"PYTHONHASHSEED": "0", "PYTHONPROFILEIMPORTTIME": "1"}
    status, stdout, stderr = run([LAUNCHER, *program], tmp_path, **variables)
    python = run_python(program, tmp_path, **variables)
    assert (status, stdout) == python[:2]
    assert stderr.startswith("import time: self [us] | cumulative | imported package\n")
    assert " pvm" not in stderr


def test_unbuffered_output_keeps_its_order_with_a_child(tmp_path):
    """-u, as CPython's: no buffer between the text and the file, so the parent's
    output comes before its child's."""
    program = ["-u", "-c", "import subprocess, sys\n"
                           "print('parent')\n"
                           "sys.stdout.buffer.write(b'bytes\\n')\n"
                           "subprocess.run([sys.executable, '-c', 'print(1)'])\n"
                           "print(type(sys.stdout.buffer).__name__, sys.stdout.write_through)"]
    assert run_pvm(program, tmp_path) == run_python(program, tmp_path) == \
        (0, "parent\nbytes\n1\nFileIO True\n", "")


def test_launcher_is_written_once(tmp_path, monkeypatch):
    """A launcher is found by its name, which its text decides; a new cache folder
    gets a new one, executable and whole."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    host = "/nowhere/bin/python3"
    path = launcher.launcher(host)
    assert os.path.dirname(path) == str(tmp_path / "pvm" / "launchers")
    assert os.stat(path).st_mode & stat.S_IXUSR
    assert launcher.launcher(host) == path
    assert os.listdir(os.path.dirname(path)) == [os.path.basename(path)]
    text = open(path, encoding="utf-8").read()
    assert text.startswith("#!/nowhere/bin/python3 -IS\n")
    assert launcher.launcher("/elsewhere/python3") != path


@pytest.mark.parametrize("folder_name", ["plain", "with space", "long" * 30])
def test_launcher_forms(tmp_path, monkeypatch, folder_name):
    """The host's path after ``#!`` where it fits there (no shell to start), else a
    shell script: either runs pvm with the launcher's name and arguments."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / folder_name
    folder.mkdir()
    host = folder / "python3"
    host.symlink_to(os.path.realpath(sys.executable))
    path = launcher.launcher(str(host))
    first_line = open(path, encoding="utf-8").readline()
    fits = folder_name == "plain" and len(str(host)) < 120
    assert first_line == ("#!%s -IS\n" % host if fits else "#!/bin/sh\n")
    result = subprocess.run(
        [path, "-c", "import sys; print(sys.argv, sys.executable == sys.orig_argv[0])", "a b"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stdout, result.stderr) == \
        (0, "['-c', 'a b'] True\n", "")


def test_launcher_without_a_folder(tmp_path, monkeypatch):
    """Where no folder can hold it, sys.executable is "", as CPython's is when it
    cannot find itself."""
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert launcher.launcher("/nowhere/bin/python3") == ""


def test_launcher_runs_stdin_and_arguments(tmp_path):
    result = subprocess.run([LAUNCHER, "-", "a b", "c"], input="import sys\nprint(sys.argv)\n",
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stdout, result.stderr) == (0, "['-', 'a b', 'c']\n", "")


# What pip writes for a [project.scripts] entry point (pip's vendored distlib template).
CONSOLE_SCRIPT = """\
#!{python}
import re
import sys
from {module} import {function}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({function}())
"""

PROGRAM = """\
import sys
print(sys.implementation.name, sys.argv, sys.flags.optimize)
raise SystemExit('the end')
"""


def test_console_script_is_python_m_pvm(tmp_path):
    """The ``pvm`` command that ``pip install`` makes (pyproject's entry point) runs
    a program as ``python3 -m pvm`` does."""
    with open(os.path.join(REPOSITORY_FOLDER, "pyproject.toml"), "rb") as file:
        entry_point = tomllib.load(file)["project"]["scripts"]["pvm"]
    module, function = entry_point.split(":")
    script = tmp_path / "pvm"
    script.write_text(CONSOLE_SCRIPT.format(python=sys.executable, module=module,
                                            function=function))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "program.py").write_text(PROGRAM)
    arguments = ["-O", "program.py", "an argument"]
    status, stdout, stderr = run_python(arguments, tmp_path)
    expected = (status, stdout.replace("cpython", "pvm", 1), stderr)
    assert run([str(script), *arguments], tmp_path) == expected
    assert run_pvm(arguments, tmp_path) == expected
