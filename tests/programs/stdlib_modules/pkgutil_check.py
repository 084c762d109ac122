# Checks: pkgutil: iter_modules/walk_packages over a package made in a temp dir, get_data, resolve_name, extend_path.
import os
import pkgutil
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    package = os.path.join(folder, "demo_pkg")
    os.makedirs(os.path.join(package, "sub"))
    for relative, text in (("__init__.py", "VALUE = 1\n"), ("alpha.py", "NAME = 'alpha'\n"),
                           ("sub/__init__.py", ""), ("sub/beta.py", "NAME = 'beta'\n"), ("resource.txt", "payload\n")):
        with open(os.path.join(package, relative), "w") as file:
            file.write(text)
    print(sorted((module.name, module.ispkg) for module in pkgutil.iter_modules([folder])))
    sys.path.insert(0, folder)
    try:
        import demo_pkg
        print(sorted((module.name, module.ispkg) for module in pkgutil.iter_modules(demo_pkg.__path__, "demo_pkg.")))
        print(sorted(module.name for module in pkgutil.walk_packages(demo_pkg.__path__, "demo_pkg.")))
        print(pkgutil.get_data("demo_pkg", "resource.txt"))
        print(pkgutil.resolve_name("demo_pkg.sub.beta:NAME"), pkgutil.resolve_name("demo_pkg.alpha").NAME)
        print(pkgutil.extend_path(["x"], "not_a_package"))
    finally:
        sys.path.remove(folder)
print(pkgutil.resolve_name("os.path:join")("a", "b"), pkgutil.resolve_name("collections.abc.Mapping").__name__)
try:
    pkgutil.resolve_name("no_such_module_pvm:thing")
except ImportError as error:
    print(type(error).__name__, error)
try:
    pkgutil.resolve_name("os:no_such_attribute")
except AttributeError as error:
    print("AttributeError:", error)
print(pkgutil.ModuleInfo._fields, "json" in {module.name for module in pkgutil.iter_modules()})
