# Checks: the search of sys.meta_path as a program changes what takes part in it: a finder of its own last or first on meta_path (what sys._getframe shows calling it), a namespace package, entries on sys.path that are not str, the path importer cache emptied, FileFinder's and PathFinder's find_spec replaced, a subclass of PathFinder, a path hook that fails under a finder of the program's, module_from_spec with a loader of the program's, importlib.util.find_spec, a null byte in a name, a tracer's view of the search, and the traceback of a finder that raises.
import importlib.util
import sys
import traceback
from importlib.machinery import FileFinder, PathFinder


def callers(depth):
    frame = sys._getframe(depth + 1)
    names = []
    while frame is not None and len(names) < 3:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


class WatchingFinder:
    def __init__(self, label):
        self.label = label

    def find_spec(self, name, path=None, target=None):
        if name.startswith(("search_", "plain_")):
            print(self.label, "finder asked for", name, "by", callers(1))
        return None


def import_again(name):
    sys.modules.pop(name, None)
    return __import__(name)


# Last on meta_path: the path finder finds the helper first; a missing module reaches it.
last = WatchingFinder("last")
sys.meta_path.append(last)
try:
    import search_missing_one  # noqa: F401
except ModuleNotFoundError as error:
    print("ModuleNotFoundError:", error)
print("helper:", import_again("plain_helper").VALUE)
sys.meta_path.remove(last)

# First on meta_path: asked before any other.
first = WatchingFinder("first")
sys.meta_path.insert(0, first)
print("helper:", import_again("plain_helper").VALUE)
sys.meta_path.remove(first)

# A folder with no __init__.py: a namespace package.
import spaced_package.portion_module  # noqa: E402

print(spaced_package.portion_module.VALUE)
print("namespace path:", type(spaced_package.__path__).__name__,
      "origin:", spaced_package.__spec__.origin, "file:", getattr(spaced_package, "__file__", None))

# Entries the path finder passes over.
sys.path.insert(0, 42)
sys.path.insert(0, b"bytes entry")
print("helper:", import_again("plain_helper").VALUE)
try:
    import search_missing_two  # noqa: F401
except ModuleNotFoundError as error:
    print("ModuleNotFoundError:", error)
del sys.path[:2]

# An empty cache: the path hooks make the finders again.
sys.path_importer_cache.clear()
print("helper:", import_again("plain_helper").VALUE)
print("finders cached:", sorted({type(finder).__name__ for finder in sys.path_importer_cache.values()}))

# FileFinder's find_spec replaced: the path finder calls the program's.
original_file_find_spec = FileFinder.find_spec


def logged_file_find_spec(self, fullname, target=None):
    if fullname == "plain_helper":
        print("FileFinder.find_spec for", fullname, "called by", callers(1)[0])
    return original_file_find_spec(self, fullname, target)


FileFinder.find_spec = logged_file_find_spec
print("helper:", import_again("plain_helper").VALUE)
FileFinder.find_spec = original_file_find_spec

# PathFinder's find_spec replaced.
original_path_find_spec = PathFinder.__dict__["find_spec"]


def logged_path_find_spec(cls, fullname, path=None, target=None):
    if fullname == "plain_helper":
        print("PathFinder.find_spec for", fullname, "called by", callers(1)[0])
    return original_path_find_spec.__func__(cls, fullname, path, target)


PathFinder.find_spec = classmethod(logged_path_find_spec)
print("helper:", import_again("plain_helper").VALUE)
PathFinder.find_spec = original_path_find_spec

# importlib.util.find_spec searches without importing.
print("spec of a missing module:", importlib.util.find_spec("search_missing_three"))
spec = importlib.util.find_spec("plain_helper")
print("spec:", spec.name, type(spec.loader).__name__, "plain_helper" in sys.modules)
del sys.modules["plain_helper"]
spec = importlib.util.find_spec("plain_helper")
print("spec:", spec.name, type(spec.loader).__name__, "plain_helper" in sys.modules)

try:
    __import__("search_\0null")
except ModuleNotFoundError as error:
    print("ModuleNotFoundError:", repr(error.name))

# A subclass of the path finder first on meta_path: its own _get_spec is asked.
class LoggingPathFinder(PathFinder):
    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        print("LoggingPathFinder._get_spec for", fullname, "called by", callers(1)[0])
        return super()._get_spec(fullname, path, target)


sys.meta_path.insert(0, LoggingPathFinder)
print("helper:", import_again("plain_helper").VALUE)
sys.meta_path.remove(LoggingPathFinder)

# A finder of the program's first, then a path hook of the program's that fails: the
# path finder, asked by importlib's _find_spec, calls the hook from importlib's frames.
sys.meta_path.insert(0, first)


def failing_hook(entry):
    if entry == "failing:entry":
        raise ValueError("no finder for " + entry)
    raise ImportError("not mine")


sys.path_hooks.insert(0, failing_hook)
sys.path.append("failing:entry")
try:
    import search_missing_six  # noqa: F401
except ValueError as error:
    entries = traceback.extract_tb(error.__traceback__)
    print("ValueError:", error, [entry.name for entry in entries])
sys.path.remove("failing:entry")
sys.path_hooks.remove(failing_hook)
sys.meta_path.remove(first)

# Loaders' create_module: a subclass of the source loader's, and module_from_spec.
from importlib.machinery import SourceFileLoader  # noqa: E402


class LoggingLoader(SourceFileLoader):
    def create_module(self, spec):
        print("create_module for", spec.name, "called by", callers(1)[0])
        return None


helper_path = importlib.util.find_spec("plain_helper").origin
spec = importlib.util.spec_from_file_location("plain_copy", helper_path,
                                              loader=LoggingLoader("plain_copy", helper_path))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print("copy:", module.VALUE, module.__name__, type(module.__loader__).__name__,
      module.__cached__ == spec.cached)
spec = importlib.util.spec_from_file_location("plain_second", helper_path)
module = importlib.util.module_from_spec(spec)
print("second:", module.__name__, module.__file__ == helper_path, hasattr(module, "VALUE"))

# A tracer sees importlib's functions search.
seen = set()


def tracer(frame, event, argument):
    if event == "call" and frame.f_code.co_filename.startswith("<frozen importlib"):
        seen.add(frame.f_code.co_name)


sys.settrace(tracer)
try:
    import search_missing_four  # noqa: F401
except ModuleNotFoundError:
    pass
sys.settrace(None)
print("traced:", sorted(seen & {"_find_and_load", "_find_spec", "_get_spec",
                                "_path_importer_cache", "find_spec"}))


class RaisingFinder:
    def find_spec(self, name, path=None, target=None):
        raise ValueError("cannot search for " + name)


sys.meta_path.append(RaisingFinder())
import search_missing_five  # noqa: E402,F401
