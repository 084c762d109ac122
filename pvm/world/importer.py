"""The guest's import system: CPython's own importlib, run on pvm.

CPython's import system is mostly Python: ``importlib/_bootstrap.py`` (module
locks, specs, ``sys.meta_path``, built-in modules) and
``importlib/_bootstrap_external.py`` (``sys.path``, path hooks, FileFinder,
source and extension loaders), frozen into the executable.  pvm compiles those
two files from the host's standard library and runs them on the VM, as
``_frozen_importlib`` and ``_frozen_importlib_external`` of the guest, so
every rule of finding, loading, locking, packages, namespace packages, relative
imports, reloading, meta path finders and path hooks is CPython's own.  What C
does in CPython is host code here:

- ``__import__`` (``ImportSystem.import_``): the sys.modules fast path of
  CPython's ``PyImport_ImportModuleLevelObject``, calling the guest
  ``_find_and_load`` only for a module not loaded yet, and removing
  importlib's frames from tracebacks as CPython does;
- ``_imp`` (``make_imp``): built-in and extension modules are the host's (they
  have no Python source); the modules CPython freezes (FROZEN: os, codecs, site,
  runpy, ...) are frozen for the guest too, their code pvm's compile of their
  source (see FROZEN);
- the bytecode cache (``pvm.cache``): ``SourceLoader.get_code`` and the
  functions that name, read and write cache files are replaced by host
  functions that speak pvm's cache format.  They are host code also because a
  warm start spends most of its time there.

Two kinds of modules are not the guest's own, for a reason each: HIDDEN_ACCELERATORS
are C modules that import Python modules from the host's table (the guest would mix
two copies of one module: two CancelledError classes, two numbers.Number ABCs); the
guest does without them and uses the pure-Python fallback each has, or pvm's
replacement (GUEST_REPLACEMENTS, in pvm/world/guest/: the C _pickle looks globals up
in the host's module table, the C _warnings serves the host's warnings module, the C
marshal cannot store the guest's code objects; each replacement behaves as the C
module where programs see it). Modules in ``host_modules`` are taken from the host:
SHARED_WITH_HOST always, because C code the guest uses raises, registers or returns
what they define (the C _asyncio raises the host's CancelledError, which the guest's
``except asyncio.CancelledError`` must catch; the C _decimal registers Decimal with
the host's numbers.Number; the C _json raises the host's
json.decoder.JSONDecodeError; the C _zoneinfo raises zoneinfo._common's
ZoneInfoNotFoundError; the C ``object.__reduce_ex__`` returns copyreg's
``_reconstructor`` and ``__newobj__``, which the guest's pickle must find again in
``copyreg`` to save them by reference), and those the user hands to the host for
speed (``-X host-modules=``).
"""

import _frozen_importlib as host_bootstrap
import _frozen_importlib_external as host_external
import _imp as host_imp
import copyreg
import os
import stat
import sys as host_sys
import time
import types

from pvm import cache
from pvm.code import Code
from pvm.engine import guest_traceback
from pvm.world import guest

HIDDEN_ACCELERATORS = frozenset({"_elementtree"})
# C modules the guest gets pvm's own version of (in pvm/world/guest/), each with the host
# values it is handed through its spec's loader_state.
GUEST_REPLACEMENTS = {"_pickle": lambda: {"PickleBuffer": __import__("_pickle").PickleBuffer},
                      "_warnings": dict,
                      "marshal": lambda: {"marshal": __import__("marshal"), "Code": Code}}
SHARED_WITH_HOST = frozenset({"asyncio.exceptions", "numbers", "json.decoder",
                              "zoneinfo._common", "zoneinfo._tzpath", "copyreg"})

# The modules CPython 3.11 freezes into its executable (Python/frozen.c), by name: the
# module whose source it is (CPython's "origname"; "<P" is package P's __init__ as a
# module of its own) and whether it is a package.  CPython finds them through
# FrozenImporter, before sys.path is searched; their code names "<frozen ORIGNAME>" as
# its file (tracebacks through os show "<frozen os>" and no source line), their specs
# say origin "frozen", and -X frozen_modules=off loads all but the essential ones from
# their files.  The guest's are the same modules, frozen the same way: the code is pvm's
# compile of the source file, kept in the usual cache file (pvm has no executable to
# freeze it into), found without a search of sys.path or a loader's work in guest code.
# Not here: importlib's own two (ImportSystem.install runs them) and __hello_only__,
# which has no source file.
FROZEN = {
    "zipimport": ("zipimport", False), "abc": ("abc", False), "codecs": ("codecs", False),
    "io": ("io", False), "_collections_abc": ("_collections_abc", False),
    "_sitebuiltins": ("_sitebuiltins", False), "genericpath": ("genericpath", False),
    "ntpath": ("ntpath", False), "posixpath": ("posixpath", False),
    "os.path": ("posixpath", False), "os": ("os", False), "site": ("site", False),
    "stat": ("stat", False), "importlib.util": ("importlib.util", False),
    "importlib.machinery": ("importlib.machinery", False), "runpy": ("runpy", False),
    "__hello__": ("__hello__", False), "__hello_alias__": ("__hello__", False),
    "__phello_alias__": ("__hello__", True), "__phello_alias__.spam": ("__hello__", False),
    "__phello__": ("__phello__", True), "__phello__.__init__": ("<__phello__", False),
    "__phello__.ham": ("__phello__.ham", True),
    "__phello__.ham.__init__": ("<__phello__.ham", False),
    "__phello__.ham.eggs": ("__phello__.ham.eggs", False),
    "__phello__.spam": ("__phello__.spam", False),
}
# Frozen even under -X frozen_modules=off, as in CPython.
ESSENTIAL_FROZEN = frozenset({"zipimport"})

BOOTSTRAP_FILENAME = "<frozen importlib._bootstrap>"
EXTERNAL_FILENAME = "<frozen importlib._bootstrap_external>"
IMPORTLIB_FILENAMES = (BOOTSTRAP_FILENAME, EXTERNAL_FILENAME)
# (Not from importlib.__file__: the host's importlib package is not imported at start-up.)
_IMPORTLIB_FOLDER = os.path.join(os.path.dirname(os.__file__), "importlib")
# What the guest's importlib sets on a module copied from the host.
_IMPORT_STATE = ("__spec__", "__loader__", "__package__")


def _module_copy(module, name):
    """A guest module object named ``name`` holding what the host's ``module`` holds."""
    guest_copy = types.ModuleType(name)
    guest_copy.__dict__.update(module.__dict__)
    return guest_copy


def _host_function_by_reference(function):
    """copyreg's reducer for host functions: save them by name, as pickle saves functions.

    The guest's pickle and copy know the guest's function type only, so a host
    function reaching them (copyreg's, from ``object.__reduce_ex__``) would be
    unpicklable; a string tells them to save it as a global.  The host's own
    picklers never ask: both handle their function type before copyreg's table.
    """
    return function.__qualname__


copyreg.pickle(types.FunctionType, _host_function_by_reference)


class ImportSystem:
    """One guest's import machinery: its importlib, its ``_imp``, its ``__import__``."""

    def __init__(self, world, host_modules=(), import_time=False):
        self.world = world
        self.modules = world.modules
        self.sys = world.sys
        self.host_modules = SHARED_WITH_HOST | frozenset(host_modules)
        # (Their submodules are the host's too; asked at every search: see is_host_module.)
        self.host_packages = tuple(name + "." for name in self.host_modules)
        self.bootstrap = None     # the guest's _frozen_importlib module
        self.external = None      # the guest's _frozen_importlib_external module
        self.find_and_load = None
        self.host_originals = {}  # host modules loaded for the guest alone, kept alive
        self.imp = make_imp(self)
        self.import_timer = ImportTimer(host_sys.stderr) if import_time else None
        self.import_calls = 0     # of __import__, for pvm.world.patterns

    # -- start-up -----------------------------------------------------------------------------

    def install(self):
        """Run importlib's two bootstrap modules on the guest and install them, as
        CPython's start-up does with its frozen copies."""
        modules = self.modules
        modules["_imp"] = self.imp
        bootstrap = self.run_bootstrap_module("_bootstrap", "_frozen_importlib",
                                              BOOTSTRAP_FILENAME)
        run_functions_on_host(bootstrap, host_bootstrap)
        self.bootstrap = bootstrap
        self.find_and_load = bootstrap._find_and_load
        bootstrap._install(self.sys, self.imp)
        external = self.run_bootstrap_module("_bootstrap_external",
                                             "_frozen_importlib_external", EXTERNAL_FILENAME)
        self.external = external
        run_functions_on_host(external, host_external)
        self.replace_cache_functions(external)
        external._install(bootstrap)
        bootstrap._bootstrap_external = external
        # importlib was installed with the host's C _warnings, which serves the host's
        # warnings module: from now on its warnings go through the guest's stand-in
        # (GUEST_REPLACEMENTS), as the guest's own do.
        del modules["_warnings"]
        self.sys.meta_path.insert(0, HostModuleFinder(self))
        bootstrap._warnings = external._warnings = self.import_("_warnings")
        # So does marshal, which stores the guest's code objects too (importlib's own
        # cache files are pvm's, read and written by host functions: see above).
        del modules["marshal"]
        external.marshal = self.import_("marshal")
        # CPython's start-up puts zipimport's hook first, so that a zip file on sys.path
        # (or run as a program) is searched.
        self.sys.path_hooks.insert(0, self.zip_path_hook)
        search_on_host(self)

    def zip_path_hook(self, path):
        """First on the guest's sys.path_hooks, where CPython's start-up puts
        ``zipimport.zipimporter``: the guest's zipimport (pure Python, run here as any
        module) is imported only for a path that may be in a zip file.  Most processes
        meet none, and importing zipimport and running its hook on every folder of
        sys.path cost some 10 ms of start-up.  A path that names a folder, or a
        missing path under one, is refused as zipimporter refuses it (an ImportError,
        which the path finder passes over); any other is zipimporter's to judge."""
        if not _in_folder(path):
            return self.zipimport().zipimporter(path)
        raise ImportError("not a Zip file", path=path)

    def zipimport(self):
        """The guest's zipimport module, loaded from its frozen copy if it is not loaded
        yet, as CPython finds it: a search of sys.path would ask this very hook about
        the zip file that made it needed."""
        module = self.modules.get("zipimport")
        if module is None:
            spec = self.bootstrap.FrozenImporter.find_spec("zipimport")
            module = self.call_importlib(self.bootstrap._load, spec)
        return module

    def finder_for_path(self, path):
        """The finder the guest's path hooks give ``path`` (cached in
        sys.path_importer_cache, as CPython's start-up does for the program's path), or
        None: a folder or a zip file may hold a ``__main__`` module to run."""
        return self.external.PathFinder._path_importer_cache(path)

    def run_bootstrap_module(self, short_name, module_name, filename):
        source_path = os.path.join(_IMPORTLIB_FOLDER, short_name + ".py")
        code = cache.load_or_compile(
            source_path, lambda source, name: self.world.compile(source, name, "exec"),
            optimize=self.world.optimize, dont_write_bytecode=self.sys.dont_write_bytecode,
            pycache_prefix=self.sys.pycache_prefix, filename=filename)
        module = types.ModuleType(module_name)
        module.__builtins__ = self.world.builtins
        self.modules[module_name] = module
        self.world.run_code(code, module.__dict__)
        return module

    def replace_cache_functions(self, external):
        """Make the guest's importlib read and write pvm's cache files."""
        guest_sys = self.sys
        namespace = external.__dict__

        def cache_from_source(path, debug_override=None, *, optimization=None):
            return cache.cache_from_source(
                path, debug_override, optimization=optimization,
                optimize=guest_sys.flags.optimize,
                cache_tag=guest_sys.implementation.cache_tag,
                pycache_prefix=guest_sys.pycache_prefix)

        def source_from_cache(path):
            if guest_sys.implementation.cache_tag is None:
                raise NotImplementedError("sys.implementation.cache_tag is None")
            return cache.source_from_cache(path, cache_tag=guest_sys.implementation.cache_tag,
                                           pycache_prefix=guest_sys.pycache_prefix)

        def _compile_bytecode(data, name=None, bytecode_path=None, source_path=None):
            code = cache.code_from_payload(data, source_path)
            if code is None:
                raise ImportError("Non-code object in {!r}".format(bytecode_path),
                                  name=name, path=bytecode_path)
            return code

        def _write_atomic(path, data, mode=0o666):
            cache.write_atomic(path, data, mode & 0o666)

        namespace.update(
            MAGIC_NUMBER=cache.MAGIC_NUMBER, _RAW_MAGIC_NUMBER=cache.RAW_MAGIC_NUMBER,
            cache_from_source=cache_from_source, source_from_cache=source_from_cache,
            _compile_bytecode=_compile_bytecode, _write_atomic=_write_atomic,
            _code_to_timestamp_pyc=cache.code_to_timestamp_pyc,
            _code_to_hash_pyc=cache.code_to_hash_pyc)
        for function in (cache_from_source, source_from_cache, _compile_bytecode,
                         _write_atomic):
            function.__module__ = "_frozen_importlib_external"
        external.SourceLoader.get_code = self.make_get_code(external)

    def make_get_code(self, external):
        """SourceLoader.get_code: the cache if it is fresh and whole, else compile the
        source and write the cache.  The loader's own methods (get_filename,
        path_stats, get_data, source_to_code, set_data) are called as CPython's
        version calls them, so loaders that override them keep working; unlike
        CPython's, a damaged body after a good header means "compile again"."""
        guest_sys = self.sys
        imp = self.imp
        source_file_loader = external.SourceFileLoader
        file_loader = vars(external.FileLoader)
        # FileLoader.get_filename: importlib's _check_name wrapper around ``return
        # self.path``, two guest calls per import.
        get_filename = file_loader["get_filename"]

        def get_code(self, fullname):
            if type(self) is source_file_loader and fullname == self.name \
                    and file_loader.get("get_filename") is get_filename \
                    and "get_filename" not in vars(source_file_loader) \
                    and "get_filename" not in vars(self):
                source_path = self.path
            else:
                source_path = self.get_filename(fullname)
            source_mtime = None
            source_bytes = None
            source_hash = None
            hash_based = False
            check_source = True
            try:
                bytecode_path = external.cache_from_source(source_path)
            except NotImplementedError:
                bytecode_path = None
            else:
                try:
                    stats = self.path_stats(source_path)
                except OSError:
                    pass
                else:
                    source_mtime = int(stats["mtime"])
                    try:
                        data = self.get_data(bytecode_path)
                    except OSError:
                        data = None
                    header = cache.read_header(data) if data is not None else None
                    if header is not None:
                        hash_based = header.hash_based
                        check_source = header.check_source

                        def read_source():
                            nonlocal source_bytes
                            source_bytes = self.get_data(source_path)
                            return source_bytes
                        if cache.is_fresh(header, source_mtime, stats.get("size"),
                                          read_source, imp.check_hash_based_pycs):
                            code = cache.code_from_payload(
                                memoryview(data)[cache.HEADER_SIZE:], source_path)
                            if code is not None:
                                return code
                        if hash_based and source_bytes is not None:
                            source_hash = cache.source_hash(source_bytes)
            if source_bytes is None:
                source_bytes = self.get_data(source_path)
            code = self.source_to_code(source_bytes, source_path)
            if (not guest_sys.dont_write_bytecode and bytecode_path is not None
                    and source_mtime is not None):
                if hash_based:
                    if source_hash is None:
                        source_hash = cache.source_hash(source_bytes)
                    data = cache.code_to_hash_pyc(code, source_hash, check_source)
                else:
                    data = cache.code_to_timestamp_pyc(code, source_mtime, len(source_bytes))
                try:
                    self._cache_bytecode(source_path, bytecode_path, data)
                except NotImplementedError:
                    pass
            return code

        get_code.__qualname__ = "SourceLoader.get_code"
        get_code.__module__ = "_frozen_importlib_external"
        return get_code

    # -- modules from the host ------------------------------------------------------------

    def host_module(self, name, origin=None):
        """A guest copy of the host's module ``name`` (built in, an extension at
        ``origin``, or one of host_modules): the same functions and classes in a
        module object of the guest's own, as CPython's start-up gives each
        interpreter its own copy of a single-phase extension module.  The guest's
        importlib then sets its own ``__spec__`` and ``__loader__`` on the copy,
        never on the host's module."""
        if name == "sys":
            return self.sys
        if name == "builtins":
            return self.world.builtins
        module = host_sys.modules.get(name)
        if module is None or (origin is not None
                              and getattr(module, "__file__", origin) != origin):
            if origin is None:
                module = host_bootstrap._gcd_import(name)
            else:
                spec = host_external.spec_from_file_location(name, origin)
                module = host_bootstrap.module_from_spec(spec)
                spec.loader.exec_module(module)
                # A module's C state lives as long as the module object, not its dict.
                self.host_originals[name] = module
        guest_copy = _module_copy(module, name)
        for attribute in _IMPORT_STATE:
            guest_copy.__dict__.pop(attribute, None)
        self.world.adapt_host_module(name, guest_copy)
        self._copy_registered_submodules(name, module, guest_copy)
        self._import_named_modules(guest_copy)
        return guest_copy

    def _import_named_modules(self, guest_copy):
        """The modules a copy's attributes name are the guest's, as the module's own
        imports would have made them: ``json.decoder.re`` is the guest's re (through
        the host's, the guest would reach the host's sys and all it imported)."""
        namespace = guest_copy.__dict__
        for attribute, value in list(namespace.items()):
            if isinstance(value, types.ModuleType) and value is not guest_copy \
                    and host_sys.modules.get(value.__name__) is value:
                namespace[attribute] = self.modules.get(value.__name__) \
                    or self.world.import_module(value.__name__)

    def _copy_registered_submodules(self, name, module, guest_copy):
        """Give the guest the submodules C code registered in the host's sys.modules
        while making ``module`` (pyexpat puts ``pyexpat.errors`` there, a Rust
        extension its ``pkg._native.sub``), so that guest imports of them find them
        as CPython's find them in its one sys.modules.  Such a module was made by C
        code, not by an import: it has no ``__spec__``.  Each gets a guest copy, and
        the copies' attributes naming each other (``pyexpat.errors``) name the
        copies."""
        prefix = name + "."
        copies = {id(module): guest_copy}
        host_modules = host_sys.modules
        for submodule_name in [key for key in host_modules if key.startswith(prefix)]:
            submodule = host_modules.get(submodule_name)
            if (submodule_name not in self.modules
                    and isinstance(submodule, types.ModuleType)
                    and getattr(submodule, "__spec__", None) is None):
                copies[id(submodule)] = self.modules[submodule_name] = _module_copy(
                    submodule, submodule_name)
        if len(copies) > 1:
            for copy in copies.values():
                namespace = copy.__dict__
                for attribute, value in namespace.items():
                    if id(value) in copies:
                        namespace[attribute] = copies[id(value)]

    def is_host_module(self, name):
        return name in self.host_modules or name.startswith(self.host_packages)

    # -- __import__ -----------------------------------------------------------------------

    def import_(self, name, globals_=None, locals_=None, fromlist=(), level=0):
        """builtins.__import__ of the guest."""
        self.import_calls += 1
        if not isinstance(name, str):
            raise TypeError("module name must be str, not %s" % type(name).__name__)
        if level < 0:
            raise ValueError("level must be >= 0")
        if level > 0:
            absolute = resolve_name(name, package_of(globals_), level)
        elif not name:
            raise ValueError("Empty module name")
        else:
            absolute = name
        module = self.modules.get(absolute)
        if module is None or getattr(getattr(module, "__spec__", None), "_initializing",
                                     False):
            # Waiting for a module another import is still running is not timed.
            if self.import_timer is None or module is not None:
                loaded = self.call_importlib(self.find_and_load, absolute, self.import_)
            else:
                started = self.import_timer.start(absolute)
                try:
                    loaded = self.call_importlib(self.find_and_load, absolute, self.import_)
                finally:
                    self.import_timer.finish(absolute, started)
            if module is None and absolute == "re._compiler":
                # (Imported here: a program that never imports re does without it.)
                from pvm.world import patterns
                patterns.install(loaded, self)
            module = loaded
        if not fromlist:
            if level == 0 or name:
                front, dot, _ = name.partition(".")
                if not dot:
                    return module
                if level == 0:
                    return self.import_(front)
                cut_off = len(name) - len(front)
                to_return = absolute[:len(absolute) - cut_off]
                try:
                    return self.modules[to_return]
                except KeyError:
                    raise KeyError("%r not in sys.modules as expected" % to_return) from None
            return module
        if hasattr(module, "__path__"):
            # Every name already an attribute: nothing for _handle_fromlist to import.
            for item in fromlist:
                if not isinstance(item, str) or item == "*" or not hasattr(module, item):
                    return self.call_importlib(self.bootstrap._handle_fromlist, module,
                                               fromlist, self.import_)
        return module

    def call_importlib(self, function, *arguments):
        try:
            return function(*arguments)
        except BaseException as error:
            remove_importlib_frames(error)
            raise


def _in_folder(path):
    """Whether zipimporter would refuse ``path`` as not a zip file because the first
    of it that exists, backing up one element at a time as zipimporter does, is a
    folder (or anything but a regular file)."""
    if not isinstance(path, str) or not path or os.altsep:
        return False
    while True:
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError):
            parent = path.rpartition(os.sep)[0]
            if parent == path or not parent:
                return False
            path = parent
        else:
            return not stat.S_ISREG(mode)


# importlib's functions that run as host code (run_functions_on_host), by qualified name:
# the hot ones of finding, locking and making specs (113,000 of the 277,000 instructions
# `pvm -c pass` executed were theirs), each called by importlib alone, calling no code of the
# program's in the ordinary course, and never seen in a traceback CPython prints (their
# callers catch what they raise).  The functions that load a module and call the
# program's finders, path hooks and loaders stay guest code, so that a traceback
# through them shows importlib's frames where CPython's does.
HOST_RUN = {
    "_frozen_importlib": (
        "_verbose_message", "_init_module_attrs", "_new_module", "spec_from_loader",
        "_get_module_lock", "_lock_unlock_module", "_ModuleLock.__init__",
        "_ModuleLock.acquire", "_ModuleLock.release", "_ModuleLockManager.__init__",
        "_ModuleLockManager.__enter__", "_ModuleLockManager.__exit__",
        "_ImportLockContext.__enter__", "_ImportLockContext.__exit__",
        "ModuleSpec.__init__", "ModuleSpec.cached", "ModuleSpec.parent",
        "ModuleSpec.has_location", "BuiltinImporter.find_spec", "FrozenImporter.find_spec",
        "FrozenImporter._resolve_filename", "FrozenImporter.create_module"),
    "_frozen_importlib_external": (
        "_path_join", "_path_split", "_path_stat", "_path_is_mode_type", "_path_isfile",
        "_path_isdir", "_path_isabs", "_get_cached", "spec_from_file_location",
        "FileFinder.__init__", "FileFinder.find_spec", "FileFinder._get_spec",
        "FileFinder._fill_cache", "FileLoader.__init__", "FileLoader.get_data",
        "SourceFileLoader.path_stats", "_LoaderBasics.create_module",
        # (FileFinder.find_spec's test; where it is a closure, the platform's that read
        # the environment, it stays guest code: see _host_twin.)
        "_relax_case"),
}


def run_functions_on_host(module, host_module):
    """Make the functions of ``module`` (the guest's copy of one of importlib's
    bootstrap modules, its body run) named in HOST_RUN run as host code: each becomes a
    host function of the host's frozen code for the same function, with the guest
    module's namespace as its globals and the guest function's defaults.

    CPython runs importlib as the bytecode it froze from these very sources, and the
    host's frozen code is that bytecode (tests/test_importer.py compares it with the
    host's compile of the source files pvm compiles): the guest gets importlib's own
    behaviour, over its own sys, builtins, finders and module locks, without pvm's
    interpreter running it.  What changes: these functions' frames are host frames,
    which guest tracing and ``sys._getframe`` do not see.  A function whose name or
    first line differs between the two (another build of Python than the one whose
    sources were compiled) stays guest code."""
    namespace = module.__dict__
    for qualified_name in HOST_RUN[module.__name__]:
        class_name, _, member_name = qualified_name.rpartition(".")
        if class_name:
            owner, host_owner = namespace[class_name], getattr(host_module, class_name)
            guest, host = vars(owner)[member_name], vars(host_owner)[member_name]
        else:
            guest, host = namespace[member_name], getattr(host_module, member_name)
        if isinstance(guest, (classmethod, staticmethod)):
            twin = _host_twin(guest.__func__, host.__func__, namespace)
            twin = type(guest)(twin) if twin is not None else None
        elif isinstance(guest, property):
            getter = _host_twin(guest.fget, host.fget, namespace)
            setter = guest.fset and _host_twin(guest.fset, host.fset, namespace)
            twin = None
            if getter is not None and (setter is not None or guest.fset is None):
                twin = property(getter, setter, None, guest.__doc__)
        else:
            twin = _host_twin(guest, host, namespace)
        if twin is not None:
            if class_name:
                setattr(owner, member_name, twin)
            else:
                namespace[member_name] = twin


def _host_twin(guest, host, namespace):
    """A host function of ``host``'s code standing for the guest function ``guest``,
    or None where they are not the same function of the same source."""
    code = getattr(host, "__code__", None)
    guest_code = guest.__code__
    # (Under pvm run by pvm, the host's functions are the outer pvm's guest's: their
    # code is not of the kind this process's functions are made of, and stays guest.)
    if not isinstance(code, types.CodeType) or code.co_freevars \
            or code.co_qualname != guest_code.co_qualname \
            or code.co_firstlineno != guest_code.co_firstlineno:
        return None
    twin = types.FunctionType(code, namespace, guest.__name__, guest.__defaults__)
    twin.__kwdefaults__ = guest.__kwdefaults__
    twin.__doc__ = guest.__doc__
    return twin


class ImportTimer:
    """-X importtime: CPython's table of how long each import took, in microseconds:
    the time spent in the module's own import (less the imports it made), the whole
    time, and its name, indented by how deeply the imports nest.  Only modules that
    are found and loaded count, not those already in sys.modules; a row is written
    when its import ends, so nested imports come before the one that made them."""

    HEADER = "import time: self [us] | cumulative | imported package\n"

    def __init__(self, stream):
        # CPython writes to the process's stderr, whatever sys.stderr has become.
        self.stream = stream
        self.header_written = False
        self.depth = 0
        self.nested_time = 0      # nanoseconds spent in imports nested in the current one

    def start(self, name):
        """The start of ``name``'s import: what ``finish`` needs at its end."""
        if not self.header_written:
            self.stream.write(self.HEADER)
            self.header_written = True
        outer_nested_time = self.nested_time
        self.nested_time = 0
        self.depth += 1
        return outer_nested_time, time.perf_counter_ns()

    def finish(self, name, started):
        """Write the row of ``name``, whose import began with ``started``."""
        outer_nested_time, start = started
        cumulative = time.perf_counter_ns() - start
        self.depth -= 1
        self.stream.write("import time: %9d | %10d | %s%s\n" % (
            _microseconds(cumulative - self.nested_time), _microseconds(cumulative),
            "  " * self.depth, name))
        self.stream.flush()
        self.nested_time = outer_nested_time + cumulative


def _microseconds(nanoseconds):
    return -(-nanoseconds // 1000)      # rounded up, as CPython rounds


def remove_importlib_frames(error):
    """Drop importlib's frames from the guest traceback of ``error``, by CPython's rule:
    all of them for an ImportError, else each run of them that ends in
    ``_call_with_frames_removed`` (the call that ran the imported module's code)."""
    entries = error.__dict__.get(guest_traceback.RECORD)
    if not entries:
        return
    always_trim = isinstance(error, ImportError)
    kept = []                 # outermost first
    chunk_start = None        # where in `kept` the current run of importlib frames began
    for entry in reversed(entries):
        code = entry[0]
        in_importlib = code.co_filename in IMPORTLIB_FILENAMES
        if not in_importlib:
            chunk_start = None
            kept.append(entry)
            continue
        if chunk_start is None:
            chunk_start = len(kept)
        if always_trim or code.co_name == "_call_with_frames_removed":
            del kept[chunk_start:]
        else:
            kept.append(entry)
    kept.reverse()
    entries[:] = kept


def package_of(globals_):
    """The package a relative import starts from, as CPython's C ``resolve_name``."""
    if globals_ is None:
        raise KeyError("'__name__' not in globals")
    if not isinstance(globals_, dict):
        raise TypeError("globals must be a dict")
    package = globals_.get("__package__")
    spec = globals_.get("__spec__")
    if package is not None:
        if not isinstance(package, str):
            raise TypeError("package must be a string")
        if spec is not None and package != getattr(spec, "parent", package):
            import warnings
            warnings.warn("__package__ != __spec__.parent", DeprecationWarning, stacklevel=3)
    elif spec is not None:
        package = spec.parent
        if not isinstance(package, str):
            raise TypeError("__spec__.parent must be a string")
    else:
        import warnings
        warnings.warn("can't resolve package from __spec__ or __package__, falling back on "
                      "__name__ and __path__", ImportWarning, stacklevel=3)
        try:
            package = globals_["__name__"]
        except KeyError:
            raise KeyError("'__name__' not in globals") from None
        if not isinstance(package, str):
            raise TypeError("__name__ must be a string")
        if "__path__" not in globals_:
            package = package.rpartition(".")[0]
    if not package:
        raise ImportError("attempted relative import with no known parent package")
    return package


def resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return "%s.%s" % (base, name) if name else base


# What the searches of search_on_host return where importlib's own guest functions must
# search instead.
_IN_GUEST = object()
_MISSING = object()


def search_on_host(system):
    """Make importlib's search of ``sys.meta_path`` (``_find_spec``) and of the path
    (``PathFinder.find_spec``) host code while only the finders and path hooks importlib
    and pvm install take part in it, falling back on importlib's own guest functions.

    ``_find_spec`` and the path finder's ``find_spec``, ``_get_spec`` and
    ``_path_importer_cache`` were a seventh of the instructions `pvm -c pass` ran (some
    20,000, for 90 searches).  They are guest code because a search may call the
    program's code: a finder it put on ``sys.meta_path``, a hook on ``sys.path_hooks``,
    a path entry finder in ``sys.path_importer_cache``, whose exceptions show these
    frames in their tracebacks, whose ``sys._getframe()`` sees them, and which a tracer
    sees called from them.  Most searches call none: every finder asked is pvm's host
    module finder, BuiltinImporter, FrozenImporter or PathFinder, every path entry's
    finder a FileFinder (or None), every hook asked importlib's or pvm's, none of them
    replaced.  Such a search runs here, as importlib's code does it (the import lock
    held around each finder, the path hooks' finders cached), and no guest code can tell
    (the known finders' own guest code, a folder's path hook, runs as any call from the
    host).  Anything else (another finder, hook or path entry finder on the way, a
    namespace package, a module the search itself imported, sys's lists replaced by
    other types, an exception, a tracer or a budget that must see every instruction)
    sends the whole search to importlib's function, from the start: what the known
    finders did is only caching, which the second search finds done.  The path
    finder's search is also on the host when importlib's ``_find_spec`` asks for it
    (a finder of the program's first on ``sys.meta_path``, as setuptools' .pth file
    puts one)."""
    bootstrap = system.bootstrap.__dict__
    external = system.external.__dict__
    guest_find_spec = bootstrap["_find_spec"]
    guest_sys = system.sys
    interpreter = system.world.interpreter
    path_finder = external["PathFinder"]
    file_finder = external["FileFinder"]
    file_finder_find_spec = vars(file_finder)["find_spec"]
    guest_path_find_spec = vars(path_finder)["find_spec"].__func__

    def in_guest():
        return interpreter.instruments or interpreter.budget is not None

    def on_host(host_search, *arguments):
        """``host_search(*arguments)``, or _IN_GUEST where it cannot answer or raised."""
        if in_guest():
            return _IN_GUEST
        try:
            return host_search(*arguments)
        except Exception:
            return _IN_GUEST

    def find_spec(name, path, target=None):
        spec = on_host(search, name, path, target)
        return guest_find_spec(name, path, target) if spec is _IN_GUEST else spec

    def path_find_spec(cls, fullname, path=None, target=None):
        spec = on_host(search_path, fullname, path, target) if cls is path_finder \
            else _IN_GUEST
        return guest_path_find_spec(cls, fullname, path, target) if spec is _IN_GUEST \
            else spec

    bootstrap["_find_spec"] = _named_as(find_spec, guest_find_spec)
    path_finder.find_spec = classmethod(_named_as(path_find_spec, guest_path_find_spec))
    bootstrap["module_from_spec"] = module_from_spec_on_host(system, in_guest)
    path_finder_methods = [(name, vars(path_finder)[name]) for name in
                           ("find_spec", "_get_spec", "_path_importer_cache", "_path_hooks")]
    # By id (a finder need not be hashable): the finder, and the function its find_spec
    # is while nobody has replaced it.
    known_finders = {}
    for finder in guest_sys.meta_path:
        method = finder.find_spec
        known_finders[id(finder)] = (finder, getattr(method, "__func__", method))
    known_hooks = {id(hook): hook for hook in guest_sys.path_hooks}

    def search(name, path, target):
        meta_path = guest_sys.meta_path
        modules = guest_sys.modules
        if type(meta_path) is not list or not meta_path or type(modules) is not dict:
            return _IN_GUEST
        is_reload = name in modules
        for finder in meta_path:
            known = known_finders.get(id(finder))
            if known is None or known[0] is not finder:
                return _IN_GUEST
            imp = bootstrap["_imp"]
            imp.acquire_lock()
            try:
                method = finder.find_spec
                if getattr(method, "__func__", method) is not known[1]:
                    return _IN_GUEST
                if finder is path_finder:
                    spec = search_path(name, path, target)
                else:
                    spec = method(name, path, target)
            finally:
                imp.release_lock()
            if spec is not None:
                # (A module the search imported: its __spec__ may be another's.)
                if spec is _IN_GUEST or (not is_reload and name in modules):
                    return _IN_GUEST
                return spec
        return None

    def search_path(name, path, target):
        """PathFinder.find_spec's search, over path entries whose finders are known."""
        methods = vars(path_finder)
        for method_name, method in path_finder_methods:
            if methods.get(method_name) is not method:
                return _IN_GUEST
        if path is None:
            path = guest_sys.path
        finders = guest_sys.path_importer_cache
        if type(path) is not list or type(finders) is not dict:
            return _IN_GUEST
        for entry in path:
            if type(entry) is not str:
                return _IN_GUEST
            if entry == "":
                try:
                    entry = external["_os"].getcwd()
                except FileNotFoundError:
                    continue
            finder = finders.get(entry, _MISSING)
            if finder is _MISSING:
                finder = finder_from_hooks(entry)
                if finder is _IN_GUEST:
                    return _IN_GUEST
                finders[entry] = finder
            if finder is None:
                continue
            if type(finder) is not file_finder:
                return _IN_GUEST
            method = finder.find_spec
            if getattr(method, "__func__", None) is not file_finder_find_spec:
                return _IN_GUEST
            spec = method(name, target)
            if spec is not None:
                # (No loader: a portion of a namespace package.)
                return spec if spec.loader is not None else _IN_GUEST
        return None

    def finder_from_hooks(entry):
        hooks = guest_sys.path_hooks
        if type(hooks) is not list or not hooks:
            return _IN_GUEST
        for hook in hooks:
            if known_hooks.get(id(hook)) is not hook:
                return _IN_GUEST
            try:
                return hook(entry)
            except ImportError:
                continue
        return None


def module_from_spec_on_host(system, in_guest):
    """importlib's ``module_from_spec`` for the guest, in host code for a spec whose
    loader is a source or sourceless file loader or FrozenImporter, as importlib's
    code does it: such a loader's ``create_module`` is host code (HOST_RUN), and so is
    everything the function calls then, so no guest code can tell.  Any other loader
    (the program's, whose ``create_module`` must be called from importlib's frame),
    anything replaced, an exception, a tracer or a budget: importlib's own function,
    from the start (making a module object again changes nothing else)."""
    bootstrap = system.bootstrap.__dict__
    external = system.external.__dict__
    guest_module_from_spec = bootstrap["module_from_spec"]
    module_spec = bootstrap["ModuleSpec"]
    frozen_importer = bootstrap["FrozenImporter"]
    file_loaders = (external["SourceFileLoader"], external["SourcelessFileLoader"])
    file_loader_create_module = vars(external["_LoaderBasics"])["create_module"]
    frozen_create_module = frozen_importer.create_module
    new_module = bootstrap["_new_module"]
    init_module_attrs = bootstrap["_init_module_attrs"]

    def module_from_spec(spec):
        if type(spec) is module_spec and not in_guest() \
                and bootstrap["_new_module"] is new_module \
                and bootstrap["_init_module_attrs"] is init_module_attrs:
            loader = spec.loader
            try:
                if type(loader) in file_loaders:
                    method = loader.create_module
                    known = getattr(method, "__func__", None) is file_loader_create_module
                else:
                    method = frozen_create_module
                    known = loader is frozen_importer \
                        and loader.create_module is frozen_create_module
                if known:
                    module = method(spec)
                    if module is None:
                        module = new_module(spec.name)
                    init_module_attrs(spec, module)
                    return module
            except Exception:
                pass
        return guest_module_from_spec(spec)

    return _named_as(module_from_spec, guest_module_from_spec)


def _named_as(function, model):
    """The host function ``function``, named and documented as the guest function
    ``model`` it stands for."""
    function.__name__ = model.__name__
    function.__qualname__ = model.__qualname__
    function.__module__ = model.__module__
    function.__doc__ = model.__doc__
    return function


class HostModuleFinder:
    """First on the guest's ``sys.meta_path``: refuses HIDDEN_ACCELERATORS and serves
    the modules the guest shares with the host.  The import system it serves from is
    in its methods' closure, not an attribute: the guest sees the finder, and a
    restricted world's guest cannot read a host function's closure (pvm.world.guard)."""

    def __init__(self, system):
        def find_spec(name, path=None, target=None):
            if name in HIDDEN_ACCELERATORS:
                raise ModuleNotFoundError("No module named %r" % name, name=name)
            if name in GUEST_REPLACEMENTS:
                spec = system.external.spec_from_file_location(
                    name, os.path.join(guest.FOLDER, name + ".py"))
                spec.loader_state = GUEST_REPLACEMENTS[name]()
                return spec
            if not system.is_host_module(name):
                return None
            module = host_sys.modules.get(name) or host_bootstrap._gcd_import(name)
            host_spec = getattr(module, "__spec__", None)
            spec = host_bootstrap.ModuleSpec(
                name, self, origin=getattr(host_spec, "origin", None),
                is_package=hasattr(module, "__path__"))
            spec.has_location = getattr(host_spec, "has_location", False)
            return spec

        def create_module(spec):
            return system.host_module(spec.name)
        self.find_spec = find_spec
        self.create_module = create_module

    def exec_module(self, module):
        pass    # the host ran it

    def __repr__(self):
        return "<pvm host module finder>"


def make_imp(system):
    """The guest's ``_imp``: the host's, except where it would hand the guest host
    state (its sys, its frozen modules' code, host code objects)."""
    module = types.ModuleType("_imp", host_imp.__doc__)
    module.__dict__.update(host_imp.__dict__)
    module.__name__ = "_imp"

    def create_builtin(spec):
        return system.host_module(spec.name)

    def exec_builtin(module):
        return 0

    def create_dynamic(spec, file=None):
        return system.host_module(spec.name, spec.origin)

    def exec_dynamic(module):
        return 0

    # The frozen modules (FROZEN): -X frozen_modules=off leaves the essential ones, and
    # _override_frozen_modules_for_tests (test.support's frozen_modules()) decides
    # instead while it is not 0, as in CPython.
    frozen_state = {"override": 0,
                    "on": system.sys._xoptions.get("frozen_modules", "on") != "off"}
    sources = {}

    def frozen(name):
        """FROZEN's entry for ``name`` and its source file, or None where it is not
        frozen now (or the standard library lacks the file: a build without the test
        packages)."""
        entry = FROZEN.get(name)
        if entry is None:
            return None
        override = frozen_state["override"]
        if not (override > 0 if override else frozen_state["on"]) \
                and name not in ESSENTIAL_FROZEN:
            return None
        source = sources.get(name)
        if source is None:
            origname, is_package = entry
            filename, _ = host_bootstrap.FrozenImporter._resolve_filename(
                origname, name, is_package)
            source = sources[name] = filename if filename and os.path.isfile(filename) \
                else ""
        return entry + (source,) if source else None

    def is_frozen(name):
        return frozen(name) is not None

    def is_frozen_package(name):
        entry = frozen(name)
        if entry is None:
            raise ImportError("No such frozen object named %r" % name, name=name)
        return entry[1]

    def find_frozen(name, *, withdata=False):
        # (No marshalled data for withdata: pvm's code is not the host's marshal.)
        entry = frozen(name)
        return None if entry is None else (None, entry[1], entry[0])

    def get_frozen_object(name, data=None):
        entry = frozen(name)
        if entry is None:
            raise ImportError("No such frozen object named %r" % name, name=name)
        origname, _, source = entry
        guest_sys = system.sys
        return cache.load_or_compile(
            source, lambda text, filename: system.world.compile(text, filename, "exec"),
            optimize=system.world.optimize, dont_write_bytecode=guest_sys.dont_write_bytecode,
            pycache_prefix=guest_sys.pycache_prefix,
            filename="<frozen %s>" % origname.lstrip("<"))

    def init_frozen(name):
        if frozen(name) is None:
            return None
        bootstrap = system.bootstrap
        return system.call_importlib(bootstrap._load,
                                     bootstrap.FrozenImporter.find_spec(name))

    def _override_frozen_modules_for_tests(override):
        frozen_state["override"] = override

    def _fix_co_filename(code, path):
        if isinstance(code, Code):
            cache.fix_filename(code, path)
        else:
            host_imp._fix_co_filename(code, path)

    for function in (create_builtin, exec_builtin, create_dynamic, exec_dynamic,
                     is_frozen, is_frozen_package, find_frozen, get_frozen_object,
                     init_frozen, _override_frozen_modules_for_tests, _fix_co_filename):
        function.__module__ = "_imp"
        module.__dict__[function.__name__] = function
    return module
