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

from pvm.world import Options, run

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
         -X fusion=0 (run without superinstructions, one handler per instruction),
         -X jit-threshold=N (join the runs of a code object's instructions into
         one handler each once it has started N frames and looped back N times;
         0: at once; the default is 1000)
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

def _options_from_environment():
    """Options as python's environment variables set them (the command line may add to
    them or override them)."""
    options = Options()
    options.dev_mode = sys.flags.dev_mode or bool(os.environ.get("PYTHONDEVMODE"))
    options.no_user_site = bool(os.environ.get("PYTHONNOUSERSITE"))
    options.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    options.pycache_prefix = os.environ.get("PYTHONPYCACHEPREFIX") or None
    options.warnoptions = [option for option in
                           os.environ.get("PYTHONWARNINGS", "").split(",") if option]
    options.python_path = [folder for folder in
                           os.environ.get("PYTHONPATH", "").split(os.pathsep) if folder]
    options.startup_file = os.environ.get("PYTHONSTARTUP") or None
    return options


def parse_arguments(argv):
    """The options of the command line ``argv`` (without the program's name)."""
    options = _options_from_environment()
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
                elif value.startswith("jit-threshold="):
                    count = value.partition("=")[2]
                    if not count.isdigit():
                        sys.stderr.write("-X jit-threshold needs a whole number, not %r\n"
                                         % count)
                        raise SystemExit(2)
                    options.join_threshold = int(count)
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
    """The ``pvm`` command: run what the command line asks for; the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        options = parse_arguments(argv)
    except SystemExit as exit_request:
        return exit_request.code
    return run(options)


if __name__ == "__main__":
    sys.exit(main())
