"""The compiler: exact instruction listings for its important shapes, CPython's compile-time
SyntaxErrors, and a sample of the standard library compiled and serialized."""

import marshal

import pytest

import corpus
from pvm import opcodes
from pvm.code import Code
from pvm.compiler import compile as pvm_compile


def listing(code):
    """'NAME operand' per instruction, operands shown as names or constants where they refer."""
    from pvm.dis import get_instructions
    lines = []
    for instruction in get_instructions(code):
        if instruction.arg is None:
            lines.append(instruction.opname)
        else:
            lines.append("%s %s" % (instruction.opname, instruction.argrepr or instruction.arg))
    return lines


def function_code(source, name="f"):
    module = pvm_compile(source, "<test>", "exec")
    for constant in module.co_consts:
        if isinstance(constant, Code) and constant.co_name == name:
            return constant
    raise AssertionError("no code object %r" % name)


def test_module_assignment_and_call():
    assert listing(pvm_compile("x = 1\nprint(x + 2)\n", "<test>", "exec")) == [
        "LOAD_CONST 1", "STORE_NAME x",
        "LOAD_NAME print", "LOAD_NAME x", "LOAD_CONST 2", "BINARY_OP +", "CALL 1", "POP_TOP",
        "LOAD_CONST None", "RETURN_VALUE"]


def test_constant_folding_keeps_behaviour():
    code = pvm_compile("a = 2 * 3 + 1\nb = 1 / 0\nc = -0.0\nd = (1, 2)\n", "<test>", "exec")
    assert listing(code) == [
        "LOAD_CONST 7", "STORE_NAME a",
        "LOAD_CONST 1", "LOAD_CONST 0", "BINARY_OP /", "STORE_NAME b",
        "LOAD_CONST -0.0", "STORE_NAME c",
        "LOAD_CONST (1, 2)", "STORE_NAME d",
        "LOAD_CONST None", "RETURN_VALUE"]


def test_string_formatting_is_not_folded():
    # As CPython's folder: a width can make '%' on a string arbitrarily large and slow
    # ('%*d' % (10**10, 1) took the compiler 40 s and 10 GB).
    code = pvm_compile("a = '%*d' % (4, 1)\nb = b'%d' % 2\nc = 7 % 3\n", "<test>", "exec")
    assert listing(code) == [
        "LOAD_CONST '%*d'", "LOAD_CONST (4, 1)", "BINARY_OP %", "STORE_NAME a",
        "LOAD_CONST b'%d'", "LOAD_CONST 2", "BINARY_OP %", "STORE_NAME b",
        "LOAD_CONST 1", "STORE_NAME c",
        "LOAD_CONST None", "RETURN_VALUE"]


def test_while_loop_tests_at_the_top_and_again_at_the_bottom():
    # CPython 3.11's shape: one jump per round, back onto the body.
    code = function_code("def f(n):\n    while n:\n        n -= 1\n    return n\n")
    assert listing(code) == [
        "LOAD_FAST n", "POP_JUMP_IF_FALSE to 8",
        "LOAD_FAST n", "LOAD_CONST 1", "BINARY_OP -=", "STORE_FAST n",
        "LOAD_FAST n", "POP_JUMP_IF_TRUE to 2",
        "LOAD_FAST n", "RETURN_VALUE"]


def test_for_loop_shape():
    code = function_code("def f(items):\n    for item in items:\n        g(item)\n")
    assert listing(code) == [
        "LOAD_FAST items", "GET_ITER", "FOR_ITER to 9", "STORE_FAST item",
        "LOAD_GLOBAL g", "LOAD_FAST item", "CALL 1", "POP_TOP", "JUMP to 2",
        "LOAD_CONST None", "RETURN_VALUE"]


def test_unbound_checks_stay_only_where_a_path_leaves_the_local_unbound():
    code = function_code("def f(a):\n    if a:\n        x = 1\n    y = 2\n    return x, y\n")
    assert listing(code)[-4:] == ["LOAD_FAST_CHECK x", "LOAD_FAST y", "BUILD_TUPLE 2",
                                  "RETURN_VALUE"]


def test_closure_uses_cells():
    outer = function_code("def f():\n    x = 1\n    def g():\n        return x\n    return g\n")
    assert outer.co_cellvars == ("x",)
    inner = next(c for c in outer.co_consts if isinstance(c, Code))
    assert inner.co_freevars == ("x",)
    assert listing(inner) == ["LOAD_DEREF x", "RETURN_VALUE"]
    assert "LOAD_CLOSURE x" in listing(outer) and "MAKE_FUNCTION 8" in listing(outer)


def test_try_except_has_exception_table():
    code = function_code("def f():\n    try:\n        g()\n    except E:\n        pass\n")
    names = [line.split()[0] for line in listing(code)]
    # The NOP keeps the 'try:' line (for trace functions), outside the protected range;
    # the jump to the function's end became a copy of it.
    assert names[:6] == ["NOP", "LOAD_GLOBAL", "CALL", "POP_TOP", "LOAD_CONST",
                         "RETURN_VALUE"]
    assert "PUSH_EXC_INFO" in names and "CHECK_EXC_MATCH" in names and "POP_EXCEPT" in names
    start, end, target, depth, push_index = code.co_exceptiontable[0]
    assert (start, end, depth, push_index) == (1, 4, 0, 0)
    assert names[target] == "PUSH_EXC_INFO"


def test_keyword_call_and_star_call():
    code = function_code("def f(a):\n    g(1, k=a)\n    g(*a, **a)\n")
    lines = listing(code)
    assert lines[:5] == ["LOAD_GLOBAL g", "LOAD_CONST 1", "LOAD_FAST a", "LOAD_CONST ('k',)",
                         "CALL_KW 2"]
    assert "CALL_FUNCTION_EX 1" in lines and "DICT_MERGE 1" in lines


FLAG_SHAPES = """
import sys
def plain(a, b=1):
    return a + b
def variadic(*args, key=None, **kwargs):
    return args
def generator():
    yield 1
async def coroutine():
    await other()
async def async_generator():
    yield 1
def outer():
    value = 1
    def inner():
        return value
    return inner, [value for _ in range(2)], (value for _ in "ab"), lambda: value
class Body:
    attribute = [n for n in range(3)]
    def method(self):
        return __class__
"""


def _code_flags(code):
    """(qualname, co_flags) of a code object and every code object nested in it."""
    found = [(code.co_qualname, code.co_flags)]
    for constant in code.co_consts:
        if hasattr(constant, "co_flags"):
            found.extend(_code_flags(constant))
    return sorted(found)


def test_code_flags_match_cpython():
    assert _code_flags(pvm_compile(FLAG_SHAPES, "<test>", "exec")) == \
        _code_flags(compile(FLAG_SHAPES, "<test>", "exec"))


def test_every_opcode_has_a_vm_handler():
    from pvm.engine.tier0 import FACTORIES
    for spec in opcodes.OPCODES:
        assert (FACTORIES[spec.number] is None) == spec.pseudo, spec.name


SYNTAX_ERRORS = [
    "return 1\n",
    "yield 1\n",
    "break\n",
    "continue\n",
    "def f():\n    await x\n",
    "def f():\n    async with a: pass\n",
    "def f():\n    async for a in b: pass\n",
    "async def f():\n    yield from x\n",
    "async def f():\n    yield 1\n    return 2\n",
    "a, *b, *c = d\n",
    "*a = b\n",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "def f():\n    [x async for x in y]\n",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
    "x = 1\nfrom __future__ import division\n",
    "def f():\n    from __future__ import division\n",
    "from __future__ import division; x = 1; from __future__ import annotations\n",
]


@pytest.mark.parametrize("source", SYNTAX_ERRORS)
def test_compile_time_syntax_errors_match_cpython(source):
    with pytest.raises(SyntaxError) as expected:
        compile(source, "<test>", "exec")
    with pytest.raises(SyntaxError) as actual:
        pvm_compile(source, "<test>", "exec")
    def described(error):
        # The arguments too: CPython's compiler puts the location in them, its symbol
        # table does not.
        return (error.args, error.msg, error.lineno, error.offset, error.end_lineno,
                error.end_offset, error.text)

    assert described(actual.value) == described(expected.value)


@pytest.mark.parametrize("arguments", [
    {"optimize": 3}, {"optimize": -2}, {"optimize": 3, "mode": "bogus"}, {"mode": "bogus"},
    {"flags": 0x2000000}, {"flags": 0x2000000, "optimize": 3},
])
def test_bad_arguments_rejected_as_the_builtin_does(arguments):
    arguments = {"source": "x = 1\n", "filename": "<test>", "mode": "exec", **arguments}
    with pytest.raises(ValueError) as expected:
        compile(**arguments)
    with pytest.raises(ValueError) as actual:
        pvm_compile(**arguments)
    assert str(actual.value) == str(expected.value)


@pytest.mark.parametrize("path", corpus.sample_files(12))
def test_stdlib_sample_compiles_and_round_trips_through_marshal(path):
    with open(path, "rb") as file:
        source = file.read()
    code = pvm_compile(source, path, "exec")
    data = marshal.dumps(code.to_tuple())
    assert Code.from_tuple(marshal.loads(data)) == code


def test_the_stored_form_is_compact_and_loads_as_it_was():
    # Positions in two bytes a value where they fit (f) and four where not (g, past
    # line 32767); equal tuples of names stored once; the exception table flat, and
    # a loaded code object's unpacked when asked for.
    source = ("def f(self):\n    try:\n        return self.x\n"
              "    except AttributeError:\n        return None\n"
              + "\n" * 40000 + "def g(self):\n    return self.y\n")
    module = pvm_compile(source, "<stored>", "exec")
    f, g = (constant for constant in module.co_consts if isinstance(constant, Code))
    data = module.to_tuple()
    f_data, g_data = (data[6][index] for index in data[7])
    assert len(f_data[16]) == 8 * len(f.instructions())
    assert len(g_data[16]) == 16 * len(g.instructions())
    assert f_data[9] is g_data[9] == ("self",)
    assert f_data[17] == tuple(value for entry in f.co_exceptiontable for value in entry)
    loaded = Code.from_tuple(marshal.loads(marshal.dumps(data)))
    loaded_f, loaded_g = (constant for constant in loaded.co_consts
                          if isinstance(constant, Code))
    assert loaded_f.co_varnames is loaded_g.co_varnames
    assert loaded_f.co_exceptiontable == f.co_exceptiontable
    assert loaded_g.co_exceptiontable == ()
    assert list(loaded_f.co_positions()) == list(f.co_positions())
    assert list(loaded_g.co_positions()) == list(g.co_positions())
    assert loaded == module
    with pytest.raises(AttributeError):
        loaded_f.co_name = "h"


def _host_code_objects(path):
    with open(path, "rb") as file:
        pending = [compile(file.read(), path, "exec")]
    while pending:
        code = pending.pop()
        pending.extend(constant for constant in code.co_consts
                       if isinstance(constant, type(code)))
        yield code


@pytest.mark.parametrize("path", corpus.sample_files(6))
def test_location_table_reads_the_hosts_tables_as_the_host_does(path):
    from pvm.code import decode_location_table
    for code in _host_code_objects(path):
        assert decode_location_table(code.co_linetable, code.co_firstlineno) == \
            list(code.co_positions())


@pytest.mark.parametrize("path", corpus.sample_files(6))
def test_co_linetable_round_trips_through_replace(path):
    with open(path, "rb") as file:
        module = pvm_compile(file.read(), path, "exec")
    pending = [module]
    while pending:
        code = pending.pop()
        pending.extend(constant for constant in code.co_consts if isinstance(constant, Code))
        assert code.replace(co_linetable=code.co_linetable) == code


def test_replaced_line_table_covers_every_instruction():
    code = function_code("def f():\n    return 1 / 0\n")
    count = len(code.instructions())
    # 0xf8 is one instruction without a location; 0x80 0x00 one at column 0 to 0.
    assert list(code.replace(co_linetable=b"\xf8").co_positions()) == \
        [(None, None, None, None)] * count
    assert list(code.replace(co_linetable=b"\x80\x00" * (count + 5)).co_positions()) == \
        [(1, 1, 0, 0)] * count


FUTURE_SOURCES = [
    "from __future__ import annotations\nclass A:\n    def f(self, x: y): pass\n",
    "from __future__ import division, generator_stop\ndef f(): pass\n",
    "def f(x: y):\n    return lambda: 0\n",
]


@pytest.mark.parametrize("flags", [0, 0x1000000, 0x20000 | 0x800000, 0x400000])
@pytest.mark.parametrize("source", FUTURE_SOURCES)
def test_future_features_mark_every_code_object_as_cpython_does(source, flags):
    def all_flags(code):
        nested = [all_flags(constant) for constant in code.co_consts
                  if hasattr(constant, "co_flags")]
        return code.co_flags, nested
    expected = all_flags(compile(source, "<test>", "exec", flags, dont_inherit=True))
    assert all_flags(pvm_compile(source, "<test>", "exec", flags, dont_inherit=True)) == expected


# codeop's flags: PyCF_ALLOW_INCOMPLETE_INPUT (0x4000) and PyCF_DONT_IMPLY_DEDENT (0x200).
INCOMPLETE_INPUT_SOURCES = [
    "x = 1", "x = 1\n", "1 +", "1 +\n", "(1,", "x = (\n", "x = [\n1,\n", "if x:", "if x:\n",
    "if x:\n    y = 2", "if x:\n    y = 2\n", "if x:\n    y = 2\n\n", "def f():\n  return 1",
    "if x:\n  pass\nelse:", "try:\n  pass\n", "@dec", "'''abc", "'abc", "x = )",
    "if x:\n    y = 2\nz = 3", "class A:\n  def f(self):\n    pass\n", "for i in x:\n  if i:\n    pass",
    "lambda:", "f(x for x in", "x = 1 +\\\n", "#comment", "", "\n", "async def f():\n  await x",
    "def f()", "if 1: pass", "@x", "@x\n# c", "x = (1 +", "if 1:\n  pass\nelif 2",
]


@pytest.mark.parametrize("flags", [0x4000 | 0x200, 0x4000, 0x200])
@pytest.mark.parametrize("mode", ["single", "exec", "eval"])
def test_incomplete_input_flags_match_cpython(mode, flags):
    def outcome(compile_function, source):
        try:
            compile_function(source, "<input>", mode, flags)
        except SyntaxError as error:
            # The location too: CPython's "incomplete input" is where its tokenizer
            # stopped when the last token read has no column.
            return "SyntaxError", error.args
        return "compiled"
    expected = [outcome(compile, source) for source in INCOMPLETE_INPUT_SOURCES]
    actual = [outcome(pvm_compile, source) for source in INCOMPLETE_INPUT_SOURCES]
    assert actual == expected


# A block header with nothing after it: CPython puts the error at the end of the last line.
BLOCK_AT_END_OF_INPUT = ["if x:\n", "if x:\n\n\n", "def f():\n    if x:\n", "for a in b:\n",
                         "if x:\n    pass\nelse:\n", "class A:\n", "if x:", "if x:\n# c\n",
                         "if x:\n  \n", "while 1:\n  if x:\n", "try:\n"]


@pytest.mark.parametrize("source", BLOCK_AT_END_OF_INPUT)
def test_missing_block_at_end_of_input_is_placed_as_cpython_places_it(source):
    def located(compile_function):
        with pytest.raises(SyntaxError) as caught:
            compile_function(source, "f.py", "exec")
        error = caught.value
        return (type(error), error.msg, error.lineno, error.offset, error.text,
                error.end_lineno, error.end_offset)
    assert located(pvm_compile) == located(compile)
