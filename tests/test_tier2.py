"""Tier 2 (-X tier=2): numeric functions compiled to machine code through LLVM.

Each program runs under python3 and under pvm with every function compiled at its first
call (-X jit-threshold=0); the outputs must be the same, and pvm's -X jit-log must say
the functions named were compiled (so a test cannot pass by tier 2 quietly stepping
aside).  The edge cases are those where machine code must leave to tier 0 at the exact
instruction: an int past 64 bits, a division by zero, an index out of range, the
recursion limit, a global rebound.
"""

import subprocess
import sys
import textwrap

import pytest

from subprocesses import environment

llvmlite = pytest.importorskip(
    "llvmlite", reason="tier 2 needs llvmlite; .ci/run installs it (pip install -e .[llvm])")

TIER2 = ["-X", "tier=2", "-X", "jit-threshold=0", "-X", "jit-log"]


def _pvm(*arguments, **extra):
    return subprocess.run([sys.executable, "-m", "pvm", *arguments], capture_output=True,
                          text=True, env=environment(**extra), timeout=300)


def _run_both(tmp_path, source):
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent(source))
    expected = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                              env=environment())
    result = _pvm(*TIER2, str(program))
    assert result.stdout == expected.stdout, result.stderr[-3000:]
    assert result.returncode == expected.returncode
    return result.stderr


def _compiled(log):
    prefix = "pvm tier 2: compiled "
    return {line[len(prefix):].split(" in ")[0] for line in log.splitlines()
            if line.startswith(prefix)}


def test_float_loops_and_math(tmp_path):
    log = _run_both(tmp_path, """
        import math
        def kernel(n, step):
            total = 0.0
            for i in range(n):
                x = i * step
                if x > 3:
                    total += math.sqrt(x) * math.sin(x) - math.log(x + 1.0)
                elif x > 1:
                    total -= x ** 1.5
                else:
                    total += abs(-x) / 3
            return total
        print(kernel(1000, 0.01), kernel(10, 0.5), kernel(0, 1.0))
    """)
    assert "kernel(int, float)" in _compiled(log)


def test_int_overflow_leaves_machine_code_for_a_big_int(tmp_path):
    log = _run_both(tmp_path, """
        def power_sum(base, n):
            total = 0
            value = 1
            for i in range(n):
                value = value * base
                total += value
            return total
        print(power_sum(3, 10), power_sum(3, 100), power_sum(-7, 60))
        def negate(x):
            return -x
        print(negate(5), negate(-2**63))
        def shift(x, n):
            return x << n
        print(shift(1, 62), shift(1, 63), shift(3, 100))
        def square(x):
            return x ** 2 + x ** 0
        print(square(3), square(2**40))
    """)
    assert {"power_sum(int, int)", "negate(int)", "shift(int, int)"} <= _compiled(log)


def test_division_by_zero_raises_at_the_right_line(tmp_path):
    log = _run_both(tmp_path, """
        import traceback
        def ratio(a, b):
            scaled = a * 2
            return scaled // b + scaled % b
        def fratio(a, b):
            return a / b
        print(ratio(7, 2), ratio(-7, 2), ratio(7, -2))
        for call in (lambda: ratio(1, 0), lambda: fratio(1.0, 0.0), lambda: ratio(-2**63, -1)):
            try:
                print(call())
            except ZeroDivisionError:
                traceback.print_exc(file=__import__("sys").stdout)
    """)
    assert "ratio(int, int)" in _compiled(log)


def test_float_modulo_floor_division_and_powers_are_cpythons(tmp_path):
    log = _run_both(tmp_path, """
        def ops(a, b):
            return (a % b, a // b, a ** b if a > 0 else 0.0)
        values = [5.5, -5.5, 0.0, -0.0, 1e308, 2.0, -3.0, 0.1, 7.0]
        for a in values:
            for b in values:
                try:
                    print(a, b, ops(a, b))
                except (ZeroDivisionError, OverflowError) as error:
                    print(a, b, type(error).__name__, error)
        def power(a, b):
            return a ** b
        for a, b in ((-8.0, 3.0), (-8.0, 2.0), (-0.0, 3.0), (0.0, 0.0), (2.0, -1.0)):
            print(power(a, b))
        for a, b in ((0.0, -1.0), (-8.0, 0.5), (10.0, 400.0)):
            try:
                print(power(a, b))
            except (ZeroDivisionError, OverflowError) as error:
                print(type(error).__name__, error)
    """)
    assert {"ops(float, float)", "power(float, float)"} <= _compiled(log)


def test_comparisons_of_ints_and_floats_are_exact(tmp_path):
    log = _run_both(tmp_path, """
        def same(a, b):
            return a == b, a < b, a != b
        print(same(2**53 + 1, float(2**53)), same(3, 3.0), same(1, float("nan")))
    """)
    assert "same(int, float)" in _compiled(log)


def test_lists_are_read_written_and_seen_by_the_caller(tmp_path):
    log = _run_both(tmp_path, """
        def sieve(n):
            flags = [True] * n
            count = 0
            for i in range(2, n):
                if flags[i]:
                    count += 1
                    for j in range(i * i, n, i):
                        flags[j] = False
            return count
        def scale(xs, k):
            for i in range(len(xs)):
                xs[i] = xs[i] * k
            return xs
        def grow(n):
            out = [1]
            for i in range(n):
                out.append(out[-1] * 3)
            return out
        def first(xs, i):
            return xs[i] + xs[-1]
        print(sieve(1000))
        ys = [1.0, 2.5, -3.0]
        print(scale(ys, 2.0) is ys, ys)
        print(grow(5), grow(60)[-1])
        print(first([1, 2, 3], 0))
        try:
            first([1, 2, 3], 7)
        except IndexError as error:
            print("IndexError", error)
    """)
    assert {"sieve(int)", "scale(list[float], float)", "grow(int)"} <= _compiled(log)


def test_recursion_and_the_recursion_limit(tmp_path):
    log = _run_both(tmp_path, """
        import sys
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(20))
        def depth(n):
            if n == 0:
                return 0
            return depth(n - 1) + 1
        sys.setrecursionlimit(200)
        print(depth(100))
        try:
            depth(10000)
        except RecursionError as error:
            print("RecursionError", error)
    """)
    assert {"fib(int)", "depth(int)"} <= _compiled(log)


def test_a_global_rebound_is_seen(tmp_path):
    log = _run_both(tmp_path, """
        import math
        SCALE = 2.0
        def scaled(x):
            total = 0.0
            for i in range(3):
                total += math.floor(x * SCALE)
            return total
        print(scaled(1.25))
        SCALE = 10.0
        print(scaled(1.25))
        math.floor = lambda value: -1
        print(scaled(1.25))
    """)
    assert "scaled(float)" in _compiled(log)


def test_tuples_and_bools(tmp_path):
    log = _run_both(tmp_path, """
        def divmod_pair(a, b):
            q, r = a // b, a % b
            return q, r, q * b + r == a
        def flags(a, b):
            return (a and b) + (a or b), a & b, a ^ b, not a
        print(divmod_pair(17, 5), divmod_pair(-17, 5))
        print(flags(True, False), flags(True, True))
    """)
    assert "divmod_pair(int, int)" in _compiled(log)


def test_without_llvmlite_tier_2_says_why(tmp_path):
    program = tmp_path / "program.py"
    program.write_text("print(sum(range(10)))\n")
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "llvmlite.py").write_text("raise ImportError('not installed here')\n")
    # Found first on the host's path: an llvmlite that cannot be imported.
    result = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, %r); "
                             "import runpy; runpy.run_module('pvm', run_name='__main__')"
                             % str(hidden), "-X", "tier=2", str(program)],
                            capture_output=True, text=True, env=environment())
    assert result.stdout == "45\n"
    assert "-X tier=2 is off" in result.stderr and "pip install pvm[llvm]" in result.stderr


def test_a_callee_leaving_machine_code_brings_its_callers_frames(tmp_path):
    log = _run_both(tmp_path, """
        import traceback
        def bump(xs, i, k):
            xs[i] = xs[i] * k
            return xs[i]
        def outer(xs, n, k):
            total = 0
            for i in range(n):
                total += bump(xs, i % len(xs), k)
            return total
        xs = [1, 2, 3]
        print(outer(xs, 5, 2), xs)
        print(outer(xs, 200, 3), xs[0] > 2**64)      # bump overflows, deep in the loop
        try:
            outer(xs, 10, 2)
            outer([1.5], 3, 2)
            outer([1, 2], 5, 0)
            outer([1, 2], 3, 2)
            bump([1], 4, 1)
        except IndexError:
            traceback.print_exc(file=__import__("sys").stdout)
        def chain(xs, n):
            return outer(xs, n, 2) + 1
        try:
            chain([1, 2], 9)
            chain([], 1)
        except ZeroDivisionError:
            traceback.print_exc(file=__import__("sys").stdout)
    """)
    assert {"outer(list[int], int, int)", "chain(list[int], int)"} <= _compiled(log)
    assert "left machine code" in log


def test_compiled_code_keeps_no_module_alive_past_its_end(tmp_path):
    # The dispatcher holds what it checks weakly: a strong reference to the module's
    # functions would keep its namespace, and the objects in it unfinalized, at exit.
    log = _run_both(tmp_path, """
        SCALE = 3
        class Noisy:
            def __init__(self, name):
                self.name = name
            def __del__(self):
                print("finalising", self.name)
        def helper(x):
            return x * SCALE
        def kernel(n):
            total = 0
            for i in range(n):
                total += helper(i)
            return total
        keep = Noisy("at exit")
        print(kernel(10))
    """)
    assert "kernel(int)" in _compiled(log)


def test_jit_show_prints_the_ssa_after_each_pass_the_llvm_ir_and_the_assembly(tmp_path):
    program = tmp_path / "program.py"
    program.write_text("def kernel(n):\n    total = 0.0\n    for i in range(n):\n"
                       "        total += i * 0.5\n    return total\nprint(kernel(10))\n")
    result = _pvm("-X", "tier=2", "-X", "jit-show=kernel", str(program))
    assert result.stdout == "22.5\n"
    text = result.stderr
    for heading in ("## SSA", "## LLVM IR", "## assembly"):
        assert heading in text
    assert "; after infer_types" in text and "; after hoist_invariants" in text
    assert "function kernel(%n: int)" in text
    assert "define" in text and "fadd double" in text


def test_a_second_run_reads_the_machine_code_from_the_cache(tmp_path):
    program = tmp_path / "program.py"
    program.write_text("def kernel(n):\n    total = 0\n    for i in range(n):\n"
                       "        total += i * i\n    return total\nprint(kernel(100))\n")
    first = _pvm("-X", "tier=2", "-X", "jit-log", str(program))
    second = _pvm("-X", "tier=2", "-X", "jit-log", str(program))
    assert first.stdout == second.stdout == "328350\n"
    (line,) = [line for line in first.stderr.splitlines() if "compiled kernel" in line]
    assert "read from the cache" not in line
    (line,) = [line for line in second.stderr.splitlines() if "compiled kernel" in line]
    assert "(machine code read from the cache)" in line
    assert list((tmp_path / "__pycache__" / "pvm-tier2").glob("*.o"))
    # -B writes nothing.
    other = tmp_path / "other"
    other.mkdir()
    (other / "program.py").write_text(program.read_text())
    _pvm("-B", "-X", "tier=2", str(other / "program.py"))
    assert not (other / "__pycache__").exists()


def test_an_unbound_local_is_left_to_tier_0(tmp_path):
    log = _run_both(tmp_path, """
        import traceback
        def unbound():
            something = 3
            print(somethong)
            somethong = 3
        try:
            unbound()
        except UnboundLocalError:
            traceback.print_exc(file=__import__("sys").stdout)
    """)
    assert "not compiled unbound(): a local read where it may be unbound" in log
