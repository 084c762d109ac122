"""pvm keeps the code of the main programs it compiled (pvm.world.programs): run as a user
runs pvm, with the cache folder of each test its own (XDG_CACHE_HOME, or -X
pycache_prefix)."""

import os

from pvm import cache, compile as pvm_compile
from pvm.world import programs
from tests.subprocesses import run_python


def kept_programs(cache_home):
    folder = os.path.join(cache_home, "pvm", "programs")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def run_pvm(arguments, folder, cache_home, **extra):
    return run_python(["-m", "pvm", *arguments], folder, XDG_CACHE_HOME=str(cache_home),
                      **extra)


def test_a_command_is_kept_and_its_second_run_reads_it(tmp_path):
    command = "print(sum(range(10)))"
    first = run_pvm(["-c", command], tmp_path, tmp_path)
    assert first == run_python(["-c", command], tmp_path) == (0, "45\n", "")
    assert len(kept_programs(tmp_path)) == 1
    # The kept file is what the second run executes: replace its code by another
    # program's, under the same key, and the second run prints what that one prints.
    place = os.path.join(tmp_path, "pvm", "programs")
    program_key = programs.key(command + "\n", "<string>", 0)
    other = pvm_compile("print('read from the kept file')\n", "<string>", "exec")
    path = os.path.join(place, kept_programs(tmp_path)[0])
    with open(path, "wb") as file:
        file.write(cache.code_to_hash_pyc(other, cache.source_hash(program_key)))
    assert run_pvm(["-c", command], tmp_path, tmp_path) == (0, "read from the kept file\n", "")


def test_a_script_is_kept_by_its_contents(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import sys\nprint(sys.argv[1:])\n")
    expected = run_python([str(script), "a"], tmp_path)
    assert run_pvm([str(script), "a"], tmp_path, tmp_path) == expected
    assert run_pvm([str(script), "a"], tmp_path, tmp_path) == expected
    assert len(kept_programs(tmp_path)) == 1
    script.write_text("import sys\nprint('changed', sys.argv[1:])\n")
    assert run_pvm([str(script), "b"], tmp_path, tmp_path) == run_python([str(script), "b"],
                                                                          tmp_path)
    assert len(kept_programs(tmp_path)) == 2


def test_a_program_whose_compilation_warns_warns_every_run_and_is_not_kept(tmp_path):
    command = "x = 5\nprint(x is 5)"
    expected = run_python(["-c", command], tmp_path)
    assert "SyntaxWarning" in expected[2]
    assert run_pvm(["-c", command], tmp_path, tmp_path) == expected
    assert run_pvm(["-c", command], tmp_path, tmp_path) == expected
    assert kept_programs(tmp_path) == []


def test_dont_write_bytecode_keeps_nothing(tmp_path):
    assert run_pvm(["-B", "-c", "print(1)"], tmp_path, tmp_path) == (0, "1\n", "")
    assert run_pvm(["-c", "print(2)"], tmp_path, tmp_path, PYTHONDONTWRITEBYTECODE="1") \
        == (0, "2\n", "")
    assert kept_programs(tmp_path) == []


def test_pycache_prefix_holds_the_programs(tmp_path):
    prefix = tmp_path / "prefix"
    assert run_pvm(["-X", "pycache_prefix=%s" % prefix, "-c", "print(3)"], tmp_path,
                   tmp_path) == (0, "3\n", "")
    assert len(os.listdir(prefix / "pvm-programs")) == 1
    assert kept_programs(tmp_path) == []


def test_a_damaged_file_is_compiled_again(tmp_path):
    command = "print('whole')"
    run_pvm(["-c", command], tmp_path, tmp_path)
    (name,) = kept_programs(tmp_path)
    path = os.path.join(tmp_path, "pvm", "programs", name)
    for damage in (b"", b"not a cache file at all", open(path, "rb").read()[:20]):
        with open(path, "wb") as file:
            file.write(damage)
        assert run_pvm(["-c", command], tmp_path, tmp_path) == (0, "whole\n", "")


def test_text_compiled_at_run_time_is_kept_apart(tmp_path):
    program = ("import collections\n"
               "Point = collections.namedtuple('Point', 'x y')\n"
               "print(eval('Point(1, 2)'))\n"
               "exec('def f(a):\\n    return a * 2\\nprint(f(21))')\n")
    expected = run_python(["-S", "-c", program], tmp_path)
    assert expected == (0, "Point(x=1, y=2)\n42\n", "")
    strings = os.path.join(tmp_path, "pvm", "strings")
    assert run_pvm(["-S", "-c", program], tmp_path, tmp_path) == expected
    kept = sorted(os.listdir(strings))
    # namedtuple's __new__, the eval and the exec: each kept, apart from the program.
    assert len(kept) == 3
    assert len(kept_programs(tmp_path)) == 1
    assert run_pvm(["-S", "-c", program], tmp_path, tmp_path) == expected
    assert sorted(os.listdir(strings)) == kept


def test_syntax_trees_and_errors_of_compile_are_what_they_were(tmp_path):
    program = ("import ast\n"
               "tree = compile('x = 1', '<t>', 'exec', ast.PyCF_ONLY_AST)\n"
               "print(type(tree).__name__, ast.dump(tree))\n"
               "code = compile(tree, '<t>', 'exec')\n"
               "print(type(code).__name__)\n"
               "for bad in [('1 +', 'eval'), ('x', 'nonsense')]:\n"
               "    try:\n"
               "        compile(bad[0], '<t>', bad[1])\n"
               "    except (SyntaxError, ValueError) as error:\n"
               "        print(type(error).__name__, error)\n")
    expected = run_python(["-c", program], tmp_path)
    for _ in range(2):
        assert run_pvm(["-c", program], tmp_path, tmp_path) == expected


def test_syntax_errors_are_reported_each_run(tmp_path):
    command = "print(1"
    expected = run_python(["-c", command], tmp_path)
    for _ in range(2):
        assert run_pvm(["-c", command], tmp_path, tmp_path) == expected
    assert kept_programs(tmp_path) == []


def test_the_folder_keeps_at_most_KEPT_programs(tmp_path, monkeypatch):
    monkeypatch.setattr(programs, "KEPT", 3)
    place = str(tmp_path / "programs")
    code = pvm_compile("pass\n", "<string>", "exec")
    keys = [programs.key("x = %d\n" % number, "<string>", 0) for number in range(6)]
    for number, program_key in enumerate(keys):
        programs.write(place, program_key, code)
        # Modification times one second apart, in the order written.
        os.utime(programs._path(place, program_key), (number, number))
    # The fourth write found four files and kept the newest two (three quarters of
    # KEPT), the fifth made three, the sixth four again: the newest two are left.
    assert len(os.listdir(place)) == 2
    assert [programs.read(place, program_key, "<string>") is not None
            for program_key in keys] == [False, False, False, False, True, True]


def test_text_compiled_under_a_future_import_is_kept_apart(tmp_path):
    # The same text, compiled by exec in a module with and without a future import
    # that changes its code: each run gets the code its flags make.
    text = "exec('def f(x: int) -> str: pass\\nprint(f.__annotations__)')\n"
    with_future = tmp_path / "with_future.py"
    with_future.write_text("from __future__ import annotations\n" + text)
    without = tmp_path / "without.py"
    without.write_text(text)
    for script in (with_future, without, with_future, without):
        assert run_pvm([str(script)], tmp_path, tmp_path) == run_python([str(script)], tmp_path)
