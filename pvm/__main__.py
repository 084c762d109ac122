"""The ``pvm`` command: runs Python programs as ``python`` does.

    pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...

Options follow python's: -c, -m, -, -i, -B, -O, -OO, -u, -q, -s, -S, -V, -X, -h,
-E and -I (these two accepted and ignored), PYTHONPATH,
PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX.  ``-X trace`` prints every
instruction as it runs (offset, opcode, argument, top of the stack), for
learners; ``-X pycache_prefix=PATH`` is python's; ``-X host-modules=a,b``
hands those modules (and their submodules) to the host for speed.  Inspect the front end with
``python -m pvm.tokenize``, ``python -m pvm.ast`` and ``python -m pvm.dis``.
"""

import os
import sys

USAGE = """\
usage: pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option; pvm knows -X trace (print each
         instruction as it runs), -X pycache_prefix=PATH (write .pyc files in a
         parallel tree rooted at PATH), -X host-modules=NAME,... (take these
         modules and their submodules from the host: faster, less faithful),
         -X fusion=0 (run without superinstructions, one handler per instruction)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.
PYTHONDONTWRITEBYTECODE : if this variable is set to a non-empty string, pvm
               doesn't write .pyc files (as -B).
PYTHONPYCACHEPREFIX: root directory for bytecode cache (pyc) files.
"""

# How deep host calls may nest: guest code called from host code (a guest
# __init__, sorted(key=f)) runs a nested loop on the host stack.
_HOST_RECURSION_LIMIT = 8000


class Options:
    def __init__(self):
        self.command = None
        self.module = None
        self.script = None
        self.arguments = []
        self.inspect = False
        self.optimize = 0
        self.quiet = False
        self.no_site = False
        self.dev_mode = sys.flags.dev_mode or bool(os.environ.get("PYTHONDEVMODE"))
        self.no_user_site = bool(os.environ.get("PYTHONNOUSERSITE"))
        self.unbuffered = False
        self.trace = False
        self.fusion = True
        self.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
        self.pycache_prefix = os.environ.get("PYTHONPYCACHEPREFIX") or None
        self.host_modules = []
        self.warnoptions = [option for option in
                            os.environ.get("PYTHONWARNINGS", "").split(",") if option]


def parse_arguments(argv):
    options = Options()
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "-" or not argument.startswith("-"):
            options.script = argument
            options.arguments = argv[index + 1:]
            return options
        if argument in ("-h", "-?", "--help"):
            sys.stdout.write(USAGE)
            raise SystemExit(0)
        if argument in ("-V", "--version"):
            sys.stdout.write("Python %d.%d.%d\n" % sys.version_info[:3])
            raise SystemExit(0)
        if argument == "--":
            if index + 1 < len(argv):
                options.script = argv[index + 1]
                options.arguments = argv[index + 2:]
            return options
        letters = argument[1:]
        position = 0
        while position < len(letters):
            letter = letters[position]
            rest = letters[position + 1:]
            if letter in "cmXW":
                value = rest
                if not value:
                    index += 1
                    if index >= len(argv):
                        sys.stderr.write("Argument expected for the -%s option\n" % letter)
                        sys.stderr.write("usage: pvm [option] ... [-c cmd | -m mod | file | -] "
                                         "[arg] ...\nTry `python -h' for more information.\n")
                        raise SystemExit(2)
                    value = argv[index]
                if letter == "c":
                    options.command = value
                    options.arguments = argv[index + 1:]
                    return options
                if letter == "m":
                    options.module = value
                    options.arguments = argv[index + 1:]
                    return options
                if letter == "W":
                    options.warnoptions.append(value)
                elif value == "trace":
                    options.trace = True
                elif value.startswith("pycache_prefix="):
                    options.pycache_prefix = value.partition("=")[2] or None
                elif value == "dev":
                    options.dev_mode = True
                elif value in ("fusion=0", "fusion=1"):
                    options.fusion = value == "fusion=1"
                elif value.startswith("host-modules="):
                    options.host_modules.extend(
                        name for name in value.partition("=")[2].split(",") if name)
                break
            if letter == "i":
                options.inspect = True
            elif letter == "O":
                options.optimize += 1
            elif letter == "q":
                options.quiet = True
            elif letter == "u":
                options.unbuffered = True
            elif letter == "B":
                options.dont_write_bytecode = True
            elif letter == "S":
                options.no_site = True
            elif letter == "s":
                options.no_user_site = True
            elif letter in "EIbdvR":
                pass
            else:
                sys.stderr.write("Unknown option: -%s\n" % letter)
                sys.stderr.write("usage: pvm [option] ... [-c cmd | -m mod | file | -] "
                                 "[arg] ...\nTry `python -h' for more information.\n")
                raise SystemExit(2)
            position += 1
        index += 1
    return options


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        options = parse_arguments(argv)
    except SystemExit as exit_request:
        return exit_request.code
    if options.unbuffered:
        sys.stdout.reconfigure(write_through=True)
        sys.stderr.reconfigure(write_through=True)
    if sys.getrecursionlimit() < _HOST_RECURSION_LIMIT:
        sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    return run(options)


def _search_path():
    """The guest's sys.path before its site module runs: PYTHONPATH and the standard
    library (what the host's path holds before its site directories)."""
    path = []
    extra = os.environ.get("PYTHONPATH")
    if extra:
        path.extend(item for item in extra.split(os.pathsep) if item)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    site_folders = _host_site_folders()
    for item in sys.path[1:]:
        if os.path.abspath(item or ".") in site_folders:
            break
        if os.path.abspath(item or ".") != repository and item not in path:
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


def _start_tracing(interpreter, options):
    """-X trace: print the program's instructions (and its imports'), not start-up's."""
    if options.trace:
        from pvm.vm.interpreter import instruction_printer
        interpreter.instrument(instruction_printer(sys.stderr))


def run(options):
    from pvm.vm import host_warnings, unraisable
    from pvm.vm.interactive import report_exception
    from pvm.vm.interpreter import Interpreter
    import types

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
    interpreter = Interpreter(argv=argv, path=_search_path(), optimize=options.optimize,
                              dont_write_bytecode=options.dont_write_bytecode,
                              pycache_prefix=_absolute_or_none(options.pycache_prefix),
                              host_modules=options.host_modules,
                              no_site=options.no_site, no_user_site=options.no_user_site,
                              dev_mode=options.dev_mode, fusion=options.fusion)
    # The guest's warnings module reads them when it is first imported, as CPython's does;
    # development mode comes first (the lowest priority), as in CPython.
    interpreter.sys.warnoptions = ["default"] * options.dev_mode + list(options.warnoptions)
    # Exceptions raised in guest finalizers go to the guest's sys.unraisablehook, and
    # the warnings of the host's C code to the guest's warnings module.
    unraisable.install_host_hook(interpreter)
    host_warnings.install(interpreter)
    main_module = types.ModuleType("__main__")
    main_module.__builtins__ = interpreter.builtins
    # As CPython: __main__ of -c, stdin and the prompt says BuiltinImporter loaded it.
    main_module.__loader__ = interpreter.importer.bootstrap.BuiltinImporter
    main_module.__spec__ = None
    main_module.__annotations__ = {}
    interpreter.modules["__main__"] = main_module
    namespace = main_module.__dict__
    status = 0
    inspect = options.inspect
    interrupted = False
    try:
        if not options.no_site:
            # As CPython's start-up: sys.path gains site-packages, .pth files run,
            # builtins gain exit, help, ...; sys.__interactivehook__ is set.
            interpreter.importer.import_("site")
        # After site, as CPython's start-up does: site makes the path's entries
        # absolute, and the current folder is named "" only here.
        interpreter.sys.path.insert(0, first)
        if options.command is not None:
            code = interpreter.compile(options.command + "\n", "<string>", "exec")
            _start_tracing(interpreter, options)
            interpreter.run_code(code, namespace)
        elif options.module is not None:
            _start_tracing(interpreter, options)
            run_module(interpreter, options.module, main_module)
        elif options.script is not None and options.script != "-":
            path = options.script
            try:
                with open(path, "rb") as file:
                    source = file.read()
            except OSError as error:
                sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (
                    _program_name(), os.path.abspath(path) if not os.path.isabs(path)
                    else path, error.errno, error.strerror))
                return 2
            # CPython names the main script by its absolute path.
            path = os.path.abspath(path)
            main_module.__file__ = path
            main_module.__cached__ = None
            main_module.__loader__ = interpreter.importer.external.SourceFileLoader(
                "__main__", path)
            code = interpreter.compile(source, path, "exec")
            _start_tracing(interpreter, options)
            interpreter.run_code(code, namespace)
        elif not (options.inspect or sys.stdin.isatty()):
            source = sys.stdin.buffer.read()
            main_module.__file__ = "<stdin>"
            main_module.__cached__ = None
            code = interpreter.compile(source, "<stdin>", "exec")
            _start_tracing(interpreter, options)
            interpreter.run_code(code, namespace)
        else:
            # The prompt is the program: stdin is a terminal, or -i asks for the prompt.
            inspect = False
            status, interrupted = interactive(interpreter, namespace, options,
                                              after_program=False)
    except SystemExit as exit_request:
        if inspect:
            # With -i, CPython reports the program's SystemExit as any other
            # exception, and its prompt follows.
            _flush_quietly(interpreter)
            report_exception(interpreter, exit_request)
        else:
            status = _exit_status(exit_request)
    except BaseException as error:
        _flush_quietly(interpreter)
        report_exception(interpreter, error)
        status = 1
        interrupted = isinstance(error, KeyboardInterrupt)
    if inspect:
        # Whatever the program did, the prompt's end decides the exit status.
        status, interrupted = interactive(interpreter, namespace, options,
                                          after_program=True)
    del main_module, namespace
    interpreter.finalize()
    _flush_quietly(interpreter)
    if interrupted:
        _exit_by_interrupt()
    return status


def _exit_by_interrupt():
    # CPython ends as if killed by the signal, so the parent sees it.
    import signal
    sys.stdout.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


def _program_name():
    return "python3"


def _flush_quietly(interpreter):
    for stream in (interpreter.sys.stdout, interpreter.sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


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


def run_module(interpreter, name, main_module):
    """``-m NAME``: the guest's runpy runs it, as CPython's ``-m`` does."""
    runpy = interpreter.importer.import_("runpy")
    runpy._run_module_as_main(name, True)


def _absolute_or_none(path):
    return os.path.abspath(path) if path else None


def interactive(interpreter, namespace, options, after_program):
    """CPython's prompt, after the program with -i; as the program, it comes after
    the banner (unless -q) and the PYTHONSTARTUP file.  Returns the exit status and
    whether to end as if killed by SIGINT."""
    from pvm.vm.interactive import Console
    console = Console(interpreter, namespace)
    try:
        if not after_program:
            if not options.quiet:
                _print_banner(options)
            startup_file = os.environ.get("PYTHONSTARTUP")
            if startup_file:
                console.run_startup_file(startup_file)
        console.run_interactive_hook()
        return console.interact(), console.interrupted
    except SystemExit as exit_request:
        return _exit_status(exit_request), False


def _print_banner(options):
    sys.stderr.write("Python %s on %s\n" % (sys.version, sys.platform))
    # Those four names are builtins that the site module adds.
    if not options.no_site:
        sys.stderr.write('Type "help", "copyright", "credits" or "license" for more '
                         'information.\n')


if __name__ == "__main__":
    sys.exit(main())
