"""pvm's import system (pvm/world/importer.py): CPython's importlib run on pvm.

Differential where the behaviour is CPython's: the same program, in the same
temporary folder, run by ``python3`` and by ``python3 -m pvm`` gives the same
output and exit status.  Where pvm differs by design (its cache tag, the
modules it takes from the host), the expected values come from pvm's design and
are said so.
"""

import os
import re
import sys
import textwrap

import pytest

from subprocesses import LAUNCHER, run


def write_files(folder, files):
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write(textwrap.dedent(text))


def both(folder, arguments, **extra):
    """(CPython's result, pvm's result) of running ``arguments`` in ``folder``."""
    expected = run([sys.executable, "-B", *arguments], folder, **extra)
    actual = run([sys.executable, "-m", "pvm", "-B", *arguments], folder, **extra)
    return expected, actual


PACKAGE = {
    "pkg/__init__.py": "from .inner import value\n",
    "pkg/inner.py": "value = 42\n",
    "pkg/__main__.py": "import sys\nprint('pkg main', __name__, __package__, sys.argv[1:])\n",
    "pkg/tool.py": "print('tool', __name__, __spec__.name)\nraise SystemExit(3)\n",
    "broken.py": "x = 1\n1 / 0\n",
    "importer_of_broken.py": "import broken\n",
    "cycle_a.py": "from cycle_b import b\na = 1\n",
    "cycle_b.py": "from cycle_a import a\nb = 2\n",
    "uses_cycle.py": "import cycle_a\n",
    "import_module_missing.py": "import importlib\nimportlib.import_module('no_such_module')\n",
}


@pytest.mark.parametrize("arguments", [
    ["-m", "pkg", "one", "two"],
    ["-m", "pkg.tool"],
    ["-m", "no_such_module"],
    ["-m", "pkg.inner.nothing"],
    ["importer_of_broken.py"],            # the traceback runs through the imported module
    ["uses_cycle.py"],                    # the partially initialised module message
    ["import_module_missing.py"],         # importlib's frames are kept here, as CPython's
    ["-c", "import pkg, sys; print(pkg.value, sys.modules['pkg.inner'].__name__)"],
    ["-c", "import os.path as p, collections.abc; print(p.__name__, collections.abc.__name__)"],
    ["-c", "from pkg import nothing"],
    ["-c", "import pkg.nothing"],
    ["-c", "from . import x"],
    ["-c", "__import__('')"],
    ["-W", "error", "-c", "import warnings; warnings.warn('as an error')"],
    ["-W", "ignore::DeprecationWarning", "-c", "import sys; print(sys.warnoptions)"],
])
def test_like_cpython(tmp_path, arguments):
    write_files(tmp_path, PACKAGE)
    expected, actual = both(tmp_path, arguments)
    # -m error lines name the interpreter's sys.executable: python's, and pvm's launcher.
    status, stdout, stderr = actual
    assert (status, stdout, stderr.replace(LAUNCHER, sys.executable)) == expected


FROZEN_PROBE = """
import sys, _imp
import os, runpy, zipimport, importlib.util, __hello__, __phello__.spam
for name in ("os", "os.path", "posixpath", "site", "zipimport", "runpy", "importlib.util",
             "__hello__", "__phello__", "__phello__.spam"):
    module = sys.modules[name]
    spec = module.__spec__
    print(name, spec.name, spec.origin, spec.loader, spec.cached, spec.has_location,
          getattr(spec, "loader_state", None), spec.submodule_search_locations,
          module.__file__, vars(module).get("__cached__", "-"))
print([(name, _imp.is_frozen(name), _imp.find_frozen(name))
       for name in ("os", "os.path", "__phello__", "__phello__.__init__", "zipimport",
                    "json", "nowhere")])
print(os.__loader__.get_source("os") is None, os.__loader__.is_package("os"))
try:
    os.environ["PVM_NO_SUCH_VARIABLE"]
except KeyError:
    import traceback
    traceback.print_exc(file=sys.stdout)
for attempt in (lambda: _imp.is_frozen_package("__phello__"),
                lambda: _imp.get_frozen_object("__hello_alias__").co_filename,
                lambda: _imp.get_frozen_object("json"), lambda: _imp.is_frozen_package("x")):
    try:
        print(attempt())
    except ImportError as error:
        print(repr(error), error.name)
"""


@pytest.mark.parametrize("options", [[], ["-X", "frozen_modules=off"], ["-X", "frozen_modules"]])
def test_frozen_modules_like_cpython(tmp_path, options):
    # The modules CPython freezes are frozen for the guest too: found before sys.path
    # (a local os.py does not shadow os), specs of origin "frozen", code naming
    # "<frozen os>" (a traceback through it shows no source line); -X frozen_modules=off
    # loads them from their files, zipimport aside.
    write_files(tmp_path, {"os.py": "raise SystemExit('the local os.py ran')\n"})
    expected, actual = both(tmp_path, options + ["-c", FROZEN_PROBE])
    assert expected[0] == 0

    def comparable(result):
        # (Loaded from files, they differ by the cache tag, pvm's by design, and the
        # loaders' addresses.)
        status, output, error = result
        output = re.sub(r" at 0x[0-9a-f]+>", ">", output.replace(".pvm-311.", ".cpython-311."))
        return status, output, error
    assert comparable(actual) == comparable(expected)


def test_override_frozen_modules_for_tests(tmp_path):
    # test.support's import_helper.frozen_modules() switches them per import.
    program = textwrap.dedent("""
        import _imp, sys
        _imp._override_frozen_modules_for_tests(-1)
        import runpy
        print(runpy.__spec__.origin == "frozen", _imp.is_frozen("runpy"), _imp.is_frozen("zipimport"))
        del sys.modules["runpy"]
        _imp._override_frozen_modules_for_tests(1)
        import runpy
        print(runpy.__spec__.origin)
    """)
    expected, actual = both(tmp_path, ["-X", "frozen_modules=off", "-c", program])
    assert expected == (0, "False False True\nfrozen\n", "")
    assert actual == expected


def test_cache_files_have_pvms_tag(tmp_path):
    write_files(tmp_path, {"main.py": "import helper\nprint(helper.x)\n",
                           "helper.py": "x = 'from helper'\n"})
    for _ in range(2):    # cold (compiles, writes), then warm (loads)
        status, output, error = run([sys.executable, "-m", "pvm", "main.py"], tmp_path)
        assert (status, output, error) == (0, "from helper\n", "")
    assert os.listdir(tmp_path / "__pycache__") == ["helper.pvm-311.pyc"]


def test_optimized_cache_names(tmp_path):
    write_files(tmp_path, {"main.py": "import helper\n", "helper.py": "assert False\n"})
    assert run([sys.executable, "-m", "pvm", "-OO", "main.py"], tmp_path)[0] == 0
    assert os.listdir(tmp_path / "__pycache__") == ["helper.pvm-311.opt-2.pyc"]


def test_implementation_and_cache_from_source(tmp_path):
    status, output, _ = run([sys.executable, "-m", "pvm", "-c", textwrap.dedent("""
        import sys, importlib.util
        print(sys.implementation.name, sys.implementation.cache_tag)
        print(importlib.util.cache_from_source('/a/b.py'))
        print(importlib.util.source_from_cache('/a/__pycache__/b.pvm-311.pyc'))
    """)], tmp_path)
    assert status == 0
    assert output.splitlines() == ["pvm pvm-311", "/a/__pycache__/b.pvm-311.pyc", "/a/b.py"]


def test_accelerators_that_mix_worlds_are_hidden_or_replaced(tmp_path):
    # pvm's design: the C _elementtree would import the host's xml.etree modules, so
    # the guest does without it; the C _pickle would look modules up in the host's
    # sys.modules, so the guest gets pvm's _pickle (pvm/world/guest), made of pickle's classes.
    status, output, _ = run([sys.executable, "-m", "pvm", "-c", textwrap.dedent("""
        try:
            import _elementtree
        except ModuleNotFoundError as error:
            print(error)
        import _pickle, os, pickle
        print(_pickle.__file__.endswith(os.path.join("pvm", "world", "guest", "_pickle.py")))
        print(pickle.Pickler is _pickle.Pickler, issubclass(pickle.Pickler, pickle._Pickler),
              pickle.PicklingError is _pickle.PicklingError)
        print(pickle.loads(pickle.dumps([1, 2.5, None])))
    """)], tmp_path)
    assert status == 0
    assert output.splitlines() == ["No module named '_elementtree'", "True", "True True True",
                                   "[1, 2.5, None]"]


def test_modules_c_code_raises_from_are_shared(tmp_path):
    # The C _json raises json.decoder.JSONDecodeError of the host's json.decoder;
    # the guest's json.decoder is that module, so the guest's except clause catches it.
    status, output, _ = run([sys.executable, "-m", "pvm", "-c", textwrap.dedent("""
        import json
        try:
            json.loads('{"a": }')
        except json.JSONDecodeError as error:
            print("caught", error.msg, error.pos)
    """)], tmp_path)
    assert (status, output) == (0, "caught Expecting value 6\n")


def test_modules_without_source_are_guest_copies(tmp_path):
    # math is the host's C module; the guest gets its own module object with the
    # guest importlib's spec, and the host's math is left as it was.
    status, output, error = run([sys.executable, "-m", "pvm", "-c", textwrap.dedent("""
        import math, sys
        print(type(math.__spec__.loader).__module__, math.__spec__.name, math.sqrt(16))
    """)], tmp_path)
    assert (status, error) == (0, "")
    assert output == "_frozen_importlib_external math 4.0\n"


def test_host_modules_option(tmp_path):
    status, output, _ = run([sys.executable, "-m", "pvm", "-X", "host-modules=textwrap", "-c",
                             "import textwrap; print(type(textwrap.dedent).__module__)"],
                            tmp_path)
    # A host module's functions are host functions; pvm's own are pvm.engine.objects.Function.
    assert (status, output) == (0, "builtins\n")


def test_main_module_loader(tmp_path):
    write_files(tmp_path, {"main.py": "print(type(__loader__).__name__, __spec__, __file__)\n"})
    expected, actual = both(tmp_path, ["main.py"])
    assert actual == expected


def test_host_run_functions_are_the_compiled_sources():
    """The importlib functions pvm runs as host code (HOST_RUN) are the host's frozen
    code of the very sources pvm compiles for the guest, and each is taken."""
    import importlib
    import types

    from pvm.world import importer

    def code_by_qualified_name(code, found):
        for constant in code.co_consts:
            if isinstance(constant, types.CodeType):
                found.setdefault(constant.co_qualname, []).append(constant)
                code_by_qualified_name(constant, found)
        return found

    for module_name, host_module, short_name, filename in (
            ("_frozen_importlib", importer.host_bootstrap, "_bootstrap",
             importer.BOOTSTRAP_FILENAME),
            ("_frozen_importlib_external", importer.host_external, "_bootstrap_external",
             importer.EXTERNAL_FILENAME)):
        path = os.path.join(os.path.dirname(importlib.__file__), short_name + ".py")
        with open(path, encoding="utf-8") as file:
            compiled = code_by_qualified_name(compile(file.read(), filename, "exec"), {})
        for qualified_name in importer.HOST_RUN[module_name]:
            owner = host_module
            for part in qualified_name.split("."):
                owner = vars(owner)[part] if isinstance(owner, type) else getattr(owner, part)
            function = getattr(owner, "__func__", None) or getattr(owner, "fget", owner)
            # (By the code's own qualified name: _relax_case is made by _make_relax_case.)
            code = function.__code__
            assert code in compiled[code.co_qualname], qualified_name


def test_host_run_functions_in_the_guest(tmp_path):
    """The guest's importlib holds them as host functions (not of the guest's function
    type), in its own namespace; the others are guest functions."""
    program = ("import importlib._bootstrap_external as external\n"
               "guest_function = type(lambda: None)\n"
               "finder = external.FileFinder.find_spec\n"
               "print(type(finder) is guest_function, finder.__globals__ is vars(external))\n"
               "print(type(external.PathFinder._get_spec.__func__) is guest_function)\n")
    result = run([sys.executable, "-m", "pvm", "-c", program], tmp_path)
    assert result == (0, "False True\nTrue\n", "")


def test_pvm_runs_pvm(tmp_path):
    """A guest program that builds a world of its own: the inner pvm finds the guest's
    importlib functions, whose code is the outer pvm's host code, and keeps them guest
    code (host functions of them cannot be made from inside the guest).  Both print
    what the program prints when python3 runs it."""
    program = ("import pvm\n"
               "world = pvm.World()\n"
               "print(world.eval('sum(range(10)) * 2'))\n"
               "world.run('import json; print(json.dumps({\"a\": [1, 2]}))')\n")
    expected = run([sys.executable, "-c", program], tmp_path)
    assert expected[0] == 0, expected
    assert run([sys.executable, "-m", "pvm", "-c", program], tmp_path) == expected
