"""The instructions are defined once and everything that runs them is generated.

The generated module is checked in: these tests fail when it is stale, when an opcode
has no definition, and when a superinstruction behaves otherwise than the single
handlers it stands for (output, tracebacks, exception handlers).
"""

import ast
import os
import textwrap

import pytest

from pvm import opcodes
from pvm.compiler import compile as pvm_compile
from pvm.engine import decode, generate, superinstructions, tier0
from pvm.engine.instructions import DEFINITIONS, VARIANTS
from pvm.engine.interpreter import Interpreter
from pvm.world import World
from tests.subprocesses import REPOSITORY_FOLDER, run, run_python


def test_the_generated_modules_are_current():
    texts = generate.generate()
    assert sorted(texts) == sorted([generate.OUTPUT, generate.FUSED_OUTPUT])
    for path, text in texts.items():
        with open(path, encoding="utf-8") as file:
            assert file.read() == text, \
                "%s is stale: run python3 -m pvm.engine.generate" % path


def test_running_code_imports_neither_definitions_nor_superinstructions():
    # The definitions are the generator's; the superinstructions' makers come with the
    # first fusion.  A start that warms no function up loads neither.
    status, stdout, stderr = run_python(
        ["-c", "import sys, pvm.__main__; "
               "pvm.__main__.main(['-S', '-X', 'fusion=0', '-c', 'print(2 + 3)']); "
               "print(sorted(name for name in sys.modules if name.startswith("
               "'pvm.engine.instructions') or name.endswith('tier0_fused')))"],
        REPOSITORY_FOLDER)
    assert status == 0, stderr
    assert stdout.split() == ["5", "['pvm.engine.instructions',", "'pvm.engine.instructions.support']"]


def test_the_check_command_agrees():
    status, _, stderr = run_python(["-m", "pvm.engine.generate", "--check"],
                                   REPOSITORY_FOLDER)
    assert status == 0, stderr


def test_every_opcode_has_one_definition_matching_its_stack_effect():
    for spec in opcodes.OPCODES:
        if spec.pseudo:
            continue
        definition = DEFINITIONS[spec.name]
        assert definition.opcode is spec
        for body in [definition] + VARIANTS.get(spec.name, []):
            if body.raw or body.variable_input or callable(spec.pops):
                continue
            assert len(body.inputs) == spec.pops, body.name


def test_superinstruction_rows_name_only_opcodes():
    # The table holds sequences, no semantics: every item is an opcode's name.
    for row in superinstructions.ROWS:
        assert len(row) >= 2
        assert all(isinstance(name, str) and name in opcodes.BY_NAME for name in row)


def test_no_handler_semantics_outside_the_definitions():
    # Only the definitions and the generated module (plus the loop's frame switching)
    # say what an instruction does: no module of the engine or the world makes handlers.
    engine_files = []
    for folder in ("pvm/engine", "pvm/world"):
        for root, _, names in os.walk(os.path.join(REPOSITORY_FOLDER, folder)):
            engine_files += [os.path.join(root, name) for name in names
                             if name.endswith(".py")]
    for path in engine_files:
        if "instructions" in path or path.endswith(("tier0.py", "tier0_fused.py")):
            continue
        tree = ast.parse(open(path, encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                parameters = [argument.arg for argument in node.args.args]
                # (Wrappers that call the handler they wrap: instrumentation, the
                # counter that finds hot code, and a limited world's charge and the
                # wrapper that puts an instruction's joined handler in its place.)
                assert parameters[-3:] != ["frame", "stack", "fast"] or \
                    node.name in ("traced", "printing", "traced_send", "counting",
                                  "count_then_run", "charging", "joining"), \
                    "%s: %s looks like a handler" % (path, node.name)


FUSED_SHAPES = """
class Box:
    def __init__(self, value):
        self.value = value
    def add(self, other):
        return Box(self.value + other)
    def get(self):
        return self.value

def use(items, box):
    total = 0
    for item in items:
        total = total + item
        if total < 10:
            box = box.add(item)
        elif box is None:
            return None
    return total, box.get(), box.value.bit_length()

print(use([1, 2, 3, 4], Box(1)))
"""


def _handlers(source, fusion):
    interpreter = Interpreter(fusion=fusion)
    code = pvm_compile(source, "<fused>", "exec")
    function_code = [constant for constant in code.co_consts if hasattr(constant, "co_code")
                     and constant.co_name == "use"][0]
    return decode.handlers_of(function_code, fusion), interpreter


def test_fusion_puts_superinstructions_and_keeps_single_handlers_behind():
    fused, _ = _handlers(FUSED_SHAPES, fusion=True)
    single, _ = _handlers(FUSED_SHAPES, fusion=False)
    names = [handler.__name__ for handler in fused]
    assert any("__" in name for name in names), names
    assert len(fused) == len(single)
    assert all("__" not in handler.__name__ for handler in single)


FAILURES = {
    # Each fails in a later part of a run that is fused: the traceback must point at the
    # part that failed, and an enclosing handler must catch it, as without fusion.
    "attribute_in_chain": """
        class A: pass
        def f(a):
            return a.b.c
        a = A(); a.b = A()
        f(a)
    """,
    "operator_on_locals": """
        def f(x, y):
            z = x + y
            return z
        f(1, "s")
    """,
    "method_call_argument": """
        def f(items, x):
            items.append(x)
            return items.missing(x)
        f([], 1)
    """,
    "comparison_and_branch": """
        def f(x, y):
            if x < y:
                return 1
            return 2
        try:
            f(1, "a")
        except TypeError as error:
            print("caught", error)
        f(None, 2)
    """,
}


@pytest.mark.parametrize("name", sorted(FAILURES))
@pytest.mark.parametrize("fusion", ["fusion=1", "fusion=0"])
def test_a_fused_part_that_fails_reports_its_own_instruction(tmp_path, name, fusion):
    program = tmp_path / "failing.py"
    program.write_text(textwrap.dedent(FAILURES[name]))
    expected = run_python([str(program)], str(tmp_path))
    actual = run(["python3", "-m", "pvm", "-X", fusion, str(program)], str(tmp_path))
    assert actual == expected


def test_two_interpreters_keep_their_own_decoded_code():
    code = pvm_compile("def f(x):\n    return x + 1\nresult = f(1)\n", "<shared>", "exec")
    first_world, second_world = World(), World(fusion=False)
    results = []
    for world in (first_world, second_world):
        namespace = {"__name__": "shared"}
        world.run_code(code, namespace)
        results.append(namespace["result"])
    assert results == [2, 2]
    # (The module body ran once, undecoded: Interpreter.run_once.  The function's code
    # was decoded by each interpreter.)
    function_code = next(constant for constant in code.co_consts
                         if type(constant) is type(code))
    assert not hasattr(function_code, "executable")
    first, second = first_world.interpreter, second_world.interpreter
    assert id(code) not in first.executables
    first_form = first.executables[id(function_code)]
    second_form = second.executables[id(function_code)]
    assert first_form is not second_form
    assert first_form.handlers is not second_form.handlers
    # Instrumenting one interpreter leaves the other's handlers alone.
    plain = list(second_form.handlers)
    first.instrument(lambda handler, *_: handler)
    assert first_form.plain_handlers is not None
    assert second_form.handlers == plain and second_form.plain_handlers is None


def test_generated_handlers_are_readable_source():
    # The checked-in module is what runs: a reader can find each opcode's handler there.
    with open(tier0.__file__, encoding="utf-8") as file:
        text = file.read()
    for spec in opcodes.OPCODES:
        if not spec.pseudo:
            assert "def make_%s(code, operand, index):" % spec.name in text
