"""pvm.compileall: the stdlib's compileall, writing the cache files pvm's importer reads.

The command is compared with ``python3 -m compileall``: each runs in its own
copy of the same tree (so that their cache files never meet; both are named by
the same relative paths), twice, the second run showing what is found up to
date.  The files written are then checked to be loaded by pvm's importer as
they are.
"""

import os
import pty
import re
import subprocess
import sys

import pytest

from pvm import cache
from pvm import compileall
from pvm import py_compile

from subprocesses import environment, run_python as run

TREE = {
    "tree/a.py": "x = 1\n",
    "tree/b.py": "import a\nimport pkg.sub.deep\nprint(a.x, pkg.y, pkg.sub.deep.z)\n",
    "tree/bad.py": "def f(:\n    pass\n",
    "tree/notes.txt": "not Python\n",
    "tree/pkg/__init__.py": "y = 2\n",
    "tree/pkg/sub/__init__.py": "",
    "tree/pkg/sub/deep.py": "z = 3\ndef fails():\n    return 1 / 0\n",
    "tree/skipme/s.py": "w = 4\n",
}
GOOD_SOURCES = sorted(name for name in TREE if name.endswith(".py") and "bad" not in name)


def write_tree(folder, files=TREE):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def both_twice(tmp_path, arguments, stdin=None):
    """[(first run, second run) of python3 -m compileall, the same of pvm.compileall],
    each in its own copy of the tree."""
    results = []
    for module in ("compileall", "pvm.compileall"):
        folder = tmp_path / module
        write_tree(folder)
        results.append([run(["-m", module, *arguments], folder, stdin) for _ in range(2)])
    return results


def cache_file(folder, name, optimization=""):
    return cache.cache_from_source(str(folder / name), optimization=optimization)


def load_cache(path):
    with open(path, "rb") as file:
        data = file.read()
    header = cache.read_header(data)
    assert header is not None
    code = cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:])
    assert code is not None
    return header, code


@pytest.mark.parametrize("arguments", [
    ["tree"],
    ["-q", "tree"],
    ["-qq", "tree"],
    ["-l", "tree"],
    ["-r", "1", "tree"],
    ["-l", "-r", "2", "tree"],
    ["-f", "tree"],
    ["-x", "skip", "tree"],
    ["-q", "-x", "bad", "tree"],
    ["-d", "/destination", "tree"],
    ["-s", "tree", "-p", "/prefix", "tree"],
    ["-b", "tree"],
    ["-o", "1", "-o", "2", "tree"],
    ["-o", "0", "-o", "1", "--hardlink-dupes", "tree"],
    ["--invalidation-mode", "checked-hash", "tree"],
    ["--invalidation-mode", "unchecked-hash", "-q", "tree"],
    ["--invalidation-mode", "timestamp", "tree"],
    ["tree/a.py", "tree/bad.py", "tree/pkg"],
    ["-q", "tree/bad.py"],
    ["no_such_folder"],
    ["-i", "no_such_list"],
    ["-i", "-"],
    ["-j", "2", "-q", "tree"],
    ["-o", "3", "tree/a.py"],      # a level the compiler refuses: an error per file
    # Usage errors: argparse's messages and status 2.
    ["-d", "x", "-s", "y", "tree"],
    ["--hardlink-dupes", "tree"],
    ["--invalidation-mode", "bogus", "tree"],
    ["-r"],
])
def test_command_like_cpython(tmp_path, arguments):
    stdin = "tree/a.py\ntree/pkg\n" if arguments == ["-i", "-"] else None
    expected, actual = both_twice(tmp_path, arguments, stdin)
    assert actual == expected


def test_workers_print_in_file_order(tmp_path):
    # With -j the stdlib's worker processes print as they go, so its lines come in
    # any order and may run together; pvm's workers hand their lines back and
    # the main process prints them in file order.  That is the stdlib's serial
    # output with the folder listings first (the walk is done before the work).
    write_tree(tmp_path / "serial")
    write_tree(tmp_path / "parallel")
    status, serial, error = run(["-m", "compileall", "tree"], tmp_path / "serial")
    lines = serial.splitlines(keepends=True)
    listings = [line for line in lines if line.startswith("Listing ")]
    others = [line for line in lines if not line.startswith("Listing ")]
    assert run(["-m", "pvm.compileall", "-j", "2", "tree"], tmp_path / "parallel") == \
        (status, "".join(listings + others), error)
    for name in GOOD_SOURCES:
        load_cache(cache_file(tmp_path / "parallel", name))


def test_syntax_error_reported_like_cpython(tmp_path):
    (expected, _), (actual, _) = both_twice(tmp_path, ["tree/bad.py"])
    assert actual == expected
    assert actual[0] == 1
    assert actual[1] == ("Compiling 'tree/bad.py'...\n"
                         "***   File \"tree/bad.py\", line 1\n"
                         "    def f(:\n"
                         "          ^\n"
                         "SyntaxError: invalid syntax\n\n")


def test_importer_loads_the_files_as_they_are(tmp_path):
    write_tree(tmp_path)
    assert run(["-m", "pvm.compileall", "-q", "-x", "bad", "tree"], tmp_path)[0] == 0
    written = {name: os.stat(cache_file(tmp_path, name)) for name in GOOD_SOURCES}
    expected = run(["-B", "b.py"], tmp_path / "tree")
    assert expected == (0, "1 2 3\n", "")
    assert run(["-m", "pvm", "b.py"], tmp_path / "tree") == expected
    # Not one rewritten (a rewrite renames a new file into place: a new inode).
    for name, before in written.items():
        after = os.stat(cache_file(tmp_path, name))
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), name


def test_force_rewrites_and_up_to_date_files_are_left(tmp_path):
    write_tree(tmp_path)
    target = cache_file(tmp_path, "tree/a.py")
    assert run(["-m", "pvm.compileall", "-q", "tree/a.py"], tmp_path)[0] == 0
    first = os.stat(target).st_ino
    assert run(["-m", "pvm.compileall", "tree/a.py"], tmp_path) == (0, "", "")
    assert os.stat(target).st_ino == first
    assert run(["-m", "pvm.compileall", "-f", "tree/a.py"], tmp_path) == \
        (0, "Compiling 'tree/a.py'...\n", "")
    assert os.stat(target).st_ino != first
    # A cache file damaged after the compile is not up to date.
    with open(target, "r+b") as file:
        file.write(b"\0\0\0\0")
    assert run(["-m", "pvm.compileall", "tree/a.py"], tmp_path) == \
        (0, "Compiling 'tree/a.py'...\n", "")
    load_cache(target)


@pytest.mark.parametrize("mode", ["timestamp", "checked-hash", "unchecked-hash"])
def test_invalidation_modes_are_what_the_importer_keeps(tmp_path, mode):
    write_tree(tmp_path)
    assert run(["-m", "pvm.compileall", "-q", "-x", "bad", "--invalidation-mode", mode,
                "tree"], tmp_path)[0] == 0
    target = cache_file(tmp_path, "tree/a.py")
    header, _ = load_cache(target)
    assert header.hash_based == (mode != "timestamp")
    assert header.check_source == (mode == "checked-hash")
    before = os.stat(target)
    assert run(["-m", "pvm", "b.py"], tmp_path / "tree") == (0, "1 2 3\n", "")
    after = os.stat(target)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_optimization_levels_and_destination_name(tmp_path):
    write_tree(tmp_path)
    assert run(["-m", "pvm.compileall", "-q", "-x", "bad", "-o", "0", "-o", "2",
                "-d", "/installed", "tree/pkg"], tmp_path)[0] == 0
    _, plain = load_cache(cache_file(tmp_path, "tree/pkg/sub/deep.py"))
    _, optimized = load_cache(cache_file(tmp_path, "tree/pkg/sub/deep.py", optimization=2))
    assert plain.co_filename == optimized.co_filename == "/installed/sub/deep.py"
    assert not os.path.exists(cache_file(tmp_path, "tree/pkg/sub/deep.py", optimization=1))


def test_legacy_files_load_without_their_source(tmp_path):
    # -b writes a.pyc beside a.py; with the source gone, the importer loads it
    # alone, as CPython loads its own legacy files.
    results = []
    for module, interpreter in (("compileall", []), ("pvm.compileall", ["-m", "pvm"])):
        folder = tmp_path / module
        write_tree(folder)
        assert run(["-m", module, "-q", "-b", "-x", "bad", "tree"], folder)[0] == 0
        for name in GOOD_SOURCES:
            os.unlink(folder / name)
        results.append(run([*interpreter, "-c", "import b; import pkg.sub.deep as d; "
                            "print(b.__file__.endswith('b.pyc')); d.fails()"],
                           folder / "tree"))
    assert results[1] == results[0]
    assert "ZeroDivisionError" in results[0][2]


def run_on_terminal(arguments, folder):
    """What the command writes when its output is a terminal (a pseudo-terminal here)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "pvm.compileall", *arguments],
                               cwd=folder, stdout=terminal, stderr=terminal,
                               stdin=subprocess.DEVNULL, env=environment())
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:         # the other end closed: Linux reports EIO
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    status = process.wait(timeout=300)
    # The terminal turns each "\n" into "\r\n"; what the program wrote had "\n".
    return status, output.decode().replace("\r\n", "\n")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_progress_line_on_a_terminal(tmp_path, workers):
    write_tree(tmp_path)
    status, output = run_on_terminal(["-j", workers, "tree"], tmp_path)
    assert status == 1
    # The progress line is rewritten after each of the 7 source files, and the
    # last one stays, ended by a newline.
    shown = re.findall(r"\rfiles: (\d+)/(\d+) done(?:, (\d+) failed)?", output)
    assert [done for done, _, _ in shown] == ["1", "2", "3", "4", "5", "6", "7"]
    assert {total for _, total, _ in shown} == {"7"}
    assert output.endswith("\rfiles: 7/7 done, 1 failed\n")
    # Without the progress line, what remains is the output sent to a pipe, with
    # the folders listed first: the total must be known before the first file.
    cleaned = re.sub(r"\rfiles: [^\r\n]*\r *\r", "", output)
    cleaned = re.sub(r"\rfiles: [^\r\n]*\n$", "", cleaned)
    piped_folder = tmp_path / "piped"
    write_tree(piped_folder)
    piped = run(["-m", "pvm.compileall", "-j", workers, "tree"], piped_folder)[1]
    lines = piped.splitlines(keepends=True)
    assert cleaned == "".join([line for line in lines if line.startswith("Listing ")]
                              + [line for line in lines if not line.startswith("Listing ")])


def test_no_progress_line_when_quiet_or_piped(tmp_path):
    write_tree(tmp_path)
    status, output = run_on_terminal(["-q", "tree"], tmp_path)
    assert status == 1
    assert "\r" not in output and "files:" not in output
    assert "\r" not in run(["-m", "pvm.compileall", "-f", "tree"], tmp_path)[1]


def test_functions(tmp_path, capsys):
    write_tree(tmp_path)
    folder = tmp_path / "tree"
    assert compileall.compile_dir(folder / "pkg", quiet=1) is True
    assert compileall.compile_dir(folder, quiet=2, workers=2) is False
    assert capsys.readouterr().out == ""
    assert compileall.compile_file(folder / "a.py", force=True, quiet=1,
                                   invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    assert load_cache(cache_file(tmp_path, "tree/a.py"))[0].hash_based
    assert compileall.compile_file(folder / "bad.py", quiet=1) is False
    assert capsys.readouterr().out.startswith(
        "*** Error compiling '%s'...\n  File \"%s\", line 1\n" % (folder / "bad.py",
                                                                 folder / "bad.py"))
    with pytest.raises(ValueError):
        compileall.compile_dir(folder, workers=-1)
    with pytest.raises(ValueError):
        compileall.compile_file(folder / "a.py", ddir="x", stripdir="y")


def test_compile_path(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path)
    monkeypatch.setattr(sys, "path", ["", str(tmp_path / "tree" / "pkg"),
                                      str(tmp_path / "tree")])
    # bad.py fails; the folders after it are still compiled.
    assert compileall.compile_path(quiet=1) is False
    assert capsys.readouterr().out.startswith("Skipping current directory\n")
    assert os.path.exists(cache_file(tmp_path, "tree/pkg/__init__.py"))
    assert os.path.exists(cache_file(tmp_path, "tree/a.py"))
    assert not os.path.exists(cache_file(tmp_path, "tree/pkg/sub/deep.py"))   # not deep
