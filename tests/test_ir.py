"""pvm.ir: the SSA form built from pvm bytecode, its types and its passes.

The form has no CPython oracle; what is checked is what makes it SSA (each value
defined once, in a block that dominates each use; each phi with one input per
predecessor) on every function of several standard-library modules, and what each
pass promises, on functions written for it.
"""

import math
import os
import subprocess
import sys
import sysconfig

import pytest

from pvm.compiler import compile as pvm_compile
from pvm.ir import Unsupported, build, passes
from pvm.ir.nodes import Argument, Constant, Phi, Undefined
from pvm.ir.passes.common import dominators
from pvm.ir.passes.infer_types import Untypeable, infer_types
from pvm.ir.types import BOOL, FLOAT, INT, ListType

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STDLIB = sysconfig.get_paths()["stdlib"]


def _functions(source, filename="<test>"):
    module = pvm_compile(source, filename, "exec")
    found = {}

    def walk(code):
        for constant in code.co_consts:
            if hasattr(constant, "co_code"):
                found[constant.co_qualname] = constant
                walk(constant)
    walk(module)
    return found


def _check_ssa(function):
    """The form's invariants; a message for the first broken one, or None."""
    dominating = dominators(function)
    defined_in = {}
    for block in function.blocks:
        for instruction in block.phis + block.instructions:
            if id(instruction) in defined_in:
                return "%s defined twice" % instruction.name()
            defined_in[id(instruction)] = block
        if not block.instructions or not block.instructions[-1].is_terminator:
            return "%s does not end with a terminator" % block.label
        for phi in block.phis:
            if set(phi.incoming) != set(block.predecessors):
                return "a phi of %s without one input per predecessor" % block.label
    for block in function.blocks:
        for instruction in block.phis + block.instructions:
            for value in instruction.uses():
                if isinstance(value, (Constant, Argument, Undefined)):
                    continue
                home = defined_in.get(id(value))
                if home is None:
                    return "%s uses a value defined nowhere" % instruction.name()
                if isinstance(instruction, Phi):
                    continue     # a phi's input is used on its edge
                if home not in dominating[block]:
                    return "%s uses %s from a block that does not dominate it" % (
                        instruction.name(), value.name())
    return None


@pytest.mark.parametrize("module_name", ["heapq", "bisect", "colorsys", "fractions",
                                         "textwrap", "random"])
def test_every_function_of_a_module_is_ssa_or_refused(module_name):
    path = os.path.join(STDLIB, module_name + ".py")
    with open(path, encoding="utf-8") as file:
        source = file.read()
    built = refused = 0
    for name, code in _functions(source, path).items():
        try:
            function = build(code)
        except Unsupported:
            refused += 1
            continue
        built += 1
        problem = _check_ssa(function)
        assert problem is None, "%s.%s: %s\n%s" % (module_name, name, problem,
                                                   function.format())
        function.format(states=True)
    assert built > refused


def test_a_loop_variable_gets_a_phi_at_the_loop_head():
    code = _functions("def f(n):\n    total = 0\n    i = 0\n    while i < n:\n"
                      "        total += i\n        i += 1\n    return total\n")["f"]
    function = build(code)
    heads = [block for block in function.blocks
             if any(phi.variable == ("local", code.co_varnames.index("i"))
                    for phi in block.phis)]
    assert heads, function.format()
    assert _check_ssa(function) is None


def test_code_it_cannot_say_is_refused_with_a_reason():
    functions = _functions("def g():\n    yield 1\n"
                           "def h():\n    try:\n        pass\n    except E:\n        pass\n"
                           "def k():\n    x = 1\n    return lambda: x\n")
    reasons = {}
    for name in ("g", "h", "k"):
        with pytest.raises(Unsupported) as raised:
            build(functions[name])
        reasons[name] = raised.value.reason
    assert "generator" in reasons["g"]
    assert "exception handlers" in reasons["h"]
    assert "cells" in reasons["k"]


class _Environment:
    def __init__(self, namespace):
        self.namespace = namespace

    def global_value(self, name):
        import builtins
        if name in self.namespace:
            return self.namespace[name]
        return getattr(builtins, name)

    def call_type(self, callee, argument_types):
        raise Untypeable("no calls here")


def _typed(source, name, argument_types, namespace=None, until=None):
    function = build(_functions(source)[name])
    infer_types(function, argument_types, _Environment(namespace or {"math": math}))
    if until != "infer_types":
        passes.optimize(function, until=until)
    return function


def test_types_flow_from_the_arguments():
    function = _typed("def f(n, x):\n    s = 0.0\n    for i in range(n):\n"
                      "        s += i * x\n    return s > 1.0\n", "f", [INT, FLOAT],
                      until="infer_types")
    assert function.return_type is BOOL
    names = function.code.co_varnames
    phis = {names[phi.variable[1]]: phi.type for block in function.blocks
            for phi in block.phis if phi.variable[0] == "local"}
    assert phis["s"] is FLOAT and phis["i"] is INT


def test_an_int_on_one_path_and_a_float_on_another_is_not_typed():
    with pytest.raises(Untypeable) as raised:
        _typed("def f(n):\n    s = 0\n    for i in range(n):\n        s += 0.5\n"
               "    return s\n", "f", [INT])
    assert "int on one path and float on another" in str(raised.value)


def test_list_items_have_one_type():
    function = _typed("def f(xs):\n    t = 0.0\n    for x in xs:\n        t += x\n"
                      "    return t\n", "f", [ListType(FLOAT)], until="infer_types")
    assert function.return_type is FLOAT
    with pytest.raises(Untypeable):
        _typed("def f(xs):\n    xs[0] = 1\n", "f", [ListType(FLOAT)])


def test_folding_computes_constants_and_drops_the_branch_not_taken():
    function = _typed("def f(x):\n    k = 2 * 3 + 1\n    if k > 5:\n        return x + k\n"
                      "    return x - k\n", "f", [INT], until="fold_constants")
    text = function.format()
    assert "binary + %x, 7" in text
    assert "- " not in text and "compare" not in text


def test_a_global_number_becomes_a_constant():
    function = _typed("def f(x):\n    return x * SCALE\n", "f", [FLOAT],
                      namespace={"SCALE": 2.5}, until="fold_constants")
    assert "binary * %x, 2.5" in function.format()
    assert function.assumptions[("global", "SCALE")] == 2.5


def test_dead_code_goes_but_what_may_fail_stays():
    function = _typed("def f(a, b):\n    also = a // b\n    unused = a * 2.0\n"
                      "    return a\n", "f", [FLOAT, FLOAT])
    text = function.format()
    assert "* %a, 2.0" not in text          # cannot fail, nobody reads it: gone
    assert "// %a, %b" in text               # may raise ZeroDivisionError: kept
    # Before an instruction that may fail, a local is kept for tier 0 to find there.
    kept = _typed("def f(a, b):\n    unused = a * 2.0\n    also = a // b\n"
                  "    return a\n", "f", [FLOAT, FLOAT])
    assert "* %a, 2.0" in kept.format()


def test_checks_are_placed_only_where_something_may_fail():
    function = _typed("def f(a, b, i):\n    return (a + b) * 2.0 + (i + 1) * (i * 3) + i // 4\n",
                      "f", [FLOAT, FLOAT, INT])
    kept = sorted(instruction.detail for instruction in function.instructions()
                  if instruction.state is not None)
    # The int + and *s may pass 64 bits; float arithmetic and // 4 cannot fail.
    assert kept == ["*", "*", "+"]


def test_invariants_leave_the_loop():
    function = _typed("def f(n, a, b):\n    s = 0.0\n    for i in range(n):\n"
                      "        s += a * b + i\n    return s\n", "f", [INT, FLOAT, FLOAT])
    (product,) = [instruction for instruction in function.instructions()
                  if instruction.opcode == "binary" and instruction.detail == "*"]
    assert product.block is function.entry, function.format()


def test_the_command_prints_typed_ssa(tmp_path):
    program = tmp_path / "kernel.py"
    program.write_text("import math\n\ndef norm(x, y):\n    return math.sqrt(x * x + y * y)\n"
                       "\nif __name__ == '__main__':\n    print('not run')\n")
    result = subprocess.run([sys.executable, "-m", "pvm.ir", str(program), "--function", "norm",
                             "--types", "float,float"], capture_output=True, text=True,
                            cwd=REPOSITORY)
    assert result.returncode == 0, result.stderr
    assert "function norm(%x: float, %y: float)" in result.stdout
    assert "v" in result.stdout and "sqrt" in result.stdout
    assert "not run" not in result.stdout
    untyped = subprocess.run([sys.executable, "-m", "pvm.ir", str(program)],
                             capture_output=True, text=True, cwd=REPOSITORY)
    assert untyped.returncode == 0 and "function norm(%x, %y)" in untyped.stdout
    wrong = subprocess.run([sys.executable, "-m", "pvm.ir", str(program), "--function", "norm",
                            "--types", "complex"], capture_output=True, text=True,
                           cwd=REPOSITORY)
    assert wrong.returncode != 0 and "unknown type" in wrong.stderr
