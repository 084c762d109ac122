"""Running a program as ``python`` does, once its command line is parsed: ``run``.

What CPython's ``Py_RunMain`` does for its command line: build the world,
run ``site``, then the command, module, script, stdin or the prompt as the
``__main__`` module, print what escapes it, shut down, and give the exit status.
``pvm/__main__.py`` parses the command line into ``Options`` and calls ``run``.
"""

import os
import signal
import sys

import pvm
from pvm.world import host_warnings, unraisable
from pvm.world.interactive import report_exception
from pvm.world.world import DEFAULT_JOIN_THRESHOLD, World

# How deep host calls may nest: guest code called from host code (a guest
# __init__, sorted(key=f)) runs a nested loop on the host stack.
_HOST_RECURSION_LIMIT = 8000


class Options:
    """What one run of pvm is asked to do: python's command-line options and
    environment variables.  The defaults are python's with neither."""

    def __init__(self):
        self.command: str | None = None     # -c COMMAND
        self.module: str | None = None      # -m MODULE
        self.script: str | None = None      # FILE, or "-" for stdin
        self.arguments: list[str] = []      # what follows, for sys.argv[1:]
        self.inspect = False                # -i
        self.optimize = 0                   # -O, -OO
        self.quiet = False                  # -q
        self.no_site = False                # -S
        self.no_user_site = False           # -s, PYTHONNOUSERSITE
        self.dev_mode = False               # -X dev, PYTHONDEVMODE
        self.unbuffered = False             # -u
        self.trace = False                  # -X trace
        self.fusion = True                  # -X fusion=0 turns it off
        self.join_threshold = DEFAULT_JOIN_THRESHOLD    # -X jit-threshold=N
        self.dont_write_bytecode = False    # -B, PYTHONDONTWRITEBYTECODE
        self.pycache_prefix: str | None = None  # -X pycache_prefix=, PYTHONPYCACHEPREFIX
        self.host_modules: list[str] = []   # -X host-modules=
        self.warnoptions: list[str] = []    # -W, PYTHONWARNINGS
        self.python_path: list[str] = []    # PYTHONPATH
        self.startup_file: str | None = None    # PYTHONSTARTUP


def run(options: Options) -> int:
    """Run what ``options`` ask for in a new world, as ``python`` does with the same
    command line, and return the exit status.  Output goes to the host's streams,
    which are the guest's; an uncaught exception is printed as CPython prints it."""
    if options.unbuffered:
        sys.stdout.reconfigure(write_through=True)
        sys.stderr.reconfigure(write_through=True)
    if sys.getrecursionlimit() < _HOST_RECURSION_LIMIT:
        sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    if options.command is not None:
        argv = ["-c"] + options.arguments
        first = ""
    elif options.module is not None:
        argv = [options.module] + options.arguments
        first = os.getcwd()
    elif options.script is not None and options.script != "-":
        argv = [options.script] + options.arguments
        first = os.path.dirname(os.path.abspath(options.script))
    else:
        argv = [options.script or ""] + options.arguments
        first = ""
    world = World(argv=argv, path=search_path(options.python_path),
                  optimize=options.optimize, trace=options.trace, fusion=options.fusion,
                  join_threshold=options.join_threshold,
                  dont_write_bytecode=options.dont_write_bytecode,
                  pycache_prefix=_absolute_or_none(options.pycache_prefix),
                  host_modules=tuple(options.host_modules), no_site=options.no_site,
                  no_user_site=options.no_user_site, dev_mode=options.dev_mode,
                  warnoptions=tuple(options.warnoptions))
    # Exceptions raised in guest finalizers go to the guest's sys.unraisablehook, and
    # the warnings of the host's C code to the guest's warnings module.
    unraisable.install_host_hook(world)
    host_warnings.install(world)
    status = 0
    inspect = options.inspect
    interrupted = False
    try:
        if not options.no_site:
            # As CPython's start-up: sys.path gains site-packages, .pth files run,
            # builtins gain exit, help, ...; sys.__interactivehook__ is set.
            world.import_module("site")
        # After site, as CPython's start-up does: site makes the path's entries
        # absolute, and the current folder is named "" only here.
        world.sys.path.insert(0, first)
        if options.command is not None:
            world.run_command(options.command)
        elif options.module is not None:
            world.run_module(options.module)
        elif options.script is not None and options.script != "-":
            path = options.script
            try:
                with open(path, "rb") as file:
                    source = file.read()
            except OSError as error:
                sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (
                    _PROGRAM_NAME, os.path.abspath(path) if not os.path.isabs(path)
                    else path, error.errno, error.strerror))
                return 2
            world.run_script(source, path)
        elif not (options.inspect or sys.stdin.isatty()):
            world.run_source(sys.stdin.buffer.read(), "<stdin>")
        else:
            # The prompt is the program: stdin is a terminal, or -i asks for the prompt.
            inspect = False
            status, interrupted = _prompt(world, options, after_program=False)
    except SystemExit as exit_request:
        if inspect:
            # With -i, CPython reports the program's SystemExit as any other
            # exception, and its prompt follows.
            world.flush_streams()
            report_exception(world, exit_request)
        else:
            status = _exit_status(exit_request)
    except BaseException as error:
        world.flush_streams()
        report_exception(world, error)
        status = 1
        interrupted = isinstance(error, KeyboardInterrupt)
    if inspect:
        # Whatever the program did, the prompt's end decides the exit status.
        status, interrupted = _prompt(world, options, after_program=True)
    world.finalize()
    world.flush_streams()
    if interrupted:
        _exit_by_interrupt()
    return status


def _prompt(world, options, after_program):
    """CPython's prompt, after the program with -i; as the program, it comes after the
    banner (unless -q) and the PYTHONSTARTUP file.  Returns the exit status and whether
    to end as if killed by SIGINT."""
    try:
        if after_program:
            return world.interact(quiet=True)
        return world.interact(options.quiet, options.startup_file)
    except SystemExit as exit_request:
        return _exit_status(exit_request), False


def search_path(python_path: list[str]) -> list[str]:
    """The guest's sys.path before its site module runs: ``python_path`` (PYTHONPATH's
    folders) and the standard library (what the host's path holds before its site
    folders), without the folder pvm itself was found in."""
    path = list(python_path)
    pvm_parent = os.path.dirname(os.path.dirname(os.path.abspath(pvm.__file__)))
    site_folders = _host_site_folders()
    for item in sys.path[1:]:
        if os.path.abspath(item or ".") in site_folders:
            break
        if os.path.abspath(item or ".") != pvm_parent and item not in path:
            path.append(item)
    return path


def _host_site_folders():
    """The folders the host's site module added first (site-packages, the user's):
    everything after them in the host's path came from them or from .pth files."""
    site = sys.modules.get("site")
    if site is None:
        return set()
    folders = list(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.USER_SITE:
        folders.append(site.USER_SITE)
    return {os.path.abspath(folder) for folder in folders}


def _exit_by_interrupt():
    # CPython ends as if killed by the signal, so the parent sees it.
    sys.stdout.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


# The name CPython's messages give the program.
_PROGRAM_NAME = "python3"


def _exit_status(exit_request):
    code = exit_request.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def _absolute_or_none(path):
    return os.path.abspath(path) if path else None
