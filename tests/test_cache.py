"""The bytecode cache (pvm/cache.py) under damage, staleness and the switches that
turn it off or move it.

Each test builds a small program in a temporary folder, runs it under pvm with
the cache in some state, and checks two things: the program's output is
python3's (the oracle: the same program run by ``python3`` on the same source),
and afterwards the cache file is a whole, valid pvm cache file for the source
(or, where nothing may be written, that nothing was).
"""

import importlib.util
import marshal
import os
import py_compile as host_py_compile
import subprocess
import sys
import textwrap

import pytest

from pvm import cache
from pvm import py_compile

from subprocesses import REPOSITORY_FOLDER, environment, run

MAIN = textwrap.dedent("""\
    import helper
    print(helper.describe())
""")

# Two versions of the helper with the same size (a staleness only the mtime shows)
# and a third of another size.
HELPER_FIRST = textwrap.dedent("""\
    class Counter:
        def __init__(self, start):
            self.value = start

        def steps(self, count):
            for _ in range(count):
                self.value += 1
                yield self.value

    def describe():
        counter = Counter(10)
        return "first " + repr(list(counter.steps(3))) + " " + repr({n: n * n for n in (1, 2)})
""")
HELPER_SECOND = HELPER_FIRST.replace("first ", "other ").replace("Counter(10)", "Counter(70)")
HELPER_LONGER = HELPER_FIRST.replace('"first "', '"a longer version "')
assert len(HELPER_SECOND) == len(HELPER_FIRST) != len(HELPER_LONGER)


def run_pvm(folder, *options, **extra):
    return run([sys.executable, "-m", "pvm", *options, "main.py"], folder, **extra)


def run_python3(folder, *options, **extra):
    return run([sys.executable, *options, "main.py"], folder, **extra)


def expected_output(folder):
    """python3's result for the program as its source is now, with no cache involved."""
    return run_python3(folder, "-B")


def write_program(folder, helper_source=HELPER_FIRST):
    (folder / "main.py").write_text(MAIN)
    write_helper(folder, helper_source)


def write_helper(folder, source, mtime=None):
    path = folder / "helper.py"
    path.write_text(source)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def pvm_cache_path(folder):
    return cache.cache_from_source(str(folder / "helper.py"), optimization="")


def assert_valid_pvm_cache(cache_path, source_path, filename=None):
    """The file at ``cache_path`` is a whole pvm cache file, up to date with the
    source, whose code is the source's (compiled as ``filename``, by default the
    source's path); no temporary file is left beside it."""
    with open(cache_path, "rb") as file:
        data = file.read()
    header = cache.read_header(data)
    assert header is not None, "not a pvm cache file: %r" % data[:16]
    source_stat = os.stat(source_path)

    def read_source():
        with open(source_path, "rb") as file:
            return file.read()
    assert cache.is_fresh(header, source_stat.st_mtime, source_stat.st_size, read_source)
    code = cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:])
    assert code is not None, "the payload does not load"
    assert code.co_filename == (filename or str(source_path))
    assert not [name for name in os.listdir(os.path.dirname(cache_path))
                if name.endswith(".tmp")]
    return header


def primed_program(folder):
    """The program, run once under pvm so that its helper's cache file exists."""
    write_program(folder)
    assert run_pvm(folder) == expected_output(folder)
    assert_valid_pvm_cache(pvm_cache_path(folder), folder / "helper.py")
    return pvm_cache_path(folder)


def test_fresh_cache_is_loaded_not_rewritten(tmp_path):
    cache_path = primed_program(tmp_path)
    before = os.stat(cache_path)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    after = os.stat(cache_path)
    # A rewrite is a rename of a new file: another inode.
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# -- a stale cache is compiled again --------------------------------------------------------

def test_stale_mtime_same_size(tmp_path):
    cache_path = primed_program(tmp_path)
    old_mtime = os.stat(tmp_path / "helper.py").st_mtime
    write_helper(tmp_path, HELPER_SECOND, mtime=old_mtime + 10)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert "other" in expected_output(tmp_path)[1]
    assert_valid_pvm_cache(cache_path, tmp_path / "helper.py")


def test_stale_size_same_mtime(tmp_path):
    cache_path = primed_program(tmp_path)
    old_mtime = os.stat(tmp_path / "helper.py").st_mtime
    write_helper(tmp_path, HELPER_LONGER, mtime=old_mtime)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert "longer" in expected_output(tmp_path)[1]
    assert_valid_pvm_cache(cache_path, tmp_path / "helper.py")


# -- a damaged cache is compiled again and rewritten -------------------------------------------

def _payload_half(data):
    return data[:cache.HEADER_SIZE + (len(data) - cache.HEADER_SIZE) // 2]


def _changed_code(change):
    """Damage that keeps the payload a well-formed code tuple: ``change`` edits the
    module code's fields (a list), and the payload is marshalled again."""
    def damage(data):
        body_start = cache.HEADER_SIZE + 4
        fields = list(marshal.loads(data[body_start:]))
        change(fields)
        return data[:body_start] + marshal.dumps(tuple(fields))
    return damage


def _names_emptied(fields):
    fields[8] = ()


def _instruction_bytes_changed(fields):
    fields[5] = bytes([0xFF]) * len(fields[5])


def _nested_code_cut_short(fields):
    consts = list(fields[6])
    index = fields[7][0]
    nested = list(consts[index])
    nested[5] = nested[5][:1]
    consts[index] = tuple(nested)
    fields[6] = tuple(consts)


def _a_field_of_another_type(fields):
    fields[9] = None


DAMAGES = {
    "empty": lambda data: b"",
    "eight_bytes": lambda data: data[:8],
    "header_only": lambda data: data[:cache.HEADER_SIZE],
    "half_payload": _payload_half,
    "last_byte_missing": lambda data: data[:-1],
    "cpython_magic": lambda data: importlib.util.MAGIC_NUMBER + data[4:],
    "garbage_payload": lambda data: data[:cache.HEADER_SIZE] + bytes(range(256)) * 4,
    "payload_not_a_code": lambda data: data[:cache.HEADER_SIZE] + marshal.dumps("text"),
    "garbage_file": lambda data: b"this is no cache file\n" * 20,
    "unknown_flag_bits": lambda data: data[:4] + (0b100).to_bytes(4, "little") + data[8:],
    "checksum_changed": lambda data: (data[:cache.HEADER_SIZE] + bytes([data[16] ^ 1])
                                      + data[cache.HEADER_SIZE + 1:]),
    # The payload of a code object, with contents pvm did not write.
    "names_emptied": _changed_code(_names_emptied),
    "instruction_bytes_changed": _changed_code(_instruction_bytes_changed),
    "nested_code_cut_short": _changed_code(_nested_code_cut_short),
    "a_field_of_another_type": _changed_code(_a_field_of_another_type),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_cache_is_compiled_again(tmp_path, damage):
    # CPython also recovers from a damaged header; a damaged body after a good
    # header fails CPython's import (EOFError, "bad marshal data") where pvm,
    # by design, compiles again.  The right output is the program's, either way.
    cache_path = primed_program(tmp_path)
    with open(cache_path, "rb") as file:
        data = file.read()
    damaged = DAMAGES[damage](data)
    with open(cache_path, "wb") as file:
        file.write(damaged)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert_valid_pvm_cache(cache_path, tmp_path / "helper.py")
    with open(cache_path, "rb") as file:
        assert file.read() != damaged


def test_cpython_cache_file_under_pvms_name(tmp_path):
    write_program(tmp_path)
    cache_path = pvm_cache_path(tmp_path)
    host_py_compile.compile(str(tmp_path / "helper.py"), cfile=cache_path, doraise=True)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert_valid_pvm_cache(cache_path, tmp_path / "helper.py")


def test_damaged_cache_of_importlibs_own_modules(tmp_path):
    # pvm's start-up loads the guest's importlib through pvm.cache.load_or_compile,
    # not through importlib: damage that path's cache file too.
    write_program(tmp_path)
    prefix = tmp_path / "prefix"
    assert run_pvm(tmp_path, PYTHONPYCACHEPREFIX=str(prefix)) == expected_output(tmp_path)
    bootstrap_source = os.path.join(os.path.dirname(importlib.__file__), "_bootstrap.py")
    bootstrap_cache = cache.cache_from_source(bootstrap_source, optimization="",
                                              pycache_prefix=str(prefix))
    with open(bootstrap_cache, "rb") as file:
        data = file.read()
    with open(bootstrap_cache, "wb") as file:
        file.write(_payload_half(data))
    assert run_pvm(tmp_path, PYTHONPYCACHEPREFIX=str(prefix)) == expected_output(tmp_path)
    assert_valid_pvm_cache(bootstrap_cache, bootstrap_source,
                           filename="<frozen importlib._bootstrap>")


# -- PEP 552 hash-based cache files ------------------------------------------------------------

def test_checked_hash_cache_follows_the_source(tmp_path):
    write_program(tmp_path)
    source_path = tmp_path / "helper.py"
    cache_path = py_compile.compile(
        str(source_path), invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    assert cache_path == pvm_cache_path(tmp_path)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    # An edit that keeps mtime and size: only the hash can tell.
    old_mtime = os.stat(source_path).st_mtime
    write_helper(tmp_path, HELPER_SECOND, mtime=old_mtime)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert "other" in expected_output(tmp_path)[1]
    header = assert_valid_pvm_cache(cache_path, source_path)
    # Rewritten in the mode it had, as CPython's importlib does.
    assert (header.hash_based, header.check_source) == (True, True)


@pytest.mark.parametrize("check_option", [[], ["--check-hash-based-pycs", "default"],
                                          ["--check-hash-based-pycs", "always"],
                                          ["--check-hash-based-pycs", "never"]])
@pytest.mark.parametrize("mode", ["CHECKED_HASH", "UNCHECKED_HASH"])
def test_hash_cache_after_an_edit_like_cpython(tmp_path, mode, check_option):
    # CPython trusts an unchecked hash-based file without reading the source, so
    # an edit is not seen; --check-hash-based-pycs overrides the file's flag.
    # Both interpreters get their own cache file made in the same mode, then the
    # same edit.
    write_program(tmp_path)
    source_path = tmp_path / "helper.py"
    invalidation_mode = py_compile.PycInvalidationMode[mode]
    host_py_compile.compile(str(source_path), doraise=True, invalidation_mode=invalidation_mode)
    cache_path = py_compile.compile(str(source_path), doraise=True,
                                    invalidation_mode=invalidation_mode)
    write_helper(tmp_path, HELPER_SECOND)
    with open(cache_path, "rb") as file:
        before = file.read()
    expected = run([sys.executable, *check_option, "main.py"], tmp_path)
    actual = run([sys.executable, *check_option, "-m", "pvm", "main.py"], tmp_path)
    assert actual == expected
    with open(cache_path, "rb") as file:
        after = file.read()
    header = cache.read_header(after)
    assert (header.hash_based, header.check_source) == (True, mode == "CHECKED_HASH")
    if "other" in expected[1]:     # the edit was seen: the file follows the source
        assert_valid_pvm_cache(cache_path, source_path)
    else:                          # the file was trusted: left exactly as it was
        assert after == before
        assert cache.code_from_payload(memoryview(after)[cache.HEADER_SIZE:]) is not None


# -- where the cache cannot be written --------------------------------------------------------

def test_pycache_is_a_plain_file(tmp_path):
    write_program(tmp_path)
    (tmp_path / "__pycache__").write_text("not a folder\n")
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert (tmp_path / "__pycache__").read_text() == "not a folder\n"


def test_cache_path_is_a_folder(tmp_path):
    write_program(tmp_path)
    cache_path = pvm_cache_path(tmp_path)
    os.makedirs(cache_path)
    assert run_pvm(tmp_path) == expected_output(tmp_path)
    assert os.listdir(cache_path) == []
    assert os.listdir(tmp_path / "__pycache__") == [os.path.basename(cache_path)]


@pytest.mark.parametrize("with_stale_cache", [False, True])
def test_read_only_folder(tmp_path, with_stale_cache):
    if os.geteuid() == 0:
        pytest.skip("the superuser writes into read-only folders; the plain-file and "
                    "folder variants above cover unwritable caches")
    program = tmp_path / "program"
    program.mkdir()
    if with_stale_cache:
        cache_path = primed_program(program)
        write_helper(program, HELPER_LONGER)
        os.chmod(program / "__pycache__", 0o555)
    else:
        write_program(program)
        os.chmod(program, 0o555)
    try:
        assert run_pvm(program) == expected_output(program)
        if with_stale_cache:
            assert os.listdir(program / "__pycache__") == [os.path.basename(cache_path)]
        else:
            assert not (program / "__pycache__").exists()
    finally:
        os.chmod(program, 0o755)
        if with_stale_cache:
            os.chmod(program / "__pycache__", 0o755)


# -- switches: no cache, or a cache elsewhere -------------------------------------------------

DONT_WRITE = {
    "-B": (["-B"], {}),
    "PYTHONDONTWRITEBYTECODE": ([], {"PYTHONDONTWRITEBYTECODE": "1"}),
    "sys.dont_write_bytecode": ([], {}),
}


@pytest.mark.parametrize("switch", sorted(DONT_WRITE))
def test_no_cache_written(tmp_path, switch):
    options, variables = DONT_WRITE[switch]
    write_program(tmp_path)
    if switch == "sys.dont_write_bytecode":
        (tmp_path / "main.py").write_text("import sys\nsys.dont_write_bytecode = True\n" + MAIN)
    expected = run_python3(tmp_path, *options, **variables)
    assert not (tmp_path / "__pycache__").exists()
    assert run_pvm(tmp_path, *options, **variables) == expected
    assert not (tmp_path / "__pycache__").exists()


@pytest.mark.parametrize("how", ["PYTHONPYCACHEPREFIX", "-X pycache_prefix"])
def test_pycache_prefix(tmp_path, how):
    program = tmp_path / "program"
    program.mkdir()
    write_program(program)
    prefix = tmp_path / "prefix"
    if how == "PYTHONPYCACHEPREFIX":
        options, variables = [], {"PYTHONPYCACHEPREFIX": str(prefix)}
    else:
        options, variables = ["-X", "pycache_prefix=" + str(prefix)], {}
    expected = run_python3(program, *options, **variables)
    assert run_pvm(program, *options, **variables) == expected
    assert not (program / "__pycache__").exists()
    # Beside CPython's own file, under the source's absolute folder below the prefix.
    cpython_cache = importlib.util.cache_from_source(str(program / "helper.py"))
    pvm_cache = os.path.join(str(prefix) + str(program), "helper.pvm-311.pyc")
    assert os.path.exists(os.path.join(str(prefix) + str(program),
                                       os.path.basename(cpython_cache)))
    assert pvm_cache == cache.cache_from_source(str(program / "helper.py"), optimization="",
                                                pycache_prefix=str(prefix))
    assert_valid_pvm_cache(pvm_cache, program / "helper.py")


# -- many processes at once --------------------------------------------------------------------

def test_concurrent_imports_of_edited_modules(tmp_path):
    # The small version of scripts/cache_stress.py (8 x 50 there): pvm processes
    # import modules whose sources change every round, while a checker reads every
    # cache file it sees; every answer must be python3's and no file partial.
    result = subprocess.run(
        [sys.executable, os.path.join(REPOSITORY_FOLDER, "scripts", "cache_stress.py"),
         "--processes", "2", "--rounds", "5", "--folder", str(tmp_path)],
        capture_output=True, text=True, env=environment(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("2 pvm processes x 5 rounds: 10 answers (each from importing "
                        "4 modules), 0 wrong")
    assert lines[1].endswith(" 0 partial")
    assert lines[2] == "left behind: 0 temporary files; final cache files stale or damaged: 0"
    assert lines[3].startswith("PASSED")
