"""Where pvm's start-up time goes, module by module, beside ``python3 -X importtime``.

    python3 scripts/startup_profile.py [--modules] [-S] [--top N] [--cold] [--repeat N]
                                       [--quick] [--no-count] [--cache DIR]

Profiles ``python3 -m pvm -c pass`` (``--modules``: the program of benchmarks/startup.py,
which imports 40 standard-library modules) in a child process that runs pvm with
some of its functions wrapped (WRAPPED below), and prints:

- CPU time of whole processes (user + system, from ``wait4``; the least of --repeat
  runs, interleaved) of ``python3 -c PROGRAM`` and ``python3 -m pvm -c PROGRAM``, and the
  instrumented child's own ``time.process_time()`` at the end of its run;
- the child's phases: python3's own start-up, importing pvm's host modules, the guest's
  builtins and sys, importlib's bootstrap (``importer.install()``), ``site``, the
  program, pvm's finalization, the host's own teardown;
- totals by category: load (get the cached code of a module: ``get_code``, including
  the unmarshal and the building of Code objects), decode (code objects into handlers,
  fusion included), run-body (module and class bodies and what they call, exclusive of
  nested imports), compile, gc (the host's collector, wherever it interrupts), other
  (importlib's finding and locking at tier 0, host module copies, set-up);
- per guest module, as ``-X importtime`` prints them (self and cumulative, in
  microseconds), the same split of its self time, beside CPython's self and
  cumulative for the module of the same name from ``python3 -X importtime``: a tree,
  or with ``--top N`` the N largest by self time;
- what pvm imports on the host for itself (``python3 -X importtime -m pvm``, less what
  ``python3`` imports anyway);
- from a second child that counts every handler call (fusion off, so that one call is
  one instruction): code objects loaded, decoded and run, instructions decoded and
  executed, per module and per opcode; and, fusion on, the loop turns.

Times inside the child are CPU-time intervals (CLOCK), charged to whichever
wrapped function is innermost (exclusive times); the machine is shared and noisy, so
each side runs --repeat times and the least is kept (for the tables: the child run
with the least CPU time).  The cache is warm by default: pvm's cache files go under
``.pycache-prefix/`` of the repository (``-X pycache_prefix``, as
scripts/run_programs.py), written by a first run that is not measured.  ``--cold``
gives every run an empty temporary cache folder, for pvm and python3 alike.
"""

# The instrumented child measures from its first line.  Only os, sys and time (which
# python3's own start-up has loaded) are imported at module level, so that the time the
# child takes to import pvm's host modules is not made smaller by modules the parent
# needs: the parent imports argparse, subprocess and the rest in its own functions.
import os
import sys
import time

_CHILD_START_CPU = time.process_time()

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# -- what the instrumentation wraps ----------------------------------------------------
#
# Every function of pvm the child wraps, in one place: name -> (module, attribute in it,
# its parameters as pvm defines them).  All are looked up, and their parameters compared,
# before anything runs; if pvm moves or changes one, the child stops with a message that
# names it here, rather than failing deep inside a run or measuring the wrong thing.
WRAPPED = {
    # run(options) as pvm.__main__ calls it: everything after the command line is read.
    "run": ("pvm.__main__", "run", ("options",)),
    # Making the guest world; its builtins and sys (by the names World.__init__ calls
    # them by, in the module of World).
    "world": ("pvm.world.world", "World.__init__", None),
    "make_builtins": ("pvm.world.world", "make_builtins", ("world",)),
    "make_sys": ("pvm.world.world", "make_sys", None),
    # importlib's bootstrap on the guest, and its two modules.
    "install": ("pvm.world.importer", "ImportSystem.install", ("self",)),
    "run_bootstrap_module": ("pvm.world.importer", "ImportSystem.run_bootstrap_module",
                             ("self", "short_name", "module_name", "filename")),
    # Loading a module's code: SourceLoader.get_code (made by make_get_code), pvm's
    # own load_or_compile for the bootstrap modules, and the unmarshal + Code objects.
    "make_get_code": ("pvm.world.importer", "ImportSystem.make_get_code",
                      ("self", "external")),
    "load_or_compile": ("pvm.cache", "load_or_compile", None),
    "code_from_payload": ("pvm.cache", "code_from_payload", ("payload", "filename")),
    # Decoding a code object into handlers, and the fusion pass decode calls (by the
    # name it calls it by, in the module of decode).
    "decode": ("pvm.engine.interpreter", "Interpreter.decode", ("self", "code")),
    "fuse": ("pvm.engine.decode", "fuse", ("code", "pairs", "handlers", "bounds", "placed")),
    # Running code: module bodies (and exec/eval), class bodies; compiling.
    "run_code": ("pvm.engine.interpreter", "Interpreter.run_code",
                 ("self", "code", "globals_", "locals_")),
    "run_class_body": ("pvm.engine.interpreter", "Interpreter.run_class_body",
                       ("self", "function", "namespace")),
    "compile": ("pvm.world.world", "World.compile", None),
    "finalize": ("pvm.world.world", "World.finalize", ("self",)),
}
# And one guest function, replaced in the guest's importlib once install() has run it:
# _frozen_importlib._find_and_load(name, import_), where every import of a module not
# yet loaded goes (as CPython's -X importtime times it), whoever asks for it.
GUEST_FIND_AND_LOAD = "_find_and_load"
# The attribute of ImportSystem that holds it for pvm's __import__.
IMPORT_SYSTEM_FIND_AND_LOAD = "find_and_load"

# The categories a moment of the child's time is charged to.
LOAD, UNMARSHAL, DECODE, FUSE, RUN, CLASS_BODY, COMPILE, WORLD, GC, OTHER, PROFILER = (
    "load", "unmarshal", "decode", "fuse", "run", "class body", "compile", "world",
    "gc", "other", "profiler")
CATEGORIES = (LOAD, UNMARSHAL, DECODE, FUSE, RUN, CLASS_BODY, COMPILE, WORLD, GC, OTHER,
              PROFILER)

# The child's clock: CPU time, not wall time, so that a shared machine taking the processor
# away does not show up as pvm's time.  A read costs about 0.7 us (a system call, where
# perf_counter's is 0.06 us); a start-up makes a few thousand, a percent of its time.
CLOCK = time.process_time

# Kinds of nodes of the child's tree: a phase of start-up, or a module imported.
PHASE, MODULE = "phase", "module"
PROGRAM = "(the program)"     # the name of the program's node ends so


class InstrumentationError(Exception):
    """A function named in WRAPPED is not where the table says, or takes other parameters."""


def resolve(name):
    """(owner, attribute name, function) for WRAPPED[name], checked."""
    module_name, path, parameters = WRAPPED[name]
    where = "%s.%s" % (module_name, path)
    try:
        __import__(module_name)
    except ImportError as error:
        raise InstrumentationError("cannot import %s (for %s): %s" % (module_name, where, error))
    owner = sys.modules[module_name]
    *owner_path, attribute = path.split(".")
    for part in owner_path:
        owner = getattr(owner, part, None)
        if owner is None:
            raise InstrumentationError("%s has no %s (for %s)" % (module_name, part, where))
    function = owner.__dict__.get(attribute) if isinstance(owner, type) \
        else getattr(owner, attribute, None)
    code = getattr(function, "__code__", None)
    if code is None:
        raise InstrumentationError("%s is gone or not a Python function" % where)
    if parameters is not None:
        found = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
        if found[:len(parameters)] != parameters:
            raise InstrumentationError("%s takes (%s); the script expects (%s)"
                                       % (where, ", ".join(found), ", ".join(parameters)))
    return owner, attribute, function


def resolve_all():
    """Every WRAPPED entry resolved, or SystemExit with all that failed."""
    resolved, problems = {}, []
    for name in WRAPPED:
        try:
            resolved[name] = resolve(name)
        except InstrumentationError as error:
            problems.append(str(error))
    if problems:
        raise SystemExit("startup_profile: pvm has changed under the instrumentation:\n  "
                         + "\n  ".join(problems)
                         + "\nUpdate WRAPPED at the top of scripts/startup_profile.py.")
    return resolved


# -- the child: exclusive times per node and category ------------------------------------

class Node:
    """A phase of start-up or one module's import, with its exclusive time per category."""

    __slots__ = ("name", "kind", "parent", "children", "times", "note")

    def __init__(self, name, kind, parent):
        self.name = name
        self.kind = kind
        self.parent = parent
        self.children = []
        self.times = dict.fromkeys(CATEGORIES, 0.0)
        self.note = ""
        if parent is not None:
            parent.children.append(self)


class Ledger:
    """Charges every moment to the innermost wrapped call running: a call entering charges
    the time since the last change to what was running, and is charged from then until
    it returns (or a call inside it enters)."""

    def __init__(self, root):
        self.stack = [(root, OTHER)]
        self.mark = CLOCK()

    def enter(self, node, category):
        now = CLOCK()
        top_node, top_category = self.stack[-1]
        top_node.times[top_category] += now - self.mark
        self.mark = now
        self.stack.append((node or top_node, category))

    def leave(self):
        now = CLOCK()
        node, category = self.stack.pop()
        node.times[category] += now - self.mark
        self.mark = now

    @property
    def node(self):
        return self.stack[-1][0]


def _charged(ledger, category, function):
    """``function``, its time charged to ``category`` of the running node."""
    def charged(*arguments, **keywords):
        ledger.enter(None, category)
        try:
            return function(*arguments, **keywords)
        finally:
            ledger.leave()
    return charged


def _in_node(ledger, node, category, function):
    """``function``, its time charged to ``category`` of ``node`` (made by ``node()`` on
    each call when it is callable)."""
    def in_node(*arguments, **keywords):
        ledger.enter(node() if callable(node) else node, category)
        try:
            return function(*arguments, **keywords)
        finally:
            ledger.leave()
    return in_node


class Statistics:
    """What the child counts besides time."""

    def __init__(self):
        self.loaded = {}           # filename -> [code objects, instructions]
        self.module_of_file = {}   # filename -> module name, as imported
        self.decoded = {}          # filename -> [code objects, instructions, seconds]
        self.decoded_by_kind = {}  # kind of code -> [code objects, instructions, seconds]
        self.compiled = []         # (filename, seconds) of each compile
        self.counters = []         # counting runs: (code, opcodes, hits) per decoded code
        self.class_body_codes = set()


def code_kind(code):
    if code.co_name == "<module>":
        return "module body"
    if not code.co_flags & 0x3:     # neither CO_OPTIMIZED nor CO_NEWLOCALS
        return "class body"
    return "function"


def _nested_codes(code):
    stack = [code]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(constant for constant in current.co_consts
                     if type(constant) is type(code))


def instrument(resolved, ledger, root, statistics, count):
    """Wrap the functions of ``resolved``; ``count``: None, "fused" or "unfused" (wrap
    every handler to count its calls; unfused: fusion off, one call per instruction)."""
    def replace(name, wrapper):
        owner, attribute, function = resolved[name]
        for copied in ("__name__", "__qualname__", "__module__", "__doc__"):
            try:
                setattr(wrapper, copied, getattr(function, copied))
            except (AttributeError, TypeError):
                pass
        setattr(owner, attribute, wrapper)

    def original(name):
        return resolved[name][2]

    phases = {}

    def phase(name):
        node = phases.get(name)
        if node is None:
            node = phases[name] = Node(name, PHASE, ledger.node)
        return node

    run_node = Node("pvm.__main__.run", PHASE, root)
    replace("run", _in_node(ledger, run_node, OTHER, original("run")))
    replace("world", _in_node(ledger, lambda: phase("world set-up"), OTHER,
                              original("world")))
    world = Node("world: builtins, sys", PHASE, None)

    def in_world(function):
        def made(*arguments, **keywords):
            if world.parent is None:
                world.parent = ledger.node
                world.parent.children.append(world)
            ledger.enter(world, WORLD)
            try:
                return function(*arguments, **keywords)
            finally:
                ledger.leave()
        return made
    replace("make_builtins", in_world(original("make_builtins")))
    replace("make_sys", in_world(original("make_sys")))

    modules_of_interpreter = []

    def install(system):
        ledger.enter(phase("importlib bootstrap (importer.install)"), OTHER)
        try:
            original("install")(system)
        finally:
            ledger.leave()
        hook_find_and_load(system)
    replace("install", install)

    def run_bootstrap_module(system, short_name, module_name, filename):
        ledger.enter(Node(module_name, MODULE, ledger.node), OTHER)
        try:
            return original("run_bootstrap_module")(system, short_name, module_name, filename)
        finally:
            ledger.leave()
    replace("run_bootstrap_module", run_bootstrap_module)

    def hook_find_and_load(system):
        bootstrap = system.bootstrap
        namespace = getattr(bootstrap, "__dict__", {})
        guest_function = namespace.get(GUEST_FIND_AND_LOAD)
        if guest_function is None or getattr(system, IMPORT_SYSTEM_FIND_AND_LOAD,
                                             None) is not guest_function:
            raise InstrumentationError(
                "after ImportSystem.install, the guest's _frozen_importlib.%s and "
                "ImportSystem.%s are not one function (GUEST_FIND_AND_LOAD in "
                "scripts/startup_profile.py)" % (GUEST_FIND_AND_LOAD,
                                                 IMPORT_SYSTEM_FIND_AND_LOAD))
        modules = system.modules
        modules_of_interpreter.append(modules)

        def find_and_load(name, import_):
            module = modules.get(name)
            if module is not None and not getattr(getattr(module, "__spec__", None),
                                                  "_initializing", False):
                return guest_function(name, import_)
            node = Node(name, MODULE, ledger.node)
            ledger.enter(node, OTHER)
            try:
                return guest_function(name, import_)
            except ImportError:
                node.note = "(not found)" if name not in modules else "(failed)"
                raise
            finally:
                ledger.leave()
        find_and_load.__name__ = find_and_load.__qualname__ = GUEST_FIND_AND_LOAD
        find_and_load.__module__ = "_frozen_importlib"
        namespace[GUEST_FIND_AND_LOAD] = find_and_load
        setattr(system, IMPORT_SYSTEM_FIND_AND_LOAD, find_and_load)

    def make_get_code(system, external):
        get_code = original("make_get_code")(system, external)

        def timed_get_code(loader, fullname):
            ledger.enter(None, LOAD)
            try:
                code = get_code(loader, fullname)
            finally:
                ledger.leave()
            statistics.module_of_file.setdefault(code.co_filename, fullname)
            return code
        timed_get_code.__qualname__ = get_code.__qualname__
        timed_get_code.__module__ = get_code.__module__
        return timed_get_code
    replace("make_get_code", make_get_code)
    replace("load_or_compile", _charged(ledger, LOAD, original("load_or_compile")))

    def code_from_payload(payload, filename=None):
        ledger.enter(None, UNMARSHAL)
        try:
            code = original("code_from_payload")(payload, filename)
        finally:
            ledger.leave()
        if code is not None:
            ledger.enter(None, PROFILER)
            codes = list(_nested_codes(code))
            entry = statistics.loaded.setdefault(code.co_filename, [0, 0])
            entry[0] += len(codes)
            entry[1] += sum(len(item.co_code) for item in codes) // 4
            node = ledger.node
            if node.kind == MODULE:
                statistics.module_of_file.setdefault(code.co_filename, node.name)
            ledger.leave()
        return code
    replace("code_from_payload", code_from_payload)

    decode = original("decode")
    decoded, by_kind = statistics.decoded, statistics.decoded_by_kind

    def timed_decode(interpreter, code):
        ledger.enter(None, DECODE)
        start = ledger.mark
        try:
            executable = decode(interpreter, code)
        finally:
            ledger.leave()
        seconds = ledger.mark - start
        ledger.enter(None, PROFILER)
        size = len(code.co_code) // 4
        for table, key in ((decoded, code.co_filename), (by_kind, code_kind(code))):
            entry = table.get(key)
            if entry is None:
                entry = table[key] = [0, 0, 0.0]
            entry[0] += 1
            entry[1] += size
            entry[2] += seconds
        if count is not None:
            handlers = executable.handlers
            hits = [0] * len(handlers)
            for index, handler in enumerate(handlers):
                handlers[index] = _counted(handler, hits, index)
            statistics.counters.append((code, hits))
        ledger.leave()
        return executable
    replace("decode", timed_decode)
    if count == "unfused":
        replace("fuse", lambda code, pairs, handlers, bounds=(), placed=None: 0)
    else:
        replace("fuse", _charged(ledger, FUSE, original("fuse")))

    run_code = original("run_code")

    def timed_run_code(interpreter, code, globals_, locals_=None):
        node = None
        if ledger.node is run_node:
            # The program itself (-c, a script): a node of its own, beside site.
            node = Node("%s %s" % (globals_.get("__name__"), PROGRAM), MODULE, run_node)
        ledger.enter(node, RUN)
        try:
            return run_code(interpreter, code, globals_, locals_)
        finally:
            ledger.leave()
    replace("run_code", timed_run_code)
    run_class_body = original("run_class_body")

    def timed_run_class_body(interpreter, function, namespace):
        if count is not None:
            statistics.class_body_codes.add(id(function.__code__))
        ledger.enter(None, CLASS_BODY)
        try:
            return run_class_body(interpreter, function, namespace)
        finally:
            ledger.leave()
    replace("run_class_body", timed_run_class_body)
    compile_function = original("compile")

    def timed_compile(interpreter, source, filename, *arguments, **keywords):
        ledger.enter(None, COMPILE)
        start = ledger.mark
        try:
            return compile_function(interpreter, source, filename, *arguments, **keywords)
        finally:
            ledger.leave()
            statistics.compiled.append((str(filename), ledger.mark - start))
    replace("compile", timed_compile)
    replace("finalize", _in_node(ledger, lambda: Node("finalize", PHASE, ledger.node), OTHER,
                                 original("finalize")))


def _counted(handler, hits, index):
    def counted(frame, stack, fast):
        hits[index] += 1
        return handler(frame, stack, fast)
    return counted


def child_main(arguments):
    """OUTPUT COUNT PREIMPORTS -- PVM-ARGUMENTS: run pvm instrumented (COUNT: - or a
    counting mode; PREIMPORTS: pvm's host modules, comma-separated), write what was
    measured to OUTPUT (a Python literal)."""
    output, count, preimports = arguments[:3]
    pvm_arguments = arguments[4:]
    count = None if count == "-" else count
    # The host's path as `python3 -m pvm` has it (pvm makes the guest's from it): the
    # current folder first, not the starter's "" and scripts/ folder.
    sys.path[:] = [os.getcwd()] + [entry for entry in sys.path[1:]
                                   if entry != os.path.dirname(os.path.abspath(__file__))]
    root = Node("(process)", PHASE, None)
    host = Node("pvm's host modules (import)", PHASE, root)
    start = CLOCK()
    for name in filter(None, preimports.split(",")):
        __import__(name)
    host_end = CLOCK()
    host.times[OTHER] = host_end - start
    try:
        resolved = resolve_all()
    except InstrumentationError as error:
        raise SystemExit("startup_profile: %s" % error)
    statistics = Statistics()
    ledger = Ledger(root)
    instrument(resolved, ledger, root, statistics, count)
    collections = [0, 0, 0]

    def on_collection(phase, info):
        # The host's collector runs wherever an allocation crosses its threshold: its
        # time is its own category, in whichever node it interrupts.
        if phase == "start":
            ledger.enter(None, GC)
        else:
            ledger.leave()
            collections[info["generation"]] += 1
    import gc
    gc.callbacks.append(on_collection)
    import pvm.__main__
    ledger.mark = CLOCK()
    root.times[PROFILER] += ledger.mark - host_end     # wrapping pvm's functions
    try:
        status = pvm.__main__.main_on_a_deep_host_stack(pvm_arguments)
    except InstrumentationError as error:
        raise SystemExit("startup_profile: %s" % error)
    end = CLOCK()
    gc.callbacks.remove(on_collection)
    root.times[OTHER] += end - ledger.mark
    if status:
        raise SystemExit("startup_profile: pvm exited with status %r" % status)
    report = {
        "python3_start_cpu": _CHILD_START_CPU,
        "process_cpu": end,
        "nodes": _flatten(root),
        "loaded": statistics.loaded,
        "module_of_file": statistics.module_of_file,
        "decoded": statistics.decoded,
        "decoded_by_kind": statistics.decoded_by_kind,
        "compiled": statistics.compiled,
        "collections": collections,
    }
    if count is not None:
        report["counts"] = _summarize_counts(statistics)
    with open(output, "w") as file:
        file.write(repr(report))
    # The process ends as the pvm command's does.
    pvm.__main__.end_process(status)
    sys.stdout.flush()
    return 0


def _flatten(root):
    """The tree as a list in pre-order: (depth, name, kind, note, times)."""
    result = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        result.append((depth, node.name, node.kind, node.note,
                       {key: value for key, value in node.times.items() if value}))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return result


def _summarize_counts(statistics):
    from pvm import opcodes
    by_opcode = {}
    by_file = {}
    by_kind = {}
    by_code = []
    for code, hits in statistics.counters:
        pairs = code.instructions()
        kind = "class body" if id(code) in statistics.class_body_codes else code_kind(code)
        executed = sum(hits)
        distinct = sum(1 for value in hits if value)
        once = all(value <= 1 for value in hits)
        for table, key in ((by_file, code.co_filename), (by_kind, kind)):
            entry = table.setdefault(key, [0, 0, 0, 0, 0, 0])
            entry[0] += 1                      # code objects decoded
            entry[1] += len(hits)              # instructions decoded
            entry[2] += distinct               # instructions executed at least once
            entry[3] += executed               # handler calls
            entry[4] += once                   # code objects no instruction of which ran twice
            entry[5] += len(hits) if once else 0
        by_code.append((executed, hits[0] if hits else 0, len(hits), code.co_qualname,
                        code.co_filename, code.co_firstlineno))
        for (opcode, _), value in zip(pairs, hits):
            if value:
                name = opcodes.OPCODES[opcode].name
                by_opcode[name] = by_opcode.get(name, 0) + value
    by_code.sort(reverse=True)
    return {"by_opcode": by_opcode, "by_file": by_file, "by_kind": by_kind,
            "by_code": by_code[:40]}


# -- the parent ------------------------------------------------------------------------------

def load_benchmark_program():
    """(modules, program) of benchmarks/startup.py: the one place that names them."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "startup_benchmark", os.path.join(REPOSITORY, "benchmarks", "startup.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MODULES, module.PROGRAM


def environment():
    """The children's: this checkout's pvm, and cache files written (a warm cache needs
    them, and so do the host's own for pvm's modules)."""
    variables = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "PYTHONPROFILEIMPORTTIME"):
        variables.pop(name, None)
    variables["PYTHONPATH"] = REPOSITORY
    return variables


class Commands:
    """The command lines of one measurement: python3's and pvm's, with their cache."""

    def __init__(self, program, no_site, cold, cache):
        import tempfile
        self.program = program
        self.no_site = no_site
        self.cold = cold
        self.cache = cache
        self.scratch = tempfile.mkdtemp(prefix="startup-profile-")
        self.serial = 0

    def prefix(self, label):
        """The pycache prefix of one run: the shared warm one, or a new empty folder."""
        if not self.cold:
            return self.cache
        self.serial += 1
        return os.path.join(self.scratch, "%s-%d" % (label, self.serial))

    def options(self):
        return ["-S"] * self.no_site + ["-c", self.program]

    def python3(self, *extra):
        cold = ["-X", "pycache_prefix=" + self.prefix("python3")] if self.cold else []
        return [sys.executable, *extra, *cold, *self.options()]

    def pvm_arguments(self):
        return ["-X", "pycache_prefix=" + self.prefix("pvm"), *self.options()]

    def pvm(self, *extra):
        return [sys.executable, *extra, "-m", "pvm", *self.pvm_arguments()]

    def child(self, output, count, preimports):
        # Imported, not run as a script: python3 compiles a script's source on every run,
        # which would count as python3's own start-up; a module comes from its cache.
        starter = ("import sys; sys.path.insert(0, %r); import startup_profile; "
                   "sys.exit(startup_profile.child_main(sys.argv[1:]))"
                   % os.path.dirname(os.path.abspath(__file__)))
        return [sys.executable, "-c", starter, output, count or "-", ",".join(preimports), "--",
                *self.pvm_arguments()]

    def cleanup(self):
        import shutil
        shutil.rmtree(self.scratch, ignore_errors=True)


class Usage:
    """What wait4 says of a finished child: CPU seconds, user and system apart, page
    faults and the largest resident size."""

    def __init__(self, usage):
        self.user = usage.ru_utime
        self.system = usage.ru_stime
        self.cpu = self.user + self.system
        self.faults = usage.ru_minflt + usage.ru_majflt
        self.resident_mb = usage.ru_maxrss / 1024

    def __str__(self):
        return "user %.3f + system %.3f; %d page faults, %.0f MB" % (
            self.user, self.system, self.faults, self.resident_mb)


def run_checked(command):
    """(Usage of the child, its stderr) for ``command``, which must succeed."""
    import subprocess
    import tempfile
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=errors,
                                   env=environment(), cwd=REPOSITORY)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit("startup_profile: %s failed (status %d):\n%s"
                         % (_shown(command), process.returncode, text[-3000:]))
    return Usage(usage), text


def _shown(command):
    import shlex
    shown = [os.path.basename(command[0]) if command[0] == sys.executable else command[0]]
    shown.extend(argument if len(argument) < 60 else argument[:57] + "..."
                 for argument in command[1:])
    return " ".join(shlex.quote(argument) for argument in shown)


def parse_importtime(text):
    """[(name, self us, cumulative us, depth)] of ``-X importtime`` output, in its order."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_part, cumulative_part, name_part = line[len("import time:"):].split("|", 2)
        # One blank after the bar, then two per level of nesting.
        depth = (len(name_part) - len(name_part.lstrip()) - 1) // 2
        rows.append((name_part.strip(), int(self_part), int(cumulative_part), depth))
    return rows


def measure(commands, repeat, count):
    """Everything the report prints, measured."""
    import ast
    import tempfile
    results = {}
    # Not measured: writes the warm cache (pvm's and the host's own for pvm's modules),
    # and says which host modules pvm imports for itself.
    _, host_text = run_checked(commands.pvm("-X", "importtime"))
    # The host runs its site whatever pvm is asked (-S is pvm's option here).
    _, baseline_text = run_checked([sys.executable, "-X", "importtime", "-c", "pass"])
    python3_own = {row[0] for row in parse_importtime(baseline_text)}
    preimports = [row[0] for row in parse_importtime(host_text)
                  if row[0] == "pvm" or row[0].startswith("pvm.")]
    python3_usage, pvm_usage, python3_importtime, host_imports, children = [], [], [], [], []
    for _ in range(repeat):
        python3_usage.append(run_checked(commands.python3())[0])
        pvm_usage.append(run_checked(commands.pvm())[0])
        _, text = run_checked(commands.python3("-X", "importtime"))
        python3_importtime.append(parse_importtime(text))
        _, text = run_checked(commands.pvm("-X", "importtime"))
        # runpy and what python3's start-up loads come with `python3 -m` itself.
        host_imports.append([row for row in parse_importtime(text) if row[0] not in python3_own
                             and row[0] not in ("runpy", "pkgutil")])
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as output:
            usage, _ = run_checked(commands.child(output.name, None, preimports))
            report = ast.literal_eval(output.read())
        report["child_cpu"] = usage.cpu
        children.append(report)
    results["python3_usage"] = min(python3_usage, key=lambda usage: usage.cpu)
    results["pvm_usage"] = min(pvm_usage, key=lambda usage: usage.cpu)

    def total_self(rows):
        return sum(row[1] for row in rows)
    results["python3_importtime"] = min(python3_importtime, key=total_self)
    results["host_imports"] = min(host_imports, key=total_self)
    results["child"] = min(children, key=lambda report: report["process_cpu"])
    results["counts"] = {}
    for mode in count:
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as output:
            run_checked(commands.child(output.name, mode, preimports))
            results["counts"][mode] = ast.literal_eval(output.read())["counts"]
    return results


# -- printing ---------------------------------------------------------------------------

def tree(nodes):
    """For the pre-order list of nodes: each one's parent index (None for the root), its
    own time and its cumulative time (seconds; the profiler's bookkeeping left out)."""
    parents = [None] * len(nodes)
    open_nodes = []
    for index, node in enumerate(nodes):
        while open_nodes and nodes[open_nodes[-1]][0] >= node[0]:
            open_nodes.pop()
        if open_nodes:
            parents[index] = open_nodes[-1]
        open_nodes.append(index)
    own = [sum(value for key, value in node[4].items() if key != PROFILER) for node in nodes]
    cumulative = list(own)
    # Children come after their parent in pre-order: add each to its parent, last first.
    for index in range(len(nodes) - 1, 0, -1):
        cumulative[parents[index]] += cumulative[index]
    return parents, own, cumulative


def category_totals(nodes):
    totals = dict.fromkeys(CATEGORIES, 0.0)
    for node in nodes:
        for key, value in node[4].items():
            totals[key] += value
    return totals


def _columns(times):
    """load, decode, run, compile, gc, other of one node's own times, in seconds."""
    return (times.get(LOAD, 0) + times.get(UNMARSHAL, 0),
            times.get(DECODE, 0) + times.get(FUSE, 0),
            times.get(RUN, 0) + times.get(CLASS_BODY, 0),
            times.get(COMPILE, 0),
            times.get(GC, 0),
            times.get(OTHER, 0) + times.get(WORLD, 0))


def print_report(results, commands, label, top, repeat):
    child = results["child"]
    nodes = child["nodes"]
    python3_label = "python3 %s" % label
    print("pvm start-up profile: %s, %s cache, least of %d run%s"
          % (label, "cold (empty)" if commands.cold else "warm", repeat, "s" * (repeat > 1)))
    print()
    print("CPU seconds of whole processes (user + system, wait4):")
    python3_usage, pvm_usage = results["python3_usage"], results["pvm_usage"]
    print("  %-44s %8.3f" % (python3_label, python3_usage.cpu))
    print("  %-44s %8.3f   %.1fx python3" % ("python3 -m pvm " + label, pvm_usage.cpu,
                                             pvm_usage.cpu / python3_usage.cpu))
    print("  %-44s %8.3f   time.process_time() at the end of its run"
          % ("pvm instrumented (the tables below)", child["process_cpu"]))
    print("  python3: %s" % python3_usage)
    print("  pvm:     %s" % pvm_usage)
    print()

    parents, own, cumulative = tree(nodes)
    teardown = max(child["child_cpu"] - child["process_cpu"], 0.0)
    print("Phases of the instrumented run (ms; cumulative, and own: not in the rows under it)")
    print("  %-48s %8.1f   CPU before the script's first line" % (
        "python3's own start-up", child["python3_start_cpu"] * 1e3))
    for index, (depth, name, kind, note, _) in enumerate(nodes):
        parent = parents[index]
        if parent is None or (kind == MODULE and nodes[parent][2] != PHASE):
            continue
        shown = "  " * (depth - 1) + (name if kind == PHASE or name.endswith(PROGRAM)
                                      else "import " + name)
        print("  %-48s %8.1f  (own %.1f)" % (shown, cumulative[index] * 1e3, own[index] * 1e3))
    print("  %-48s %8.1f   time.process_time() at the end: %.1f" % (
        "sum", (cumulative[0] + child["python3_start_cpu"]) * 1e3, child["process_cpu"] * 1e3))
    print("  %-48s %8.1f   CPU: the child's (wait4) less process_time() at the end" % (
        "then the host's own teardown", teardown * 1e3))
    print()

    totals = category_totals(nodes)
    host = nodes[1][4].get(OTHER, 0)
    rows = [
        ("python3's own start-up (CPU)", child["python3_start_cpu"], ""),
        ("pvm's host modules (import)", host, ""),
        ("load (get_code, load_or_compile)", totals[LOAD] + totals[UNMARSHAL],
         "unmarshal + Code objects %.1f" % (totals[UNMARSHAL] * 1e3)),
        ("decode (Interpreter.decode)", totals[DECODE] + totals[FUSE],
         "fusion %.1f" % (totals[FUSE] * 1e3)),
        ("run-body (module, class bodies)", totals[RUN] + totals[CLASS_BODY],
         "class bodies %.1f" % (totals[CLASS_BODY] * 1e3)),
        ("compile", totals[COMPILE], ""),
        ("gc (the host's collector)", totals[GC], "collections of generation 0, 1, 2: %s"
         % ", ".join(map(str, child["collections"]))),
        ("other", totals[OTHER] - host + totals[WORLD],
         "builtins + sys %.1f; the rest is importlib at tier 0, set-up, finalize"
         % (totals[WORLD] * 1e3)),
        ("profiler's own bookkeeping", totals[PROFILER], ""),
        ("host teardown (CPU, after main)", teardown, ""),
    ]
    whole = sum(row[1] for row in rows)
    print("Totals by category (ms)")
    for name, seconds, detail in rows:
        print("  %-34s %8.1f %5.1f%%   %s" % (name, seconds * 1e3, 100 * seconds / whole, detail))
    print("  %-34s %8.1f          the child's CPU (wait4): %.1f"
          % ("sum", whole * 1e3, child["child_cpu"] * 1e3))
    print()

    print_modules(results, nodes, own, cumulative, top)
    print_host_imports(results["host_imports"], top)
    print_decoding(child)
    if results["counts"]:
        print_counts(results["counts"], child, top)


def print_modules(results, nodes, own_times, cumulative, top):
    cpython = {row[0]: row for row in results["python3_importtime"]}
    print("Guest imports (us): pvm's self time split into load, decode, run-body, compile, "
          "gc, other; CPython's from python3 -X importtime")
    header = "%9s %10s %7s %7s %7s %7s %7s %7s | %8s %10s | %s" % (
        "self", "cumulative", "load", "decode", "run", "compile", "gc", "other", "py3 self",
        "py3 cumul", "module")
    print(header)
    rows = [index for index, node in enumerate(nodes) if node[2] == MODULE]
    if top:
        rows = sorted(rows, key=lambda index: -own_times[index])[:top]
    for index in rows:
        depth, name, kind, note, own = nodes[index]
        load, decode, run, compile_time, collector, other = _columns(own)
        host_row = cpython.get(name)
        shown = name if top else "  " * max(depth - 2, 0) + name
        print("%9d %10d %7d %7d %7d %7d %7d %7d | %8s %10s | %s %s" % (
            own_times[index] * 1e6, cumulative[index] * 1e6, load * 1e6, decode * 1e6,
            run * 1e6, compile_time * 1e6, collector * 1e6, other * 1e6,
            host_row[1] if host_row else "-", host_row[2] if host_row else "-", shown,
            note))
    modules = [index for index, node in enumerate(nodes) if node[2] == MODULE]
    pvm_self = sum(own_times[index] for index in modules)
    print("%d guest modules, self times %.1f ms; python3 -X importtime: %d modules, "
          "self times %.1f ms" % (len(modules), pvm_self * 1e3, len(cpython),
                                   sum(row[1] for row in cpython.values()) / 1e3))
    print()


def print_host_imports(rows, top):
    total = sum(row[1] for row in rows)
    ours = sum(row[1] for row in rows if row[0] == "pvm" or row[0].startswith("pvm."))
    print("Host modules pvm imports for itself (python3 -X importtime -m pvm, less what python3 "
          "imports anyway): %d modules, %.1f ms (pvm's own %.1f ms)"
          % (len(rows), total / 1e3, ours / 1e3))
    for name, self_time, _, _ in sorted(rows, key=lambda row: -row[1])[:top or 8]:
        print("  %8d us  %s" % (self_time, name))
    print()


def print_decoding(child):
    print("Decoding by kind of code (one decode per code object, on its first run)")
    print("  %-12s %8s %12s %10s %12s" % ("kind", "codes", "instructions", "ms",
                                          "us/instr."))
    for kind, (codes, instructions, seconds) in sorted(child["decoded_by_kind"].items()):
        print("  %-12s %8d %12d %10.1f %12.2f" % (kind, codes, instructions, seconds * 1e3,
                                                  seconds * 1e6 / max(instructions, 1)))
    loaded_codes = sum(entry[0] for entry in child["loaded"].values())
    loaded_instructions = sum(entry[1] for entry in child["loaded"].values())
    decoded_codes = sum(entry[0] for entry in child["decoded"].values())
    decoded_instructions = sum(entry[1] for entry in child["decoded"].values())
    print("  code objects loaded from cache files: %d (%d instructions); decoded: %d (%.0f%%; "
          "%d instructions, %.0f%%)" % (
              loaded_codes, loaded_instructions, decoded_codes,
              100 * decoded_codes / max(loaded_codes, 1), decoded_instructions,
              100 * decoded_instructions / max(loaded_instructions, 1)))
    compiled = child["compiled"]
    if compiled:
        names = {}
        for filename, seconds in compiled:
            names[filename] = names.get(filename, 0.0) + seconds
        largest = sorted(names.items(), key=lambda item: -item[1])[:6]
        listed = ", ".join("%s %.1f" % (os.path.basename(name), seconds * 1e3)
                           for name, seconds in largest)
        print("  compiled at run time: %d sources, %.1f ms (%s)"
              % (len(compiled), sum(seconds for _, seconds in compiled) * 1e3, listed))
    print()


def print_counts(counts, child, top):
    module_of_file = child["module_of_file"]
    loaded = child["loaded"]
    unfused = counts.get("unfused")
    fused = counts.get("fused")
    print("Instructions (a run with every handler wrapped to count its calls)")
    if unfused:
        by_kind = unfused["by_kind"]
        totals = [sum(entry[column] for entry in by_kind.values()) for column in range(6)]
        print("  fusion off: %d instructions executed; %d code objects decoded (%d "
              "instructions), of which %d instructions ran at least once (%.0f%%)"
              % (totals[3], totals[0], totals[1], totals[2], 100 * totals[2] / max(totals[1], 1)))
        if fused:
            turns = sum(entry[3] for entry in fused["by_kind"].values())
            print("  fusion on: %d handler calls (loop turns), %.2f instructions per turn"
                  % (turns, totals[3] / max(turns, 1)))
        print("  %-12s %7s %9s %9s %10s %11s %11s" % (
            "kind", "codes", "decoded", "ran", "executed", "ran once*", "its instr."))
        for kind, entry in sorted(by_kind.items()):
            print("  %-12s %7d %9d %9d %10d %11d %11d" % (kind, *entry))
        print("  * code objects none of whose instructions ran twice, and their instructions")
        print()
        print("  by module (top %d by instructions executed)" % (top or 12))
        print("  %-30s %7s %7s %8s %8s %8s %10s" % (
            "module", "loaded", "decoded", "instr.", "ran", "decode ms", "executed"))
        decoded = child["decoded"]
        rows = sorted(unfused["by_file"].items(), key=lambda item: -item[1][3])
        for filename, entry in rows[:top or 12]:
            name = module_of_file.get(filename) or os.path.basename(filename)
            print("  %-30s %7d %7d %8d %8d %8.1f %10d" % (
                name[:30], loaded.get(filename, [0])[0], entry[0], entry[1], entry[2],
                decoded.get(filename, [0, 0, 0.0])[2] * 1e3, entry[3]))
        print()
        print("  code objects (top %d by instructions executed)" % (top or 12))
        print("  %10s %7s %7s  %s" % ("executed", "entries", "instr.", "code"))
        for executed, entries, size, qualname, filename, line in \
                unfused["by_code"][:top or 12]:
            name = module_of_file.get(filename) or os.path.basename(filename)
            print("  %10d %7d %7d  %s.%s (line %d)" % (executed, entries, size, name, qualname,
                                                      line))
        print()
        print("  by opcode (top 12): " + ", ".join(
            "%s %d" % item for item in sorted(unfused["by_opcode"].items(),
                                              key=lambda item: -item[1])[:12]))
        print()


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", action="store_true",
                        help="the program of benchmarks/startup.py (40 imports), not -c pass")
    parser.add_argument("-S", dest="no_site", action="store_true",
                        help="pass -S to both interpreters: no site")
    parser.add_argument("--top", type=int, default=0, metavar="N",
                        help="the N guest modules of largest self time, not the whole tree")
    parser.add_argument("--cold", action="store_true",
                        help="an empty cache folder for every run (pycache prefix)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="runs of each side; the least is kept (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="one run of each side, and one counting run (fusion off)")
    parser.add_argument("--no-count", action="store_true",
                        help="skip the runs that count instructions")
    parser.add_argument("--cache", default=os.path.join(REPOSITORY, ".pycache-prefix"),
                        metavar="DIR", help="pvm's warm cache folder (default: %(default)s)")
    arguments = parser.parse_args(argv)
    if arguments.modules:
        modules, program = load_benchmark_program()
        label = "-c '<import %d modules>'" % len(modules)
    else:
        program = "pass"
        label = "-c pass"
    if arguments.no_site:
        label = "-S " + label
    repeat = 1 if arguments.quick else max(arguments.repeat, 1)
    count = () if arguments.no_count else ("unfused",) if arguments.quick \
        else ("unfused", "fused")
    commands = Commands(program, arguments.no_site, arguments.cold,
                        os.path.abspath(arguments.cache))
    try:
        results = measure(commands, repeat, count)
    finally:
        commands.cleanup()
    print_report(results, commands, label, arguments.top, repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
