"""The launcher: the program ``sys.executable`` names in a program pvm runs, so that the
program's children (``subprocess.run([sys.executable, ...])``, multiprocessing's spawn
and forkserver processes) run on pvm, as a CPython program's children run on CPython.

CPython's sys.executable is its own binary.  pvm is a package that a host python runs,
so pvm writes a script that the host runs, which starts pvm from that package:

    #!HOST -IS
    import sys; sys.path.insert(0, PARENT); ...launched(sys.argv[0], sys.argv[1:])

(the system runs ``HOST -IS SCRIPT ARGUMENT...``).  Where the host's path cannot follow
``#!`` (it holds a space, or the line would be longer than old kernels read), the script
is one for the shell instead, which starts the host on the same code:

    #!/bin/sh
    exec HOST -I -S -c 'import sys; sys.path.insert(0, PARENT); ...launched()' "$0" "$@"

The shell costs every start about a millisecond of CPU (`pvm -S -c pass` takes some 20).

``-I``: the host reads no PYTHON* variable and puts neither the current folder nor the
user's site folder on its own path, so that pvm reads them for its guest, as python
reads them for its program.  Were the host to read them, a PYTHONPROFILEIMPORTTIME
would print the table of pvm's own imports, a PYTHONUTF8=2 would stop ``pvm -E`` (the
host refuses the value, -E or not), and a ``tokenize.py`` in the current folder would
replace the host's.  ``-S``: the guest runs its own site module; pvm needs only the
host's standard library.  A few variables act only as a process starts, on things the
guest shares with the host (PYTHONHASHSEED: the hashes of str and bytes; PYTHONIOENCODING,
PYTHONUTF8, PYTHONCOERCECLOCALE: the streams and default encodings; PYTHONMALLOC): when
one is set and the command line has no -E or -I, pvm starts the host again without -I
(``restart``), with the other PYTHON* variables set aside in one variable of pvm's, which
pvm puts back before it reads them (``restore_environment``): that host reads only those
five.

The script is written once per host and package folder, named by a digest of its text (a
file of that name is the right one, so finding it costs one stat), through a temporary
file that is renamed: into the bin folder of the host's virtual environment if the host
runs in one (the guest's site module recognises the environment by the pyvenv.cfg beside
or above sys.executable, as CPython's does), else into the user's cache folder
(``$XDG_CACHE_HOME/pvm/launchers`` or ``~/.cache/pvm/launchers``).
"""

import os
import posix
import sys

from pvm.cache import sha256, write_atomic

# Variables the host process must read itself, as it starts (see above).
HOST_START_VARIABLES = ("PYTHONHASHSEED", "PYTHONIOENCODING", "PYTHONUTF8",
                        "PYTHONCOERCECLOCALE", "PYTHONMALLOC")

# (From this file: the package's root imports the world, not the other way.)
_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The collector is off while pvm imports itself: what the imports make lives to the end,
# and is frozen (pvm.__main__.main) before the collector is on again.
_START = ("import gc; gc.disable(); import sys; sys.path.insert(0, %s); import pvm.__main__; "
          "pvm.__main__.launched()" % repr(_PACKAGE_PARENT))
# The same, run as the launcher itself (``HOST -IS LAUNCHER ARGUMENT...``).
_SCRIPT_START = _START.replace("launched()", "launched(sys.argv[0], sys.argv[1:])")
# What the kernels of the systems pvm runs on read of a ``#!`` line, at least (Linux
# read 128 bytes before 5.1).
_LONGEST_INTERPRETER_LINE = 127


def host_command(host: str, arguments: list[str], read_environment=False) -> list[str]:
    """The command that runs pvm on ``host`` with the launcher's ``arguments`` (the name
    it was started by, then pvm's command line)."""
    isolation = ["-s", "-P"] if read_environment else ["-I"]
    return [host, *isolation, "-S", "-c", _START, *arguments]


def host_must_read_environment(environ) -> bool:
    """Whether ``environ`` sets a variable only the starting host can act on."""
    return any(environ.get(name) for name in HOST_START_VARIABLES)


# Carries the PYTHON* variables a restarted host must not read (JSON: {name: value}).
_SET_ASIDE = "PVM_SET_ASIDE_ENVIRONMENT"


def restart(arguments: list[str]):
    """Replace this process by the host started again, reading HOST_START_VARIABLES,
    with the launcher's ``arguments``."""
    environment = {}
    set_aside = {}
    for name, value in os.environ.items():
        if name.startswith("PYTHON") and name not in HOST_START_VARIABLES:
            set_aside[name] = value
        else:
            environment[name] = value
    import json     # here, not at start-up: a restart is rare
    environment[_SET_ASIDE] = json.dumps(set_aside)
    os.execve(sys.executable, host_command(sys.executable, arguments, read_environment=True),
              environment)


def restore_environment():
    """Put back the variables ``restart`` set aside, for pvm to read, for the guest's os
    module (which starts from the snapshot in posix.environ) and for children."""
    text = os.environ.pop(_SET_ASIDE, None)
    if text is None:
        return
    import json
    snapshot = posix.environ
    snapshot.pop(os.fsencode(_SET_ASIDE), None)
    for name, value in json.loads(text).items():
        os.environ[name] = value
        snapshot[os.fsencode(name)] = os.fsencode(value)


def launcher(host: str) -> str:
    """The path of the launcher of pvm on ``host``, written if it does not exist yet;
    "" (CPython's sys.executable when it cannot tell) if no folder can hold it."""
    if not host:
        return ""
    text = _launcher_text(host).encode()
    name = "pvm-" + sha256(text).hexdigest()[:16]
    for folder in _folders(host):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
        try:
            os.makedirs(folder, exist_ok=True)
            # Whole or not at all: other processes may look for the same launcher at
            # the same time.
            write_atomic(path, text, 0o777)
        except OSError:
            continue
        return path
    return ""


def _launcher_text(host):
    comment = ("# pvm's launcher, written by pvm.world.launcher: sys.executable of the\n"
               "# programs pvm runs on this host python.\n")
    interpreter_line = "#!%s -IS\n" % host
    if len(interpreter_line) <= _LONGEST_INTERPRETER_LINE and host.isascii() \
            and host.isprintable() and " " not in host:
        return interpreter_line + comment + _SCRIPT_START + "\n"
    return ("#!/bin/sh\n" + comment
            + "exec %s \"$0\" \"$@\"\n" % " ".join(map(_quoted, host_command(host, []))))


# What a shell word may hold unquoted (shlex's rule; shlex itself imports re, which every
# process would pay for at start-up).
_UNQUOTED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")


def _quoted(word):
    """``word`` as one word of a POSIX shell command."""
    if word and all(character in _UNQUOTED for character in word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def _folders(host):
    """Where a launcher of ``host`` may be written, best first."""
    if _in_virtual_environment(host):
        yield os.path.dirname(os.path.abspath(host))
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                             ".cache")
    if os.path.isabs(cache):
        yield os.path.join(cache, "pvm", "launchers")


def _in_virtual_environment(host):
    """Whether ``host`` is a virtual environment's python: where site looks, a
    pyvenv.cfg beside it or in the folder above."""
    folder = os.path.dirname(os.path.abspath(host))
    return any(os.path.isfile(os.path.join(place, "pyvenv.cfg"))
               for place in (folder, os.path.dirname(folder)))

