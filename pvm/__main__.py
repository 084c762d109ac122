"""The ``pvm`` command: runs Python programs as ``python`` does.

    pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...

The options are python 3.11's (``pvm -h`` lists them and says which mean nothing
in pvm), with pvm's own -X options: ``-X trace`` prints every instruction of the
program as it runs (opcode, argument, the stack, the variables), for learners; ``-X
host-modules=a,b`` hands those modules (and their submodules) to the host for
speed; ``-X fusion=0`` and ``-X jit-threshold=N`` choose how instructions are
joined.  This module only reads the command line; ``pvm.world.Options`` adds what
the environment variables say and ``pvm.world.run`` runs the program.  Inspect the
front end with ``python -m pvm.tokenize``, ``python -m pvm.ast`` and ``python -m
pvm.dis``.
"""

import atexit
import gc
import os
import sys

# The guest's standard library is the host's, and so are its built-in types and C
# modules: pvm runs Python 3.11 programs on CPython 3.11 only.  (Its front end, pvm.parse
# and the tools, runs on newer hosts too.)  Checked before the world is imported, which
# another host may fail to import.
if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
    sys.stderr.write("pvm: runs on CPython 3.11 only, not on %s %s (%s)\n" % (
        "CPython" if sys.implementation.name == "cpython" else sys.implementation.name,
        sys.version.split()[0], sys.executable))
    raise SystemExit(1)

from pvm.world import ConfigurationError, Options, launcher, run  # noqa: E402

# CPython names the program by its first argument (its path, when it was started by
# one); pvm started by its launcher names the launcher so, and itself "pvm" otherwise.
PROGRAM_NAME = "pvm"

USAGE_LINE = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

# (-h prints USAGE_LINE first.)
HELP = """\
Options (and corresponding environment variables):
-b     : set sys.flags.bytes_warning and add a BytesWarning filter (-bb: one that
         raises); pvm itself does not issue BytesWarning for str(bytes) or
         bytes == str comparisons
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : set sys.flags.debug (CPython's parser debugging output exists only in its
         debug builds; pvm has none); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate pvm from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings; add .opt-2 before
         .pyc extension
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : set sys.flags.verbose, which makes importlib's messages appear (the
         messages of CPython's C start-up have no counterpart); also
         PYTHONVERBOSE=x; can be supplied multiple times
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (see --help-xoptions)
--check-hash-based-pycs always|default|never:
         control how pvm invalidates hash-based .pyc files
--help-env      : print help about environment variables and exit
--help-xoptions : print help about implementation-specific -X options and exit
--help-all      : print complete help information and exit
Arguments:
file   : program read from script file, or a folder or zip file holding
         a __main__.py
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
"""

HELP_XOPTIONS = """\
The following implementation-specific options are available:

-X dev: development mode, as CPython's where pvm can give it: the "default"
    warning filter (as -W default), sys.flags.dev_mode set (so asyncio's
    debug mode and io's close() logging follow it). pvm has no memory
    allocator hooks, and a crash of pvm is a host traceback, not faulthandler's.

-X importtime: show how long each import takes, as CPython's table:
    self time, cumulative time (including nested imports) and the module name,
    on stderr; also PYTHONPROFILEIMPORTTIME=x

-X utf8: set sys.flags.utf8_mode; -X utf8=0 clears it. pvm's streams and
    open() are the host's, whose encodings the host chose as it started

-X pycache_prefix=PATH: enable writing .pyc files to a parallel tree rooted at the
    given directory instead of to the code tree

-X warn_default_encoding: set sys.flags.warn_default_encoding

-X int_max_str_digits=number: limit the size of int<->str conversions
    (0: no limit); also PYTHONINTMAXSTRDIGITS

-X trace: print each instruction of the program's own code as it runs
    (function, line, index, opcode, argument, the stack), and the frame's
    variables when they change, on stderr; -X trace=all: every instruction
    pvm runs, start-up and the import system included

-X host-modules=NAME,...: take these modules and their submodules from the host:
    faster, less faithful

-X fusion=0: run without superinstructions, one handler per instruction

-X jit-threshold=N: join the runs of a code object's instructions into one
    handler each once it has started N frames and looped back N times
    (0: at once; the default is 1000)

-X tier=0|1|2: with 1, a function that gets hot (as above) is translated whole
    into one host function instead (experimental; the default is 0), and one
    an earlier run translated once warm (128 calls and loops back) from the
    translations it cached; with 2,
    also a function over ints, floats, bools and lists of them that loops or
    calls is compiled to machine code through pvm's SSA form and LLVM at its
    first call (needs llvmlite: pip install pvm[llvm]); also PVM_TIER

-X jit-log: with tier 1, print on stderr each code object translated (its
    blocks, how long it took, what was left to tier 0, the callees whose body
    runs in place of a call) or left, and why; with
    tier 2, also each function compiled (its signature, how long it took) or
    not, and why, and each time machine code leaves to tier 0, where and why

-X jit-show=NAME: with tier 1, print on stderr the host source of each
    function of that name (or qualified name) translated, each line with the
    instruction it runs; with tier 2, also its SSA form after each pass, its
    LLVM IR and its assembly

Every -X option, these and any other, appears in sys._xoptions. CPython's
-X faulthandler and -X tracemalloc[=N] (also PYTHONTRACEMALLOC) act on the host
process, which is the guest's: tracemalloc traces pvm's allocations too, and its
tracebacks show pvm's frames. -X frozen_modules=off loads the modules CPython
freezes (os, site, runpy, ...) from their files, as CPython's does; showrefcount
and no_debug_ranges are recorded there and do nothing else.
"""

HELP_ENVIRONMENT = """\
Environment variables that change behavior:
PYTHONSTARTUP: file executed on interactive startup (no default)
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.  The result is sys.path.
PYTHONHOME   : not read: the standard library is the host's
PYTHONPLATLIBDIR : not read: sys.platlibdir is the host's
PYTHONCASEOK : not read (it matters on Windows only)
PYTHONUTF8: if set to 1, set sys.flags.utf8_mode (see -X utf8)
PYTHONIOENCODING: read by the host as it starts: the streams are the host's
PYTHONFAULTHANDLER: read by the host as it starts
PYTHONHASHSEED: read by the host as it starts: str and bytes hashes are the host's
PYTHONINTMAXSTRDIGITS: limits the maximum digit characters in an int value
   when converting from a string and when converting an int back to a str.
   A value of 0 disables the limit.
PYTHONMALLOC: read by the host as it starts
PYTHONCOERCECLOCALE: read by the host as it starts
PYTHONBREAKPOINT: if set to 0, breakpoint() does nothing; else the callable
   breakpoint() calls (sys.breakpointhook reads it)
PYTHONDEVMODE: enable the development mode (see -X dev).
PYTHONPYCACHEPREFIX: root directory for bytecode cache (pyc) files.
PYTHONWARNDEFAULTENCODING: set sys.flags.warn_default_encoding.
PYTHONNODEBUGRANGES: not read: pvm's code objects always have column positions
PYTHONPROFILEIMPORTTIME: show how long each import takes (-X importtime)
These variables have equivalent command-line parameters (see --help for details):
PYTHONDEBUG             : set sys.flags.debug (-d)
PYTHONDONTWRITEBYTECODE : don't write .pyc files (-B)
PYTHONINSPECT           : inspect interactively after running script (-i)
PYTHONINTMAXSTRDIGITS   : limit max digit characters in an int value
                          (-X int_max_str_digits=number)
PYTHONNOUSERSITE        : disable user site directory (-s)
PYTHONOPTIMIZE          : enable level 1 optimizations (-O)
PYTHONSAFEPATH          : don't prepend a potentially unsafe path to sys.path (-P)
PYTHONUNBUFFERED        : disable stdout/stderr buffering (-u)
PYTHONVERBOSE           : trace import statements (-v)
PYTHONWARNINGS=arg      : warning control (-W arg)
"""

# The options that take a value, and those that take none; "?" is -h.
_OPTIONS_WITH_VALUE = "cmWX"
_OPTIONS_ALONE = "bBdEhiIOPqRsStuvVx?"
_HELP_OPTIONS = ("--help", "--help-env", "--help-xoptions", "--help-all")


def _help_text(option, program_name):
    """What ``option`` (one of _HELP_OPTIONS) prints."""
    usage = USAGE_LINE % program_name
    return {"--help": usage + HELP, "--help-env": HELP_ENVIRONMENT,
            "--help-xoptions": HELP_XOPTIONS,
            "--help-all": usage + HELP + "\n" + HELP_XOPTIONS + "\n" + HELP_ENVIRONMENT}[option]


class UsageError(Exception):
    """A command line python refuses; the message is python's."""


def parse_arguments(argv: list[str], program_name: str = PROGRAM_NAME) -> Options:
    """The options of the command line ``argv`` (without the program's name), as
    python's getopt reads them.  Prints the help or the version and raises
    SystemExit where python does; raises UsageError for a bad command line."""
    options = Options()
    options.program_name = program_name
    version = 0
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "-" or not argument.startswith("-"):
            options.script = argument
            options.arguments = argv[index + 1:]
            break
        if argument == "--":
            if index + 1 < len(argv):
                options.script = argv[index + 1]
                options.arguments = argv[index + 2:]
            break
        if argument.startswith("--"):
            if argument in _HELP_OPTIONS:
                sys.stdout.write(_help_text(argument, program_name))
                raise SystemExit(0)
            if argument == "--version":
                version += 1
            elif argument == "--check-hash-based-pycs":
                index += 1
                if index >= len(argv):
                    raise UsageError("Argument expected for the --check-hash-based-pycs "
                                     "options")
                if argv[index] not in ("always", "default", "never"):
                    raise UsageError("--check-hash-based-pycs must be one of 'default', "
                                     "'always', or 'never'")
                options.check_hash_based_pycs = argv[index]
            else:
                raise UsageError("unknown option %s" % argument)
            index += 1
            continue
        letters = argument[1:]
        for position, letter in enumerate(letters):
            if letter in _OPTIONS_WITH_VALUE:
                value = letters[position + 1:]
                if not value:
                    index += 1
                    if index >= len(argv):
                        raise UsageError("Argument expected for the -%s option" % letter)
                    value = argv[index]
                if letter == "c":
                    options.command = value
                    options.arguments = argv[index + 1:]
                    index = len(argv)
                elif letter == "m":
                    options.module = value
                    options.arguments = argv[index + 1:]
                    index = len(argv)
                elif letter == "W":
                    options.warnoptions.append(value)
                else:
                    options.add_xoption(value)
                break
            if letter not in _OPTIONS_ALONE:
                if letter == "J":
                    raise UsageError("-J is reserved for Jython")
                raise UsageError("Unknown option: -%s" % letter)
            if letter in "h?":
                sys.stdout.write(_help_text("--help", program_name))
                raise SystemExit(0)
            _set_option(options, letter)
            version += letter == "V"
        index += 1
    if version:
        sys.stdout.write("Python %s\n" % (sys.version if version > 1
                                          else sys.version.split()[0]))
        raise SystemExit(0)
    return options


def _set_option(options, letter):
    """One of the options that take no value (-V aside)."""
    if letter == "i":
        options.inspect = options.interactive = True
    elif letter == "O":
        options.optimize += 1
    elif letter == "q":
        options.quiet += 1
    elif letter == "v":
        options.verbose += 1
    elif letter == "d":
        options.debug += 1
    elif letter == "b":
        options.bytes_warning += 1
    elif letter == "u":
        options.unbuffered = True
    elif letter == "B":
        options.dont_write_bytecode = True
    elif letter == "S":
        options.no_site = True
    elif letter == "s":
        options.no_user_site = True
    elif letter == "E":
        options.ignore_environment = True
    elif letter == "I":
        options.isolated = True
    elif letter == "P":
        options.safe_path = True
    elif letter == "x":
        options.skip_first_line = True
    # -R (hash randomization, always on since 3.3) and -t (gone) are accepted, as by python.


def main(argv=None, launched_as=None):
    """The ``pvm`` command: run what the command line asks for; the exit status.
    ``launched_as`` is the name pvm's launcher was started by, when it was."""
    argv = sys.argv[1:] if argv is None else list(argv)
    program_name = PROGRAM_NAME if launched_as is None else launched_as
    try:
        options = parse_arguments(argv, program_name)
        options.read_environment(os.environ)
        if launched_as is not None:
            options.orig_argv = [launched_as, *argv]
            if sys.flags.ignore_environment and not options.ignore_environment \
                    and launcher.host_must_read_environment(os.environ):
                launcher.restart(options.orig_argv)
    except SystemExit as exit_request:
        return exit_request.code
    except UsageError as error:
        sys.stderr.write("%s\n%sTry `python -h' for more information.\n"
                         % (error, USAGE_LINE % program_name))
        return 2
    except ConfigurationError as error:
        return error.report(sys.stderr)
    # pvm's modules and the host's, all imported by now, live to the end: frozen, the
    # host's collector does not walk them again (16,000 objects, a fifth of what
    # finalization's full collection walked in `pvm -c pass`).
    gc.freeze()
    if launched_as is not None:
        # The launcher's start turned the collector off for pvm's own imports (six
        # collections, some 0.6 ms): on again, the count of new objects that the freeze
        # has reset.
        gc.enable()
    return run(options)


def launched(name=None, arguments=None):
    """The entry of pvm's launcher (``pvm.world.launcher``): ``name`` is the name it was
    started by, ``arguments`` pvm's command line; where not given, they are read from
    ``sys.argv`` as ``HOST -I -S -c START NAME ARGUMENT...`` sets it."""
    if name is None:
        name, arguments = sys.argv[1], sys.argv[2:]
    launcher.restore_environment()
    end_process(main_on_a_deep_host_stack(arguments, launched_as=name))


def end_process(status):
    """End the process with ``status``, once ``run`` has shut the guest's world down
    (``World.finalize``: the program's threads joined, its atexit callbacks run, its
    modules cleared and collected, its streams flushed).

    What CPython's exit does after that is for the host's Python code: join the
    host's threads, run its atexit callbacks, flush the standard streams.  pvm does
    those, then ends the process there: the rest of the host's teardown would only
    free pvm's own objects (code, decoded handlers, modules) one by one, 70-90 ms of
    `pvm -c pass`.  Not while a host profiler or tracer runs (``python3 -m cProfile
    -m pvm``), which reports as the host exits, nor when flushing fails or the status
    is not a number: the host then exits as python does, with pvm's objects frozen,
    so that its last collections do not walk them.  A host started with PYTHONINSPECT
    set would report the SystemExit and open its own prompt: the variable was the
    guest's."""
    if isinstance(status, int) and sys.gettrace() is None and sys.getprofile() is None:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        atexit._run_exitfuncs()
        try:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
        except Exception:
            pass
        else:
            os._exit(status)
    gc.freeze()
    if not sys.flags.inspect:
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status if isinstance(status, int) else 1)


def main_on_a_deep_host_stack(argv=None, launched_as=None):
    """``main``, called from a host frame that opens a big frame chunk (below)."""
    return main(argv, launched_as)


# CPython 3.11 keeps frames in chunks of 16 KB, sized up to a power of two for a frame
# that needs more, and frees a chunk as soon as the frame that opened it returns.
# pvm's host stack is deep (each nested import adds some ten host frames), and a call
# made where a chunk ends paid an mmap and a munmap each time: over 3,000 pairs in
# `pvm -c pass` (python3: 2).  A first frame this big opens a 256 KB chunk and leaves
# some 100 KB of it above for pvm's whole host stack.
main_on_a_deep_host_stack.__code__ = main_on_a_deep_host_stack.__code__.replace(
    co_stacksize=17_000)


if __name__ == "__main__":
    end_process(main_on_a_deep_host_stack())
