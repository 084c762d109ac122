# Checks: a program's sys.path_hooks, sys.path_importer_cache and path entries: a hook serving a made-up entry (with its own finder and loader), the finder cached for the entry, None cached to skip an entry, a cache that is a dict subclass, and the traceback of a hook that raises something other than ImportError.
import importlib.abc
import importlib.util
import sys


class MemoryLoader(importlib.abc.Loader):
    def __init__(self, source):
        self.source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.source, module.__dict__)


class MemoryFinder(importlib.abc.MetaPathFinder):
    def __init__(self, entry, sources):
        self.entry = entry
        self.sources = sources

    def find_spec(self, name, target=None):
        print("finder of", self.entry, "asked for", name)
        source = self.sources.get(name)
        if source is None:
            return None
        return importlib.util.spec_from_loader(name, MemoryLoader(source))

    def __repr__(self):
        return "MemoryFinder(%r)" % self.entry


def memory_hook(entry):
    if not entry.startswith("memory:"):
        raise ImportError("not a memory entry")
    print("hook asked for", entry)
    return MemoryFinder(entry, {"greeting": "TEXT = 'hello from ' + __name__\n"})


sys.path_hooks.insert(0, memory_hook)
sys.path.insert(0, "memory:one")
import greeting  # noqa: E402

print(greeting.TEXT, greeting.__spec__.loader.__class__.__name__)
print("cached:", sys.path_importer_cache["memory:one"])
try:
    import not_in_memory  # noqa: F401
except ImportError as error:
    print("ImportError:", error)

# None cached for an entry: the path finder passes over it without asking the hooks.
sys.path.insert(0, "memory:skipped")
sys.path_importer_cache["memory:skipped"] = None
del sys.modules["greeting"]
import greeting  # noqa: E402,F811

print("imported again:", greeting.TEXT)


class LoggingCache(dict):
    def __getitem__(self, key):
        if isinstance(key, str) and key.startswith("memory:"):
            print("cache asked for", key)
        return super().__getitem__(key)


sys.path_importer_cache = LoggingCache(sys.path_importer_cache)
del sys.modules["greeting"]
import greeting  # noqa: E402,F811

print("with a logging cache:", greeting.TEXT)


def failing_hook(entry):
    if entry == "broken:":
        raise ValueError("the hook failed for " + entry)
    raise ImportError("not mine")


sys.path_hooks.insert(0, failing_hook)
sys.path.insert(0, "broken:")
import something_missing  # noqa: E402,F401
