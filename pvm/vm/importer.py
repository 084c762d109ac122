"""Import, for now: the one place that finds, compiles and runs modules for a guest.

Modules with Python source on the guest's ``sys.path`` are compiled by pvm and
run on the interpreter, each once, into the interpreter's own modules table.
Modules without Python source (built into the host, or C extensions) are the
host's.  The full import system and the ``__pycache__`` cache replace this
module in the next issue.
"""

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import types

_SOURCE_SUFFIX = ".py"

# C accelerators that import Python modules from the host's own table: with them
# the guest would mix two copies of one module (two CancelledError classes, two
# numbers.Number ABCs).  The guest does without them and uses the pure-Python
# fallback that each module has.
MIXED_WORLD_ACCELERATORS = frozenset({"_json", "_pickle", "_elementtree", "_warnings"})

# Modules the guest shares with the host, because a host C module that the guest
# uses raises or checks their classes: the C _asyncio raises the host's
# CancelledError, which the guest's ``except asyncio.CancelledError`` must catch.
SHARED_WITH_HOST = frozenset({"asyncio.exceptions"})


class PvmLoader:
    """The ``__loader__`` of a module pvm compiled: gives its source back."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def get_source(self, fullname=None):
        with open(self.path, "rb") as file:
            data = file.read()
        return importlib.util.decode_source(data)

    def get_filename(self, fullname=None):
        return self.path

    def is_package(self, fullname=None):
        return os.path.basename(self.path) == "__init__.py"

    def __repr__(self):
        return "<pvm loader %r>" % self.name


class Importer:
    def __init__(self, interpreter):
        self.interpreter = interpreter
        self.modules = interpreter.modules

    # -- the __import__ protocol ------------------------------------------------------

    def import_(self, name, globals_=None, fromlist=(), level=0):
        if not isinstance(name, str):
            raise TypeError("module name must be str, not %s" % type(name).__name__)
        if level < 0:
            raise ValueError("level must be >= 0")
        if level > 0:
            package = _package_of(globals_)
            absolute = _resolve_name(name, package, level)
        else:
            if not name:
                raise ValueError("Empty module name")
            absolute = name
        module = self.import_absolute(absolute)
        if not fromlist:
            if level == 0:
                return self.modules[absolute.partition(".")[0]]
            if not name:
                return module
            # "from . import" aside, a relative "import a.b" binds the first part.
            cut_off = len(name) - len(name.partition(".")[0])
            return self.modules[module.__name__[:len(module.__name__) - cut_off]]
        if hasattr(module, "__path__"):
            for item in fromlist:
                if item == "*":
                    for inner in getattr(module, "__all__", ()):
                        self._import_submodule_quietly(module, inner)
                elif not hasattr(module, item):
                    self._import_submodule_quietly(module, item)
        return module

    def _import_submodule_quietly(self, module, item):
        full = module.__name__ + "." + item
        try:
            self.import_absolute(full)
        except ModuleNotFoundError as error:
            if error.name != full:
                raise

    def import_absolute(self, name):
        module = self.modules.get(name)
        if module is not None:
            return module
        parent_name, _, short = name.rpartition(".")
        if parent_name:
            parent = self.import_absolute(parent_name)
            module = self.modules.get(name)
            if module is not None:
                return module
            search_path = getattr(parent, "__path__", None)
            if search_path is None:
                raise ModuleNotFoundError(
                    "No module named '%s'; '%s' is not a package" % (name, parent_name),
                    name=name)
        else:
            search_path = self.interpreter.sys.path
        module = self.load(name, search_path)
        if parent_name:
            setattr(self.modules[parent_name], short, module)
        if name == "importlib":
            self._route_importlib_to_pvm(module)
        return module

    def _route_importlib_to_pvm(self, importlib_module):
        """importlib's import_module and reload go through the host's frozen machinery
        (``_frozen_importlib``), which would import into the host's table and run
        modules on the host; the guest's go through this importer instead."""
        importer = self

        def import_module(name, package=None):
            level = 0
            if name.startswith("."):
                if not package:
                    raise TypeError("the 'package' argument is required to perform a "
                                    "relative import for %r" % name)
                level = len(name) - len(name.lstrip("."))
            if level:
                absolute = _resolve_name(name[level:], package, level)
            else:
                absolute = name
            return importer.import_absolute(absolute)

        def reload(module):
            name = getattr(getattr(module, "__spec__", None), "name", None) \
                or getattr(module, "__name__", None)
            if not isinstance(name, str):
                raise TypeError("reload() argument must be a module")
            if importer.modules.get(name) is not module:
                raise ImportError("module %s not in sys.modules" % name, name=name)
            path = getattr(module, "__file__", None)
            if path is None or not path.endswith(_SOURCE_SUFFIX):
                return module
            with open(path, "rb") as file:
                source = file.read()
            code = importer.interpreter.compile(source, path, "exec")
            importer.interpreter.run_code(code, module.__dict__)
            return importer.modules[name]

        import_module.__module__ = reload.__module__ = "importlib"
        importlib_module.import_module = import_module
        importlib_module.reload = reload

    # -- finding and loading --------------------------------------------------------------

    def load(self, name, search_path):
        short = name.rpartition(".")[2]
        if name in MIXED_WORLD_ACCELERATORS:
            raise ModuleNotFoundError("No module named '%s'" % name, name=name)
        if name in sys.builtin_module_names or name in SHARED_WITH_HOST:
            return self.load_from_host(name)
        for folder in search_path:
            if not isinstance(folder, str):
                continue
            folder = folder or os.getcwd()
            package_init = os.path.join(folder, short, "__init__.py")
            if os.path.isfile(package_init):
                return self.load_source(name, package_init, is_package=True)
            module_file = os.path.join(folder, short + _SOURCE_SUFFIX)
            if os.path.isfile(module_file):
                return self.load_source(name, module_file, is_package=False)
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                if os.path.isfile(os.path.join(folder, short + suffix)):
                    return self.load_from_host(name)
            if os.path.isdir(os.path.join(folder, short)) and not any(
                    os.path.isfile(os.path.join(folder, short + suffix))
                    for suffix in importlib.machinery.all_suffixes()):
                return self.load_namespace_package(name, os.path.join(folder, short))
        if name in sys.modules and getattr(sys.modules[name], "__file__", None) is None:
            return self.load_from_host(name)
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin in ("frozen", "built-in"):
            return self.load_from_host(name)
        raise ModuleNotFoundError("No module named '%s'" % name, name=name)

    def load_from_host(self, name):
        module = importlib.import_module(name)
        self.modules[name] = module
        return module

    def load_namespace_package(self, name, folder):
        module = types.ModuleType(name)
        module.__path__ = [folder]
        module.__package__ = name
        module.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        module.__spec__.submodule_search_locations = [folder]
        self.modules[name] = module
        return module

    def load_source(self, name, path, is_package):
        interpreter = self.interpreter
        with open(path, "rb") as file:
            source = file.read()
        code = interpreter.compile(source, path, "exec")
        module = types.ModuleType(name)
        loader = PvmLoader(name, path)
        spec = importlib.machinery.ModuleSpec(name, loader, origin=path, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(path)]
            module.__path__ = [os.path.dirname(path)]
        module.__file__ = path
        module.__loader__ = loader
        module.__spec__ = spec
        module.__package__ = name if is_package else name.rpartition(".")[0]
        module.__builtins__ = interpreter.builtins
        module.__cached__ = None
        self.modules[name] = module
        spec._initializing = True
        try:
            interpreter.run_code(code, module.__dict__)
        except BaseException:
            self.modules.pop(name, None)
            raise
        finally:
            spec._initializing = False
        return self.modules[name]


def _package_of(globals_):
    if not globals_:
        raise ImportError("attempted relative import with no known parent package")
    package = globals_.get("__package__")
    if package is None:
        spec = globals_.get("__spec__")
        if spec is not None:
            package = spec.parent
        else:
            package = globals_.get("__name__", "")
            if "__path__" not in globals_:
                package = package.rpartition(".")[0]
    if not package:
        raise ImportError("attempted relative import with no known parent package")
    return package


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return "%s.%s" % (base, name) if name else base
