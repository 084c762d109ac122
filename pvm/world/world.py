"""A guest world: the builtins, sys, modules and import system guest code runs in,
built on an engine of its own (``pvm.engine.interpreter.Interpreter``).

The engine knows the bytecode contract and nothing above it.  What it needs of
the world, the world installs on it here, as it builds it: the builtins and the
module table, ``sys.displayhook`` for PRINT_EXPR, ``sys.unraisablehook`` for an
exception raised where nothing can catch it, the warning for a coroutine never
awaited, and the files whose frames tracebacks leave out.
"""

import gc
import io
import os
import sys as host_sys
import types
import warnings as host_warnings
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref
from _thread import get_ident

from pvm.code import Code
from pvm.engine.interpreter import DEFAULT_JOIN_THRESHOLD, Interpreter
from pvm.world import guest, programs, unraisable
from pvm.world.guest_builtins import make_builtins
from pvm.world.guest_sys import make_sys
from pvm.world.access import Access
from pvm.world.importer import ImportSystem
from pvm.world.signals import Signals
from pvm.world.tracebacks import (faulthandler_dump_traceback, print_exception,
                                  thread_excepthook)

# pvm's stand-ins for C modules (pvm/world/guest/) leave no traceback entries, as C
# code leaves none, and neither do the frames of the pure-Python module each runs on
# (directly inside it): {stand-in's file: that module's file}.
_C_STAND_INS = {
    os.path.join(guest.FOLDER, "_pickle.py"):
        os.path.join(os.path.dirname(host_warnings.__file__), "pickle.py"),
    os.path.join(guest.FOLDER, "_warnings.py"): host_warnings.__file__,
    # marshal runs on no Python module: only its own frames go.
    os.path.join(guest.FOLDER, "marshal.py"): os.path.join(guest.FOLDER, "marshal.py"),
}


_TIME_ZONE_ATTRIBUTES = ("timezone", "altzone", "daylight", "tzname")


def _thread_starter(world, start_new_thread):
    """The guest's ``_thread.start_new_thread``: the thread's guest opens files as the
    world allows (``Access.enter``), and an exception its function lets out is reported
    as CPython reports it, with its guest traceback (the host would show pvm's frames).
    The thread charges the world's budget, as the guest's other code does, and a limit
    passed there stops the world (its other threads, and the run, at their next
    instructions)."""
    def start_new_thread_(function, arguments, keywords=None, /):
        # (The host's checks, before the thread starts.)
        if not callable(function):
            raise TypeError("first arg must be callable")
        if not isinstance(arguments, tuple):
            raise TypeError("2nd arg must be a tuple")
        if keywords is not None and not isinstance(keywords, dict):
            raise TypeError("optional 3rd arg must be a dictionary")

        def run(*arguments, **keywords):
            if world.access.folders is not None:
                world.access.enter()
            try:
                function(*arguments, **keywords)
            except SystemExit:
                pass
            except BaseException as error:
                if world.limits is not None and world.limits.stopped is error:
                    # A limit stopped the world: the thread ends with no guest code
                    # run (the guest's hook is guest code), the limit being the host's
                    # to report, by the run that meets it.
                    return
                unraisable.report(world, error, function,
                                  "Exception ignored in thread started by")
        world.interpreter.thread_starting()
        if keywords is None:
            return start_new_thread(run, arguments)
        return start_new_thread(run, arguments, keywords)
    start_new_thread_.__name__ = start_new_thread_.__qualname__ = start_new_thread.__name__
    start_new_thread_.__module__ = "_thread"
    start_new_thread_.__doc__ = start_new_thread.__doc__
    return start_new_thread_


def _tzset_for(guest_time):
    """time.tzset for the guest's copy of the time module: the host's sets the time
    zone attributes of the host's module, and the guest reads its own."""
    host_time = host_sys.modules["time"]

    def tzset():
        host_time.tzset()
        for attribute in _TIME_ZONE_ATTRIBUTES:
            setattr(guest_time, attribute, getattr(host_time, attribute))

    tzset.__module__ = "time"
    tzset.__doc__ = host_time.tzset.__doc__
    return tzset


class World:
    """A guest world on its own engine: its builtins, its sys, its modules (``__main__``
    among them, empty) and its import system, CPython's importlib run on the engine.

    The public interface (``pvm.World``), for programs that embed pvm: ``run``,
    ``eval`` and ``call`` run guest code within the limits given here, each with a
    whole budget: at most ``instructions`` pvm instructions, ``seconds`` of wall
    time, ``memory`` bytes of guest allocations (``pvm.world.limits``); past one, its
    ``LimitExceeded`` comes out in the host and no guest code runs after it.
    ``recursion`` is the guest's recursion limit; ``imports`` (None: all) the only
    modules the guest may import; ``files`` (None: all) the only folders it may read
    files in (``pvm.world.access``); ``stdout``, ``stderr`` and ``stdin`` its
    standard streams (None: the host's); ``argv`` and ``path`` its ``sys.argv`` and
    ``sys.path`` (None: the host's path, without site's work).

    The other arguments are python's command-line settings, for the ``pvm`` command:
    ``optimize`` is -O's level; ``watcher`` (a ``pvm.world.recording.Watcher``: -X
    trace's printer, the stage explorer's recorder) watches the program's instructions
    from the program's start, or every instruction from the world's start if it
    watches everything; ``fusion`` (-X fusion=0 turns it off) runs common
    sequences of instructions as one, and the runs of hot code as one once it has
    run ``join_threshold`` times (-X jit-threshold; 0: at once), translated whole into
    host functions with ``tier`` 1 (-X tier=1); ``dont_write_bytecode`` (-B) and
    ``pycache_prefix`` govern the cache files; ``host_modules`` (-X host-modules)
    are modules taken from the host; ``flags`` (by name) and ``xoptions`` (-X) show
    in ``sys.flags`` and ``sys._xoptions``, and ``warnoptions`` in ``sys.warnoptions``;
    ``check_hash_based_pycs`` is --check-hash-based-pycs; ``import_time``
    (-X importtime) prints how long each import takes.
    """

    def __init__(self, *, instructions: int | None = None, seconds: float | None = None,
                 memory: int | None = None, recursion: int | None = None,
                 imports=None, files=None, stdout=None, stderr=None, stdin=None,
                 argv: list[str] | None = None, path: list[str] | None = None,
                 optimize: int = 0, watcher=None, fusion: bool = True,
                 join_threshold: int | None = DEFAULT_JOIN_THRESHOLD, tier: int = 0,
                 dont_write_bytecode: bool = False, pycache_prefix: str | None = None,
                 host_modules: tuple[str, ...] = (), flags: dict | None = None,
                 xoptions: dict | None = None, warnoptions: tuple[str, ...] = (),
                 check_hash_based_pycs: str = "default", import_time: bool = False):
        self.optimize = optimize
        self.watcher = watcher
        self.interpreter = interpreter = Interpreter(fusion=fusion,
                                                     join_threshold=join_threshold,
                                                     tier=tier)
        if watcher is not None and watcher.everything:
            watcher.install(interpreter)
        self.modules = {}
        self.signals = Signals(interpreter)
        self.access = Access(imports, files, path)
        self.guard = None
        if imports is not None or files is not None:
            # A world that keeps its guest from modules or files keeps it from the
            # host's objects too (imported here: other worlds pay nothing for it).
            from pvm.world.guard import AttributeGuard
            self.guard = AttributeGuard(self)
        self.limits = None
        # The host's run, eval and call in progress, by host thread: the outermost of a
        # thread's starts the world again (_GuestEntry).
        self.entries = {}
        if instructions is not None or seconds is not None or memory is not None:
            # (Imported only here: a world with no limit, as the pvm command's, pays
            # nothing for them at start-up.)
            from pvm.world.limits import Limits
            self.limits = Limits(interpreter, instructions, seconds, memory)
        self.builtins = make_builtins(self)
        self.sys = make_sys(self, argv or [""], path, dont_write_bytecode, pycache_prefix,
                            flags, xoptions, warnoptions)
        for name, stream in (("stdout", stdout), ("stderr", stderr), ("stdin", stdin)):
            if stream is not None:
                setattr(self.sys, name, stream)
                setattr(self.sys, "__%s__" % name, stream)
        if recursion is not None:
            self.sys.setrecursionlimit(recursion)
        self.modules["builtins"] = self.builtins
        self.modules["sys"] = self.sys
        interpreter.builtins_dict = self.builtins.__dict__
        interpreter.modules = self.modules
        interpreter.hidden_from_tracebacks = _C_STAND_INS
        interpreter.display = self.display
        interpreter.report_unraisable = self.report_unraisable
        interpreter.warn_never_awaited = self.warn_never_awaited
        self.importer = ImportSystem(self, host_modules, import_time)
        self.importer.imp.check_hash_based_pycs = check_hash_based_pycs
        self.importer.install()
        self.main_module = main_module = types.ModuleType("__main__")
        main_module.__builtins__ = self.builtins
        # As CPython: __main__ of -c, stdin and the prompt says BuiltinImporter loaded it.
        main_module.__loader__ = self.importer.bootstrap.BuiltinImporter
        main_module.__spec__ = None
        main_module.__annotations__ = {}
        self.modules["__main__"] = main_module
        # Whether the guest froze objects in the host's collector, and how many were
        # frozen then by pvm (its own modules, start-up's: ``freeze_start_up``), which
        # the guest's gc.get_freeze_count() does not count (pvm.world.guest_gc: the
        # count walks the frozen objects, some 2 ms at start-up); whether start-up's
        # objects are frozen, which the guest's gc.get_objects() and gc.get_referrers()
        # must see (``thaw_start_up``).
        self.guest_froze = False
        self.frozen_by_pvm = 0
        self.start_up_frozen = False
        if self.limits is not None:
            self.limits.activate()
        self.access.install(self)
        if self.guard is not None:
            self.guard.install()

    # -- the public interface -----------------------------------------------------------

    def run(self, source: str | bytes, filename: str = "<world>") -> dict:
        """Run ``source`` as the ``__main__`` module (whose namespace is kept from one
        run to the next, as at a prompt) and return its globals."""
        namespace = self.main_module.__dict__
        with self._guest_entry():
            code = self.compile(source, filename, "exec")
            _on_a_deep_host_stack(self.run_code, (code, namespace), _NO_KEYWORDS)
        return namespace

    def eval(self, expression: str):
        """The value of ``expression`` in ``__main__``'s namespace."""
        with self._guest_entry():
            code = self.compile(expression, "<world>", "eval")
            return _on_a_deep_host_stack(self.run_code, (code, self.main_module.__dict__),
                                         _NO_KEYWORDS)

    def call(self, function, /, *arguments, **keywords):
        """``function(*arguments, **keywords)``, a guest function (or anything the
        guest made) called within the world's limits."""
        with self._guest_entry():
            return _on_a_deep_host_stack(function, arguments, keywords)

    def format_exception(self, error: BaseException) -> str:
        """The traceback of ``error`` (which came out of ``run``, ``eval`` or ``call``)
        as CPython prints it, through the guest's frames."""
        stream = io.StringIO()
        print_exception(error, stream)
        return stream.getvalue()

    def _guest_entry(self):
        """Around the host's run, eval and call: the budgets whole again; signals
        handled between instructions; the files the guest opens checked, where the
        world restricts them; the guest's exceptions out as themselves,
        without the host frames of pvm that they passed through."""
        return _GuestEntry(self)

    def adapt_host_module(self, name: str, module: types.ModuleType) -> None:
        """Change the guest's copy of a host module where the world's rules need it:
        ``_signal`` runs guest handlers between instructions (pvm.world.signals),
        ``_io`` and ``posix`` keep to the allowed files (pvm.world.access), and
        ``time.sleep`` ends at the world's deadline (pvm.world.limits), ``time.tzset``
        updates the guest's copy, a thread's uncaught exception is printed with its
        guest traceback (a thread's files are checked as the world's are),
        faulthandler's dump_traceback shows guest frames, and a restricted world's
        ``_operator`` reads no attribute past its guard and its ``gc`` lists the guest's
        objects only."""
        if name == "_signal":
            self.signals.adapt(module)
        elif name in ("_io", "posix"):
            self.access.adapt(name, module)
        elif name == "time":
            module.tzset = _tzset_for(module)
            if self.limits is not None:
                self.limits.adapt_time(module)
        elif name == "_thread":
            module._excepthook = thread_excepthook(self)
            for starter in ("start_new_thread", "start_new"):
                setattr(module, starter, _thread_starter(self, getattr(module, starter)))
        elif name == "_operator" and self.guard is not None:
            self.guard.adapt_operator(module)
        elif name == "gc":
            # (Imported only here: few programs import gc.)
            from pvm.world import guest_gc
            guest_gc.adapt(self, module)
            if self.guard is not None:
                self.guard.adapt_gc(module)
        elif name == "faulthandler":
            module.dump_traceback = faulthandler_dump_traceback(self, module.dump_traceback)

    # -- what the engine asks of the world -------------------------------------------------

    def display(self, value):
        """PRINT_EXPR's (the prompt's): hand ``value`` to the guest's sys.displayhook."""
        hook = self.sys.__dict__.get("displayhook")
        if hook is None:
            raise RuntimeError("lost sys.displayhook")
        hook(value)

    def report_unraisable(self, error, owner):
        """``error`` was raised where nothing can catch it, as ``owner`` was finalized."""
        unraisable.report(self, error, owner)

    def warn_never_awaited(self, coroutine):
        """CPython's RuntimeWarning for a coroutine that dies unstarted: through
        warnings._warn_unawaited_coroutine (which shows cr_origin), or a plain warning
        if that is missing or fails; what goes wrong is reported as unraisable."""
        try:
            warnings = self.warnings_module()
        except BaseException as error:
            unraisable.report(self, error, coroutine)
            return
        warned = False
        try:
            warn_unawaited = getattr(warnings, "_warn_unawaited_coroutine", None)
            if warn_unawaited is not None:
                warn_unawaited(coroutine)
                warned = True
        except BaseException as error:
            # A warning turned into an error still counts as the warning given.
            warned = isinstance(error, RuntimeWarning)
            unraisable.report(self, error, coroutine)
        if not warned:
            try:
                warnings.warn("coroutine '%s' was never awaited" % coroutine.__qualname__,
                              RuntimeWarning, stacklevel=1, source=coroutine)
            except BaseException as error:
                unraisable.report(self, error, coroutine)

    # -- compiling and running --------------------------------------------------------------

    def compile(self, source: str | bytes, filename: str, mode: str = "exec", flags: int = 0,
                dont_inherit: bool = False, optimize: int = -1, warn=None) -> Code:
        """The builtin ``compile`` of the guest: pvm's compiler, whose warnings go to the
        guest's warnings module (or to ``warn``, with warn_explicit's arguments)."""
        # The front end is imported when first needed: a program whose modules all come
        # from the cache never parses (docs/startup.md).
        from pvm.compile_warnings import redirected_to
        from pvm.compiler import compile as pvm_compile
        if optimize == -1:
            optimize = self.optimize
        with redirected_to(warn or self.warn_explicit):
            return pvm_compile(source, filename, mode, flags, dont_inherit, optimize)

    def compile_program(self, source: str | bytes, filename: str) -> Code:
        """The code of the main program (-c, a script, stdin), ``source`` being what
        python reads (bytes of a file are checked as CPython checks them): the code
        kept from an earlier run of the same program (pvm.world.programs), else
        compiled, and kept unless the compiler warned."""
        def check():
            if isinstance(source, bytes):
                from pvm.parser import check_program_file
                check_program_file(source, filename)
        return self._compile_kept(programs.PROGRAMS, check, source, filename)

    def compile_text(self, source, filename: str, mode: str, flags: int = 0,
                     dont_inherit: bool = False, optimize: int = -1):
        """The builtins compile, exec and eval: code compiled from text is kept between
        runs as main programs are (pvm.world.programs), up to some length; syntax trees
        in or out (``ast.PyCF_ONLY_AST``) are compiled as they come."""
        if isinstance(source, (str, bytes)) and len(source) <= _LONGEST_KEPT_TEXT \
                and mode in ("exec", "eval", "single") and type(flags) is int \
                and not flags & _ONLY_AST and type(optimize) is int:
            return self._compile_kept(programs.STRINGS, None, source, filename, mode, flags,
                                      dont_inherit, optimize)
        return self.compile(source, filename, mode, flags, dont_inherit, optimize)

    def _compile_kept(self, kind, check, source, filename, mode="exec", flags=0,
                      dont_inherit=False, optimize=-1) -> Code:
        if optimize == -1:
            optimize = self.optimize
        place = programs.folder(getattr(self.sys, "pycache_prefix", None), kind)
        key = programs.key(source, filename, optimize, mode, flags, dont_inherit)
        if place is not None:
            code = programs.read(place, key, filename)
            if code is not None:
                return code
        if check is not None:
            check()
        warned = []

        def warn(message, category, filename, lineno):
            warned.append(category)
            self.warn_explicit(message, category, filename, lineno)
        code = self.compile(source, filename, mode, flags, dont_inherit, optimize, warn=warn)
        if place is not None and not warned \
                and not getattr(self.sys, "dont_write_bytecode", False):
            programs.write(place, key, code)
        return code

    def warn_explicit(self, message, category, filename, lineno):
        """A warning of pvm's own making (the compiler's) issued through the guest's
        warnings module, so that the guest's filters and catch_warnings see it."""
        self.warnings_module().warn_explicit(message, category, filename, lineno)

    def warnings_module(self) -> types.ModuleType:
        """The guest's ``warnings`` module, imported if it was not yet."""
        warnings = self.modules.get("warnings")
        if warnings is None:
            warnings = self.importer.import_("warnings")
        return warnings

    def import_module(self, name: str) -> types.ModuleType:
        """``import NAME`` in the guest; the module itself, not its top package."""
        self.importer.import_(name)
        return self.modules[name]

    def run_code(self, code: Code, globals_: dict, locals_=None):
        """Run module-level code in the given namespaces, as the builtin ``exec`` does
        (which puts ``__builtins__`` into globals that have none)."""
        globals_.setdefault("__builtins__", self.builtins)
        return self.interpreter.run_code(code, globals_, locals_)

    def run_command(self, command: str) -> None:
        """``-c COMMAND``: run ``command`` as the ``__main__`` module."""
        try:
            # The command line's bytes that are not UTF-8 became lone surrogates, which
            # CPython's UTF-8 encoding of the command refuses before compiling it.
            command.encode("utf-8")
        except UnicodeEncodeError:
            self.sys.stderr.write("Unable to decode the command from the command line:\n")
            raise
        code = self.compile_program(command + "\n", "<string>")
        self._start_program()
        self.run_code(code, self.main_module.__dict__)

    def run_script(self, source: str | bytes, path: str) -> None:
        """``python FILE``: run ``source``, read from the script at ``path``, as
        ``__main__``."""
        # CPython names the main script by its absolute path.
        path = os.path.abspath(path)
        main_module = self.main_module
        main_module.__file__ = path
        main_module.__cached__ = None
        main_module.__loader__ = self.importer.external.SourceFileLoader("__main__", path)
        _refuse_null_bytes(source, path)
        code = self.compile_program(source, path)
        self._start_program()
        self.run_code(code, main_module.__dict__)

    def run_source(self, source: str | bytes, filename: str) -> None:
        """Run ``source`` (a program piped to stdin: ``filename`` is ``<stdin>``) as
        ``__main__``."""
        main_module = self.main_module
        main_module.__file__ = filename
        main_module.__cached__ = None
        _refuse_null_bytes(source, filename)
        code = self.compile_program(source, filename)
        self._start_program()
        self.run_code(code, main_module.__dict__)

    def run_module(self, name: str) -> None:
        """``-m NAME``: the guest's runpy runs it as ``__main__``, as CPython's ``-m`` does."""
        runpy = self.import_module("runpy")
        self._start_program()
        runpy._run_module_as_main(name, True)

    def run_main_module_of(self, path: str) -> None:
        """``python DIR`` or ``python APP.pyz``: ``path`` is first on sys.path (the
        caller put it there), and its ``__main__`` module runs as ``__main__``, through
        the guest's runpy, which names ``path`` if it has none."""
        runpy = self.import_module("runpy")
        self._start_program()
        runpy._run_module_as_main("__main__", False)

    def _start_program(self):
        """The program is about to run: the watcher (-X trace's) watches it from here
        on, not start-up's code (unless it watches everything, from the start)."""
        watcher = self.watcher
        if watcher is not None and watcher.interpreter is None:
            watcher.install(self.interpreter)

    def interact(self, quiet: bool = False,
                 startup_file: str | None = None) -> tuple[int, bool]:
        """CPython's interactive prompt in ``__main__``: the banner (unless ``quiet``),
        the ``startup_file`` (PYTHONSTARTUP) run in ``__main__``, ``site``'s interactive
        hook, then statements until the input ends.  Returns the exit status and whether
        the last statement was interrupted (CPython then ends as if killed by SIGINT);
        SystemExit (``exit()``) propagates."""
        from pvm.world.interactive import Console     # the prompt's parser, when needed
        console = Console(self, self.main_module.__dict__)
        if not quiet:
            console.show_banner()
        if startup_file:
            console.run_startup_file(startup_file)
        console.run_interactive_hook()
        return console.interact(), console.interrupted

    # -- the end ------------------------------------------------------------------------------

    def freeze_start_up(self) -> None:
        """Freeze what start-up made (``gc.freeze()``), once ``site`` has run: the
        builtins, sys, importlib and the modules site imported, their code and decoded
        handlers, live to the end, and the host's collector then walks none of them
        again, neither in the program's collections nor in finalization's (some 15%
        of ``pvm -c pass``, docs/startup.md).  The guest sees CPython's collector all
        the same: its gc counts no freeze it did not make, and finds start-up's objects
        (``thaw_start_up``, pvm.world.guest_gc).

        ``__main__``, made empty before site ran, is made again after the freeze with
        the same entries (when nothing else holds it), so that the program's globals
        are not in a frozen namespace: finalization collects it as CPython's does.
        Nothing is frozen if the guest froze during start-up (a .pth file), or if
        something holds ``__main__``."""
        main_module = self.main_module
        # (Held by self.main_module, self.modules, the local name and the call's
        # argument; its namespace by the module and the argument.)
        if self.guest_froze or main_module is None \
                or host_sys.getrefcount(main_module) != 4 \
                or host_sys.getrefcount(_MODULE_NAMESPACE.__get__(main_module)) != 2:
            return
        gc.freeze()
        self.start_up_frozen = True
        # (After the freeze: the new module and its namespace are not frozen.)
        fresh = types.ModuleType("__main__")
        fresh.__dict__.update(_MODULE_NAMESPACE.__get__(main_module))
        fresh.__annotations__ = dict(main_module.__annotations__)
        self.main_module = self.modules["__main__"] = fresh

    def thaw_start_up(self) -> None:
        """Give start-up's objects back to the host's collector, once and for good:
        the guest's gc.get_objects() and gc.get_referrers() list them, as CPython's
        do (and later full collections walk them again)."""
        if self.start_up_frozen:
            gc.unfreeze()
            self.start_up_frozen = False

    def finalize(self) -> None:
        """What CPython's shutdown does for Python code, in its order: wait for the
        threads that are not daemons, run the atexit callbacks, empty sys.modules and
        collect the garbage, then clear the modules still alive, the latest imported
        first, so that objects they hold finalize (``__del__``) while the streams still
        work, in CPython's order.  Without it they would live on until the host ends,
        when printing may no longer work; a module that registered a callback with
        the host (random's at-fork reseeding) would keep them alive to the end.
        The caller holds no reference to a module's namespace."""
        self.main_module = None
        threading = self.modules.get("threading")
        if threading is not None:
            try:
                threading._shutdown()
            except BaseException as error:
                _print_ignored("Exception ignored on threading shutdown", error)
        atexit = self.modules.get("atexit")
        if atexit is not None:
            atexit._run_exitfuncs()
        # The host's handlers again, as CPython's finalization resets its own.
        self.signals.release()
        self.flush_streams()
        host_modules = {id(module) for module in host_sys.modules.values()}
        weak_modules = []
        for name, module in self.modules.items():
            # Module objects only, as CPython: sys.modules may hold anything (six's lazy
            # loaders), and reading another object's namespace may run guest code.
            if name not in ("sys", "builtins") and id(module) not in host_modules \
                    and issubclass(type(module), types.ModuleType):
                weak_modules.append(weakref.ref(module))
        self.modules.clear()
        self.interpreter.handled = None
        name = module = None      # the loop variables must not keep a module alive
        gc.collect()
        if self.start_up_frozen and _finalizers_left():
            # That collection walked only what was made since start-up.  The rest
            # holds nothing of the program's that would finalize: what is left frozen
            # is the garbage start-up's modules make once sys.modules is empty, which
            # only CPython's collection would free.  Else (an object of the
            # program's with a __del__ lives on, which frozen garbage may hold: a
            # class of the program's in typing's caches, its __main__ namespace
            # through the class's methods), the collection walks everything, as
            # CPython's does.
            self.thaw_start_up()
            gc.collect()
        for reference in reversed(weak_modules):
            module = reference()
            if module is not None:
                # The module's own namespace, not what its class says ``__dict__`` is.
                namespace = _MODULE_NAMESPACE.__get__(module)
                if type(namespace) is dict:
                    _clear_module_namespace(namespace)
                namespace = None

    def flush_streams(self) -> None:
        """Flush the guest's sys.stdout and sys.stderr, whatever they have become."""
        for stream in (self.sys.stdout, self.sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass


def _on_a_deep_host_stack(function, arguments, keywords):
    """``function(*arguments, **keywords)``, from a host frame that opens a big frame
    chunk (below), as the ``pvm`` command runs (pvm/__main__.py)."""
    return function(*arguments, **keywords)


# CPython 3.11 keeps frames in chunks of 16 KB and frees a chunk as soon as the frame
# that opened it returns; pvm's host stack is deep, and where a hot call is made at a
# chunk's end, each call pays an mmap and a munmap (a world run from a host program,
# benchmarks/worlds.py's hexiom: 547,000 pairs, 1.6x its time, moved by a few locals
# more or less in a joined run).  A first frame this big opens a 256 KB chunk (from a
# 16 KB one) and leaves some 100 KB of it above for the guest's run.
_on_a_deep_host_stack.__code__ = _on_a_deep_host_stack.__code__.replace(co_stacksize=17_000)
_NO_KEYWORDS = {}


class _GuestEntry:
    """``World._guest_entry``: a class, not a generator made a context manager, so that
    the world imports no contextlib (with collections and functools: some 3 ms of
    every start)."""

    __slots__ = ("world", "outermost", "files_before", "thread")

    def __init__(self, world):
        self.world = world
        # Outermost where this host thread runs no guest code of the world's already
        # (a host function the guest called may call the world again).  Not "the
        # interpreter has no running frame": the world's threads share it, and one that
        # ends after the run did puts back the frame it found when it started, which
        # the next run took for one of its own (and kept the stopped budget).
        self.thread = get_ident()
        depth = world.entries.get(self.thread, 0)
        self.outermost = depth == 0
        world.entries[self.thread] = depth + 1
        if self.outermost:
            # (Nothing of the guest's runs outside a run: a frame left by a thread is
            # none of the new run's callers.)
            world.interpreter.frame = None
            if world.limits is not None:
                world.limits.start()
            world.signals.handle_interrupts()

    def __enter__(self):
        if self.world.access.folders is not None:
            try:
                self.files_before = self.world.access.enter()
            except BaseException:
                self._leave()
                raise
        return self

    def _leave(self):
        entries = self.world.entries
        depth = entries.pop(self.thread) - 1
        if depth:
            entries[self.thread] = depth

    def __exit__(self, kind, error, traceback):
        self._leave()
        if self.world.access.folders is not None:
            self.world.access.leave(self.files_before)
        if self.outermost:
            if error is not None:
                error.__traceback__ = None
                self.world.interpreter.handled = None
                self.world.interpreter.handled_below.clear()
            self.world.signals.release()
            if self.world.limits is not None:
                self.world.limits.finish()
        return False


_MODULE_NAMESPACE = types.ModuleType.__dict__["__dict__"]

# compile()'s flag for a syntax tree (ast.PyCF_ONLY_AST, without importing ast), and the
# longest text whose code is kept between runs (longer text is seldom compiled twice).
_ONLY_AST = 0x400
_LONGEST_KEPT_TEXT = 100_000


_HEAP_TYPE = 1 << 9          # Py_TPFLAGS_HEAPTYPE: a class made by a class statement
_CLASS_MRO = type.__dict__["__mro__"].__get__
_CLASS_NAMESPACE = type.__dict__["__dict__"].__get__
_CLASS_FLAGS = type.__dict__["__flags__"].__get__


def _finalizers_left():
    """Whether an object the collector walks (frozen ones aside) is of a class with a
    ``__del__`` of Python code: the guest's classes, pvm's generators.  (Read past the
    classes' metaclasses: no guest code runs.)"""
    for kind in set(map(type, gc.get_objects())):
        if _CLASS_FLAGS(kind) & _HEAP_TYPE:
            for base in _CLASS_MRO(kind):
                if "__del__" in _CLASS_NAMESPACE(base):
                    return True
    return False


def _clear_module_namespace(namespace):
    """CPython's order: names with one leading underscore first, then the others;
    ``__builtins__`` stays, for the finalizers that still run."""
    for names in ([name for name in namespace if name.startswith("_")
                   and not name.startswith("__")],
                  [name for name in namespace if name != "__builtins__"]):
        for name in names:
            namespace[name] = None


def _refuse_null_bytes(source, path):
    """CPython's error for a program (a file, or stdin) with a null byte, from 3.11.4
    on (gh-96670): its reader stops at the line that holds it, which the error shows
    up to the null byte (compile() has its own message for text or bytes).  3.11.0 to 3.11.3 read
    past it, each line cut short at its first null byte, which pvm does not copy."""
    null = "\0" if isinstance(source, str) else b"\0"
    position = source.find(null)
    if position < 0 or host_sys.version_info < (3, 11, 4):
        return
    newline = "\n" if isinstance(source, str) else b"\n"
    line_start = source.rfind(newline, 0, position) + 1
    text = source[line_start:position]
    if not isinstance(text, str):
        text = text.decode("utf-8", "replace")
    line = source.count(newline, 0, position) + 1
    raise SyntaxError("source code cannot contain null bytes", (path, line, 0, text, line, 0))


def _print_ignored(message, error):
    print(message + ":", file=host_sys.stderr)
    print_exception(error)
