# Checks: at shutdown, objects in sys.modules that are not modules (six's lazy loaders), or
# modules whose class reads its globals in __getattr__, are left alone: clearing modules
# reads no attribute through guest code, whose globals may be None by then.
import sys
import types

helper = types.ModuleType("helper")
exec('''
import types

PREFIX = "lazy."


class LazyLoader:
    def __getattribute__(self, name):
        return PREFIX + name


class LazyModule(types.ModuleType):
    def __getattr__(self, name):
        return PREFIX + name

    @property
    def __dict__(self):
        return {"dict": PREFIX + "dict"}
''', helper.__dict__)

# Registered before the module that defines their classes: cleared after it, and kept
# alive until then (sys is never cleared).
loader = sys.modules["lazy_loader"] = helper.LazyLoader()
lazy_module = sys.modules["lazy_module"] = helper.LazyModule("lazy_module")
sys.modules["helper"] = helper
sys.lazy_objects = (loader, lazy_module, helper)
print(sys.modules["lazy_loader"].anything, lazy_module.missing, lazy_module.__dict__)
