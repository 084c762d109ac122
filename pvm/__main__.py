"""The ``pvm`` command: runs Python programs as ``python`` does.

    pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...

Options follow python's: -c, -m, -, -i, -B, -O, -OO, -u, -q, -V, -X, -h,
-E, -s, -S, -I (the last four accepted and ignored), and PYTHONPATH.
``-X trace`` prints every instruction as it runs (offset, opcode, argument,
top of the stack), for learners.  Inspect the front end with
``python -m pvm.tokenize``, ``python -m pvm.ast`` and ``python -m pvm.dis``.
"""

import os
import sys

USAGE = """\
usage: pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-B     : don't write .pyc files on import (pvm writes none yet)
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option; pvm knows -X trace (print each
         instruction as it runs)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.
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
        self.unbuffered = False
        self.trace = False
        self.dont_write_bytecode = False


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
            if letter in "cmX":
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
                if value == "trace":
                    options.trace = True
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
            elif letter in "EsSIbdvRW":
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


def _search_path(first):
    path = [first]
    extra = os.environ.get("PYTHONPATH")
    if extra:
        path.extend(item for item in extra.split(os.pathsep) if item)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for item in sys.path[1:]:
        if os.path.abspath(item or ".") != repository:
            path.append(item)
    return path


def run(options):
    from pvm.vm import Interpreter
    from pvm.vm.importer import PvmLoader
    from pvm.vm.tracebacks import print_exception
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
    interpreter = Interpreter(argv=argv, path=_search_path(first), optimize=options.optimize,
                              trace=options.trace)
    main_module = types.ModuleType("__main__")
    main_module.__builtins__ = interpreter.builtins
    main_module.__loader__ = None
    main_module.__spec__ = None
    main_module.__annotations__ = {}
    interpreter.modules["__main__"] = main_module
    namespace = main_module.__dict__
    status = 0
    try:
        if options.command is not None:
            code = interpreter.compile(options.command + "\n", "<string>", "exec")
            interpreter.run_code(code, namespace)
        elif options.module is not None:
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
            main_module.__loader__ = PvmLoader("__main__", path)
            code = interpreter.compile(source, path, "exec")
            interpreter.run_code(code, namespace)
        elif not sys.stdin.isatty() or options.script == "-":
            source = sys.stdin.buffer.read()
            main_module.__file__ = "<stdin>"
            main_module.__cached__ = None
            code = interpreter.compile(source, "<stdin>", "exec")
            interpreter.run_code(code, namespace)
        else:
            return interactive(interpreter, namespace, options.quiet)
    except SystemExit as exit_request:
        return _exit_status(exit_request)
    except BaseException as error:
        _flush_quietly(interpreter)
        print_exception(error)
        status = 1
        if isinstance(error, KeyboardInterrupt):
            _exit_by_interrupt()
    if options.inspect:
        return interactive(interpreter, namespace, True)
    _flush_quietly(interpreter)
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
    importer = interpreter.importer
    parent, _, short = name.rpartition(".")
    if parent:
        package = importer.import_absolute(parent)
        search_path = package.__path__
    else:
        search_path = interpreter.sys.path
    path = _find_source(name, search_path)
    if path is None:
        raise SystemExit("%s: No module named %s" % (sys.executable, name))
    if os.path.basename(path) == "__init__.py":
        return run_module(interpreter, name + ".__main__", main_module)
    with open(path, "rb") as file:
        source = file.read()
    main_module.__file__ = path
    main_module.__package__ = parent
    interpreter.sys.argv[0] = path
    code = interpreter.compile(source, path, "exec")
    interpreter.run_code(code, main_module.__dict__)


def _find_source(name, search_path):
    short = name.rpartition(".")[2]
    for folder in search_path:
        folder = folder or os.getcwd()
        for candidate in (os.path.join(folder, short, "__init__.py"),
                          os.path.join(folder, short + ".py")):
            if os.path.isfile(candidate):
                return candidate
    return None


def interactive(interpreter, namespace, quiet):
    from pvm.vm.interactive import Console
    return Console(interpreter, namespace).interact(quiet)


if __name__ == "__main__":
    sys.exit(main())
