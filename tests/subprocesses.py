"""Running pvm and python3 as child processes, for the tests that compare them.

The children import this checkout's pvm and start without the caller's cache
settings (PYTHONDONTWRITEBYTECODE, PYTHONPYCACHEPREFIX) or SOURCE_DATE_EPOCH
(which changes py_compile's default invalidation mode), so each test sets what
it means to test.
"""

import os
import subprocess
import sys

from pvm.world import launcher

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a pvm program's sys.executable names: pvm on this host, without PYTHONPATH's help.
LAUNCHER = launcher.launcher(sys.executable)
_CALLERS_SETTINGS = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "SOURCE_DATE_EPOCH")


def environment(**extra):
    variables = dict(os.environ)
    for name in _CALLERS_SETTINGS:
        variables.pop(name, None)
    variables["PYTHONPATH"] = REPOSITORY_FOLDER
    variables.update(extra)
    return variables


# Long enough for the first run at -X jit-threshold=0 in a fresh clone, which joins every
# run of start-up's code with nothing cached: 230-270 s of CPU on a quiet machine
# (`pvm -X jit-threshold=0 -c pass`), past 300 s on a loaded one (a CI run failed so).
# Still a bound on a child that hangs.
TIMEOUT = 900


def run(command, folder, stdin=None, **extra):
    """(exit status, stdout, stderr) of ``command`` run in ``folder``."""
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True,
                            env=environment(**extra), input=stdin, timeout=TIMEOUT)
    return result.returncode, result.stdout, result.stderr


def run_python(arguments, folder, stdin=None, **extra):
    """``run`` of the host python with ``arguments``."""
    return run([sys.executable, *arguments], folder, stdin, **extra)
