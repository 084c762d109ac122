"""pvm.py_compile: the stdlib's py_compile interface, writing pvm cache files.

The command line is compared with ``python3 -m py_compile`` on the same files
(output, error messages, exit status); the files written are checked to be pvm
cache files that pvm's import system then loads.
"""

import os

import pytest

from pvm import cache
from pvm import py_compile

from subprocesses import run_python as run

SOURCES = {
    "good.py": "def twice(x):\n    return 2 * x\nvalue = twice(21)\n",
    "other.py": "import good\nprint(good.value)\n",
    "unclosed.py": "x = (1,\n",
    "bad_statement.py": "def f(:\n    pass\n",
    "bad_indent.py": "if 1:\n    a\n  b\n",
    "tab_error.py": "if 1:\n        a\n\tb\n",
    "bad_escape_warning.py": "x = '\\d'\n",
    "not_utf8.py": "x = 'caf\udce9'\n",
}


def write_sources(folder):
    for name, text in SOURCES.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))


def both(folder, arguments, stdin=None):
    """(python3 -m py_compile's result, python3 -m pvm.py_compile's result)."""
    return (run(["-m", "py_compile", *arguments], folder, stdin),
            run(["-m", "pvm.py_compile", *arguments], folder, stdin))


@pytest.mark.parametrize("arguments", [
    ["good.py"],
    ["good.py", "other.py"],
    ["unclosed.py"],
    ["bad_statement.py"],
    ["bad_indent.py"],              # not a plain SyntaxError: the "Sorry:" format
    ["tab_error.py"],
    ["not_utf8.py"],
    ["bad_escape_warning.py"],      # compiled, with the compiler's warning on stderr
    ["good.py", "unclosed.py", "other.py"],   # stops at the first failure
    ["no_such_file.py"],
    ["-q", "unclosed.py"],
    ["-q", "no_such_file.py"],
    ["--quiet", "good.py"],
    [],
    ["-z", "good.py"],
])
def test_command_like_cpython(tmp_path, arguments):
    write_sources(tmp_path)
    expected, actual = both(tmp_path, arguments)
    assert actual == expected


def test_names_from_stdin(tmp_path):
    write_sources(tmp_path)
    names = "good.py\nother.py\nunclosed.py\n"
    expected, actual = both(tmp_path, ["-"], stdin=names)
    assert actual == expected
    assert sorted(name for name in os.listdir(tmp_path / "__pycache__") if "pvm" in name) == \
        ["good.pvm-311.pyc", "other.pvm-311.pyc"]


def read_header(path):
    with open(path, "rb") as file:
        data = file.read()
    assert cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:]) is not None
    return cache.read_header(data)


def test_compile_writes_what_the_importer_reads(tmp_path):
    write_sources(tmp_path)
    cache_path = py_compile.compile(str(tmp_path / "good.py"), doraise=True)
    assert cache_path == cache.cache_from_source(str(tmp_path / "good.py"), optimization="")
    header = read_header(cache_path)
    source_stat = os.stat(tmp_path / "good.py")
    assert not header.hash_based
    assert (header.mtime, header.source_size) == (int(source_stat.st_mtime),
                                                  source_stat.st_size)
    # The importer loads it as it is: the file is not replaced.
    inode = os.stat(cache_path).st_ino
    assert run(["-m", "pvm", "other.py"], tmp_path) == (0, "42\n", "")
    assert os.stat(cache_path).st_ino == inode


@pytest.mark.parametrize("mode", list(py_compile.PycInvalidationMode))
def test_invalidation_modes(tmp_path, mode):
    write_sources(tmp_path)
    cache_path = py_compile.compile(str(tmp_path / "good.py"), doraise=True,
                                    invalidation_mode=mode)
    header = read_header(cache_path)
    assert header.hash_based == (mode != py_compile.PycInvalidationMode.TIMESTAMP)
    assert header.check_source == (mode == py_compile.PycInvalidationMode.CHECKED_HASH)
    if header.hash_based:
        assert header.source_hash == cache.source_hash((tmp_path / "good.py").read_bytes())


def test_source_date_epoch_means_checked_hash(tmp_path, monkeypatch):
    write_sources(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    header = read_header(py_compile.compile(str(tmp_path / "good.py"), doraise=True))
    assert (header.hash_based, header.check_source) == (True, True)


@pytest.mark.parametrize("optimize, name", [(0, "good.pvm-311.pyc"),
                                            (1, "good.pvm-311.opt-1.pyc"),
                                            (2, "good.pvm-311.opt-2.pyc")])
def test_optimize_levels_name_the_file(tmp_path, optimize, name):
    write_sources(tmp_path)
    cache_path = py_compile.compile(str(tmp_path / "good.py"), doraise=True, optimize=optimize)
    assert os.path.basename(cache_path) == name


def test_cfile_and_dfile(tmp_path):
    write_sources(tmp_path)
    target = tmp_path / "out" / "elsewhere.pyc"
    assert py_compile.compile(str(tmp_path / "good.py"), cfile=str(target),
                              dfile="shown/name.py", doraise=True) == str(target)
    with open(target, "rb") as file:
        code = cache.code_from_payload(memoryview(file.read())[cache.HEADER_SIZE:])
    assert code.co_filename == "shown/name.py"


def test_errors_without_doraise(tmp_path, capsys):
    write_sources(tmp_path)
    assert py_compile.compile(str(tmp_path / "unclosed.py")) is None
    assert "SyntaxError: '(' was never closed" in capsys.readouterr().err
    assert py_compile.compile(str(tmp_path / "unclosed.py"), quiet=2) is None
    assert capsys.readouterr().err == ""
    with pytest.raises(py_compile.PyCompileError) as raised:
        py_compile.compile(str(tmp_path / "unclosed.py"), dfile="shown.py", doraise=True)
    assert raised.value.exc_type_name == "SyntaxError"
    assert 'File "shown.py", line 1' in raised.value.msg


def test_refuses_to_replace_a_link(tmp_path):
    write_sources(tmp_path)
    link = tmp_path / "link.pyc"
    link.symlink_to(tmp_path / "target.pyc")
    with pytest.raises(FileExistsError, match="is a symlink"):
        py_compile.compile(str(tmp_path / "good.py"), cfile=str(link))
    with pytest.raises(FileExistsError, match="non-regular file"):
        py_compile.compile(str(tmp_path / "good.py"), cfile=str(tmp_path))
