"""Running a program as ``python`` does, once its command line is parsed: ``run``.

What CPython's ``Py_RunMain`` does for its command line: build the world,
run ``site``, then the command, module, script, stdin or the prompt as the
``__main__`` module, print what escapes it, shut down, and give the exit status.
``pvm/__main__.py`` parses the command line into ``Options`` and calls ``run``.
"""

import _imp
import _tracemalloc
import faulthandler
import gc
import io
import os
import sys

from pvm.engine.interpreter import DEFAULT_RECURSION_LIMIT, HOST_FRAMES_PER_LEVEL
from pvm.world import host_warnings, launcher, unraisable
from pvm.world.tracebacks import report_exception
from pvm.world.world import DEFAULT_JOIN_THRESHOLD, World

# pvm's package folder (found from here: the package's root imports the world).
_PACKAGE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# How deep host calls may nest: guest code called from host code (a guest
# __init__, sorted(key=f)) runs a nested loop on the host stack.
_HOST_RECURSION_LIMIT = DEFAULT_RECURSION_LIMIT * HOST_FRAMES_PER_LEVEL

# The host collector's thresholds while the world is built and site runs.  Start-up
# allocates some hundred thousand objects that nearly all live to the end (code
# objects, decoded handlers, module namespaces, classes): at the usual 700 the
# collector ran ~290 times in `pvm -c pass`, traversing them for little garbage
# (docs/startup.md).  The program itself runs with the thresholds it had.
_START_UP_GC_THRESHOLDS = (100_000, 50, 1000)


class Options:
    """What one run of pvm is asked to do: python's command-line options and
    environment variables.  The defaults are python's with neither.

    ``pvm/__main__.py`` sets what the command line says; ``read_environment`` then
    adds what the PYTHON* variables say and what the -X options mean, as CPython's
    configuration does: the command line wins, and -E and -I leave the variables out."""

    def __init__(self):
        self.command: str | None = None     # -c COMMAND
        self.module: str | None = None      # -m MODULE
        self.script: str | None = None      # FILE, DIR, ZIP, or "-" for stdin
        self.arguments: list[str] = []      # what follows, for sys.argv[1:]
        self.program_name = "pvm"           # where CPython's messages name its argv[0]
        self.orig_argv: list[str] | None = None     # sys.orig_argv (None: the host's)
        self.inspect = False                # -i, PYTHONINSPECT
        self.interactive = False            # -i alone
        self.optimize = 0                   # -O, -OO, PYTHONOPTIMIZE
        self.quiet = 0                      # -q (counted, as sys.flags counts it)
        self.verbose = 0                    # -v, PYTHONVERBOSE
        self.debug = 0                      # -d, PYTHONDEBUG
        self.bytes_warning = 0              # -b, -bb
        self.ignore_environment = False     # -E, -I
        self.isolated = False               # -I
        self.safe_path = False              # -P, -I, PYTHONSAFEPATH
        self.skip_first_line = False        # -x
        self.no_site = False                # -S
        self.no_user_site = False           # -s, -I, PYTHONNOUSERSITE
        self.dev_mode = False               # -X dev, PYTHONDEVMODE
        self.utf8_mode: int | None = None   # -X utf8, PYTHONUTF8 (None: the host's)
        self.warn_default_encoding = False  # -X warn_default_encoding, PYTHON...ENCODING
        self.int_max_str_digits = -1        # -X int_max_str_digits, PYTHONINTMAXSTRDIGITS
        self.import_time = False            # -X importtime, PYTHONPROFILEIMPORTTIME
        self.fault_handler = False          # -X faulthandler, PYTHONFAULTHANDLER, dev mode
        self.trace_malloc = 0               # -X tracemalloc[=N], PYTHONTRACEMALLOC: frames
        self.unbuffered = False             # -u, PYTHONUNBUFFERED
        # --check-hash-based-pycs; without it, the host's own (``python3
        # --check-hash-based-pycs never -m pvm`` means it for pvm too).
        self.check_hash_based_pycs = _imp.check_hash_based_pycs
        self.trace = None                   # -X trace: "program", -X trace=all: "all"
        self.fusion = True                  # -X fusion=0 turns it off
        self.join_threshold = DEFAULT_JOIN_THRESHOLD    # -X jit-threshold=N
        self.tier = 0                       # -X tier=N, PVM_TIER
        self.jit_log = False                # -X jit-log
        self.jit_show: str | None = None    # -X jit-show=NAME
        self.dont_write_bytecode = False    # -B, PYTHONDONTWRITEBYTECODE
        self.pycache_prefix: str | None = None  # -X pycache_prefix=, PYTHONPYCACHEPREFIX
        self.host_modules: list[str] = []   # -X host-modules=
        self.xoptions: dict[str, str | bool] = {}   # -X NAME[=VALUE], as sys._xoptions
        self.warnoptions: list[str] = []    # -W
        self.environment_warnoptions: list[str] = []    # PYTHONWARNINGS
        self.python_path: list[str] = []    # PYTHONPATH
        self.startup_file: str | None = None    # PYTHONSTARTUP

    def read_environment(self, environ) -> None:
        """Add what the environment variables in ``environ`` and the -X options say to
        what the command line said.  Raises ConfigurationError for a value CPython
        refuses at start-up."""
        if self.isolated:
            self.ignore_environment = self.safe_path = self.no_user_site = True
        if self.ignore_environment:
            environ = {}

        def flag(name):
            # CPython's rule: unset or empty is nothing, a whole number >= 0 is itself,
            # anything else counts as 1.  So PYTHONDONTWRITEBYTECODE=0 is off.
            text = environ.get(name)
            if not text:
                return 0
            try:
                value = int(text)
            except ValueError:
                return 1
            return value if value >= 0 else 1

        self.debug = max(self.debug, flag("PYTHONDEBUG"))
        self.verbose = max(self.verbose, flag("PYTHONVERBOSE"))
        self.optimize = max(self.optimize, flag("PYTHONOPTIMIZE"))
        self.inspect = self.inspect or bool(flag("PYTHONINSPECT"))
        self.dont_write_bytecode = self.dont_write_bytecode or bool(
            flag("PYTHONDONTWRITEBYTECODE"))
        self.no_user_site = self.no_user_site or bool(flag("PYTHONNOUSERSITE"))
        self.unbuffered = self.unbuffered or bool(flag("PYTHONUNBUFFERED"))
        self.safe_path = self.safe_path or bool(environ.get("PYTHONSAFEPATH"))
        self.dev_mode = bool(environ.get("PYTHONDEVMODE"))
        self.warn_default_encoding = bool(environ.get("PYTHONWARNDEFAULTENCODING"))
        self.import_time = bool(environ.get("PYTHONPROFILEIMPORTTIME"))
        self.fault_handler = bool(environ.get("PYTHONFAULTHANDLER"))
        frames = environ.get("PYTHONTRACEMALLOC")
        if frames:
            self.trace_malloc = _frame_count(frames, "PYTHONTRACEMALLOC")
        self.pycache_prefix = environ.get("PYTHONPYCACHEPREFIX") or None
        self.startup_file = environ.get("PYTHONSTARTUP") or None
        self.environment_warnoptions = [
            option for option in environ.get("PYTHONWARNINGS", "").split(",") if option]
        self.python_path = [
            folder for folder in environ.get("PYTHONPATH", "").split(os.pathsep) if folder]
        utf8 = environ.get("PYTHONUTF8")
        if utf8:
            if utf8 not in ("0", "1"):
                raise ConfigurationError("preconfig_init_utf8_mode",
                                         "invalid PYTHONUTF8 environment variable value",
                                         "preinitializing")
            self.utf8_mode = int(utf8)
        digits = environ.get("PYTHONINTMAXSTRDIGITS")
        if digits:
            self.int_max_str_digits = _max_str_digits(digits, "PYTHONINTMAXSTRDIGITS")
        self._read_xoptions()

    def _read_xoptions(self):
        """What the -X options mean; they override the environment."""
        xoptions = self.xoptions
        self.dev_mode = self.dev_mode or "dev" in xoptions
        self.warn_default_encoding = (self.warn_default_encoding
                                      or "warn_default_encoding" in xoptions)
        self.import_time = self.import_time or "importtime" in xoptions
        self.fault_handler = self.fault_handler or self.dev_mode or "faulthandler" in xoptions
        frames = xoptions.get("tracemalloc")
        if frames is not None:
            # -X tracemalloc is -X tracemalloc=1.
            self.trace_malloc = 1 if frames is True else _frame_count(
                frames, "-X tracemalloc=NFRAME")
        if self._first_utf8_option is not None:
            # CPython's pre-configuration reads the first -X utf8, sys._xoptions the last.
            value = self._first_utf8_option
            if value not in (True, "0", "1"):
                raise ConfigurationError("preconfig_init_utf8_mode",
                                         "invalid -X utf8 option value", "preinitializing")
            self.utf8_mode = 1 if value is True else int(value)
        if "int_max_str_digits" in xoptions:
            self.int_max_str_digits = _max_str_digits(xoptions["int_max_str_digits"],
                                                      "-X int_max_str_digits")
        if xoptions.get("frozen_modules", "on") not in (True, "on", "off"):
            raise ConfigurationError("", 'bad value for option -X frozen_modules (expected '
                                     '"on" or "off")', "preinitialized")
        if "pycache_prefix" in xoptions:
            value = xoptions["pycache_prefix"]
            self.pycache_prefix = value if isinstance(value, str) and value else None
        trace = xoptions.get("trace")
        if trace is not None:
            if trace not in (True, "all"):
                raise ConfigurationError(None, "-X trace takes no value, or =all, not %r"
                                         % trace, None)
            self.trace = "program" if trace is True else "all"
        if "fusion" in xoptions:
            self.fusion = xoptions["fusion"] != "0"
        if "jit-threshold" in xoptions:
            count = xoptions["jit-threshold"]
            if not isinstance(count, str) or not count.isdigit():
                raise ConfigurationError(None, "-X jit-threshold needs a whole number, not %r"
                                         % count, None)
            self.join_threshold = int(count)
        # PVM_TIER is pvm's own switch, read under -E and -I too.
        tier = xoptions.get("tier", os.environ.get("PVM_TIER") or None)
        if tier is not None:
            if tier not in ("0", "1", "2"):
                raise ConfigurationError(None, "-X tier must be 0, 1 or 2, not %r" % (tier,),
                                         None)
            self.tier = int(tier)
        self.jit_log = "jit-log" in xoptions
        show = xoptions.get("jit-show")
        if show is not None:
            if not isinstance(show, str) or not show:
                raise ConfigurationError(None, "-X jit-show needs a function's name", None)
            self.jit_show = show

    _first_utf8_option: str | bool | None = None

    def add_xoption(self, text: str) -> None:
        """-X TEXT: NAME or NAME=VALUE, as sys._xoptions records it."""
        name, equals, value = text.partition("=")
        if name == "utf8" and self._first_utf8_option is None:
            self._first_utf8_option = value if equals else True
        if name == "host-modules":
            self.host_modules.extend(module for module in value.split(",") if module)
        self.xoptions[name] = value if equals else True

    def sys_warnoptions(self) -> list[str]:
        """sys.warnoptions, lowest priority first (the warnings module applies them in
        order, each before the last): development mode's, PYTHONWARNINGS, -W, -b."""
        options = ["default"] if self.dev_mode else []
        options += self.environment_warnoptions + self.warnoptions
        if self.bytes_warning:
            options.append("error::BytesWarning" if self.bytes_warning > 1
                           else "default::BytesWarning")
        return options

    def sys_flags(self) -> dict:
        """The guest's sys.flags, by name; hash_randomization and, unless set, utf8_mode
        are the host's: the host process made its hashes and streams before pvm ran."""
        return dict(
            debug=self.debug, inspect=int(self.inspect), interactive=int(self.interactive),
            optimize=self.optimize, dont_write_bytecode=int(self.dont_write_bytecode),
            no_user_site=int(self.no_user_site), no_site=int(self.no_site),
            ignore_environment=int(self.ignore_environment), verbose=self.verbose,
            bytes_warning=self.bytes_warning, quiet=self.quiet,
            isolated=int(self.isolated), dev_mode=self.dev_mode,
            utf8_mode=_default_utf8_mode() if self.utf8_mode is None else self.utf8_mode,
            warn_default_encoding=int(self.warn_default_encoding),
            safe_path=self.safe_path, int_max_str_digits=self.int_max_str_digits)


def _default_utf8_mode():
    """UTF-8 mode where neither -X utf8 nor a PYTHONUTF8 the guest reads sets it: the
    host's, unless the host's came from PYTHONUTF8; then CPython's rule, on in the C
    and POSIX locales."""
    if not os.environ.get("PYTHONUTF8"):
        return sys.flags.utf8_mode
    import locale   # here: few processes need it, and every one would pay for its import
    return int(locale.setlocale(locale.LC_CTYPE) in ("C", "POSIX"))


class ConfigurationError(Exception):
    """A setting CPython refuses at start-up, with a fatal error naming ``function``
    ("": a fatal error that names none; None: one of pvm's own settings, reported
    plainly)."""

    def __init__(self, function, message, state):
        super().__init__(message)
        self.function = function
        self.message = message
        self.state = state

    def report(self, stream) -> int:
        """Write CPython's report to ``stream``; the exit status."""
        if self.function is None:
            stream.write(self.message + "\n")
            return 2
        stream.write("Fatal Python error: %s%s\nPython runtime state: %s\n\n"
                     % (self.function and self.function + ": ", self.message, self.state))
        return 1


def _max_str_digits(text, source):
    """The limit ``text`` (from ``source``) sets on int/str conversions."""
    if text is True or not text.isdigit() or (0 < int(text) < _MIN_MAX_STR_DIGITS):
        raise ConfigurationError("config_init_int_max_str_digits",
                                 "%s: invalid limit; must be >= %d or 0 for unlimited."
                                 % (source, _MIN_MAX_STR_DIGITS), "preinitialized")
    return int(text)


_MIN_MAX_STR_DIGITS = sys.int_info.str_digits_check_threshold


def _frame_count(text, source):
    """The number of frames tracemalloc keeps, as ``text`` (from ``source``) says: a
    whole number >= 0, read as C's strtol reads it (blanks and a sign before it)."""
    digits = text.lstrip(" \t\n\v\f\r")
    if digits.startswith(("+", "-")):
        digits = digits[1:]
    if not (digits.isascii() and digits.isdigit()) or int(text) < 0:
        raise ConfigurationError("config_init_tracemalloc",
                                 "%s: invalid number of frames" % source, "preinitialized")
    if int(text) > _MAX_TRACEMALLOC_FRAMES:
        raise ConfigurationError("init_interp_main", "can't initialize tracemalloc",
                                 "core initialized")
    return int(text)


_MAX_TRACEMALLOC_FRAMES = 65535


def run(options: Options, watcher=None) -> int:
    """Run what ``options`` ask for in a new world, as ``python`` does with the same
    command line, and return the exit status.  Output goes to the host's streams,
    which are the guest's; an uncaught exception is printed as CPython prints it.
    ``watcher`` (a ``pvm.world.recording.Watcher``; -X trace's printer by default
    under -X trace) watches the program's instructions."""
    if options.unbuffered:
        sys.stdout = sys.__stdout__ = _unbuffered(sys.stdout)
        sys.stderr = sys.__stderr__ = _unbuffered(sys.stderr)
    if sys.getrecursionlimit() < _HOST_RECURSION_LIMIT:
        sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    # These belong to the host process, which is the guest's.
    # (The host read PYTHONINTMAXSTRDIGITS as it started, even where -E says not to.)
    sys.set_int_max_str_digits(sys.int_info.default_max_str_digits
                               if options.int_max_str_digits < 0
                               else options.int_max_str_digits)
    # (The host may have enabled it for PYTHONDEVMODE or PYTHONFAULTHANDLER under -E.)
    if options.fault_handler:
        faulthandler.enable()
    else:
        faulthandler.disable()
    # The same for tracemalloc, which traces the host's allocations (pvm's among them).
    if options.trace_malloc:
        _tracemalloc.start(options.trace_malloc)
    elif _tracemalloc.is_tracing():
        _tracemalloc.stop()
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
    if watcher is None and options.trace is not None:
        # (Imported only here: a start-up without -X trace does without sysconfig.)
        from pvm.world import recording
        watcher = recording.text_trace(everything=options.trace == "all")
    thresholds = gc.get_threshold()
    gc.set_threshold(*_START_UP_GC_THRESHOLDS)
    world = World(argv=argv, path=search_path(options.python_path),
                  optimize=options.optimize, watcher=watcher, fusion=options.fusion,
                  join_threshold=options.join_threshold, tier=options.tier,
                  dont_write_bytecode=options.dont_write_bytecode,
                  pycache_prefix=options.pycache_prefix,
                  host_modules=tuple(options.host_modules), flags=options.sys_flags(),
                  xoptions=options.xoptions, warnoptions=tuple(options.sys_warnoptions()),
                  check_hash_based_pycs=options.check_hash_based_pycs,
                  import_time=options.import_time)
    if options.tier >= 2:
        from pvm.world import machine_code
        machine_code.install(world, options.jit_log, options.jit_show, sys.stderr)
    if options.jit_log or options.jit_show:
        # (Imported only here: it imports tier 1, and tier 1 the generator.)
        from pvm.world import tier_reports
        world.interpreter.report_translation = tier_reports.reporter(
            options.jit_log, options.jit_show, sys.stderr)
    # As CPython's, sys.executable starts this interpreter again: pvm's launcher on this
    # host.  In a virtual environment, _base_executable is the launcher on the python
    # the environment was made from.
    world.sys.executable = launcher.launcher(sys.executable)
    world.sys._base_executable = (world.sys.executable
                                  if sys._base_executable == sys.executable
                                  else launcher.launcher(sys._base_executable))
    if options.orig_argv is not None:
        world.sys.orig_argv = list(options.orig_argv)
    # Exceptions raised in guest finalizers go to the guest's sys.unraisablehook, and
    # the warnings of the host's C code to the guest's warnings module.
    unraisable.install_host_hook(world)
    host_warnings.install(world)
    # Ctrl-C raises KeyboardInterrupt between instructions, not inside pvm's own work.
    world.signals.handle_interrupts()
    status = 0
    # As CPython: with -i or PYTHONINSPECT, the program's SystemExit is reported as any
    # exception; the prompt follows only if stdin is a terminal or -i asks for it.
    stdin_is_interactive = options.interactive or sys.stdin.isatty()
    inspect = options.inspect
    prompt_after = inspect and stdin_is_interactive
    interrupted = False
    try:
        try:
            if not options.no_site:
                # As CPython's start-up: sys.path gains site-packages, .pth files run,
                # builtins gain exit, help, ...; sys.__interactivehook__ is set.
                world.import_module("site")
            # What start-up made lives to the end: the collector need not walk it
            # again (frozen before the usual thresholds are back, which would collect).
            world.freeze_start_up()
        finally:
            # (Unless site, a .pth file or sitecustomize set thresholds of its own.)
            if gc.get_threshold() == _START_UP_GC_THRESHOLDS:
                gc.set_threshold(*thresholds)
        # After site, as CPython's start-up does: site makes the path's entries
        # absolute, and the current folder is named "" only here.  -P (and -I) leave
        # it out: a file there could shadow any module.  A folder or zip file run as
        # the program is first whatever they say: its __main__ is looked for there.
        main_container = None
        if options.command is None and options.module is None and options.script \
                not in (None, "-"):
            path = os.path.abspath(options.script)
            if world.importer.finder_for_path(path) is not None:
                main_container = path
        if main_container is not None:
            world.sys.path.insert(0, main_container)
        elif not options.safe_path:
            world.sys.path.insert(0, first)
        if options.command is not None:
            world.run_command(options.command)
        elif options.module is not None:
            world.run_module(options.module)
        elif main_container is not None:
            world.run_main_module_of(main_container)
        elif options.script is not None and options.script != "-":
            path = options.script
            try:
                with open(path, "rb") as file:
                    source = file.read()
            except OSError as error:
                sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (
                    options.program_name, os.path.abspath(path) if not os.path.isabs(path)
                    else path, error.errno, error.strerror))
                return 2
            if options.skip_first_line:
                # CPython skips the line's text and keeps its end, so that line numbers
                # stay those of the file.
                source = source[source.find(b"\n"):] if b"\n" in source else b""
            world.run_script(source, path)
        elif not stdin_is_interactive:
            world.run_source(sys.stdin.buffer.read(), "<stdin>")
        else:
            # The prompt is the program: stdin is a terminal, or -i asks for the prompt.
            inspect = prompt_after = False
            status, interrupted = _prompt(world, options, after_program=False)
    except SystemExit as exit_request:
        if inspect:
            # With -i, CPython reports the program's SystemExit as any other
            # exception, and its prompt follows.
            world.flush_streams()
            report_exception(world, exit_request)
            status = 1
        else:
            status = _exit_status(exit_request)
    except BaseException as error:
        world.flush_streams()
        # A signal handler's exception must not break the report (as CPython's C
        # printing runs no handler).
        world.signals.holding = True
        report_exception(world, error)
        world.signals.holding = False
        status = 1
        interrupted = isinstance(error, KeyboardInterrupt)
    if prompt_after:
        # Whatever the program did, the prompt's end decides the exit status.
        status, interrupted = _prompt(world, options, after_program=True)
    world.finalize()
    world.flush_streams()
    if interrupted:
        _exit_by_interrupt()
    return status


def _unbuffered(stream):
    """``stream`` as CPython's -u makes it: text written through to the file, with no
    buffer in between, so that output keeps its order with a child's on the same file.
    Streams an embedding program put in place of the host's may have no buffering to
    turn off, or no file: those only write their text through."""
    if type(stream) is io.TextIOWrapper and type(stream.buffer) is io.BufferedWriter:
        stream.flush()
        return io.TextIOWrapper(io.FileIO(stream.fileno(), "w", closefd=False),
                                stream.encoding, stream.errors, newline="\n",
                                write_through=True)
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(write_through=True)
    return stream


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
    pvm_parent = os.path.dirname(_PACKAGE_FOLDER)
    site_folders = _host_site_folders()
    # The host's own PYTHONPATH is the guest's only if the guest reads the environment:
    # then it is in ``python_path`` already.
    left_out = {pvm_parent} | {os.path.abspath(folder) for folder in
                               os.environ.get("PYTHONPATH", "").split(os.pathsep) if folder}
    for item in sys.path[1:]:
        if os.path.abspath(item or ".") in site_folders:
            break
        if os.path.abspath(item or ".") not in left_out and item not in path:
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
    import signal   # here: the host's signal module imports enum, a cost at every start
    sys.stdout.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


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

