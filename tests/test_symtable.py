"""pvm.symtable against the host's symtable module: same tables, same errors.

Every expectation is computed by the host CPython at test time.  Two views
are compared: everything the stdlib interface answers (``describe``, shared
with scripts/symtable_compare.py), and the raw entries underneath (flags
packed with the scope, parameter order, nesting), which the compiler uses.
"""

import ast
import os
import random
import subprocess
import symtable as host_symtable
import sys
import textwrap

import pytest

import corpus
from symtable_compare import describe_outcome
from pvm import symtable as pvm_symtable


def raw_entry(entry):
    """A host ``_symtable`` entry as plain data (symbols as a dict: see describe)."""
    return (entry.type, entry.name, entry.lineno, bool(entry.nested),
            dict(entry.symbols), list(entry.varnames),
            [raw_entry(child) for child in entry.children])


def raw_scope(scope):
    """The same data from a pvm Scope."""
    return (pvm_symtable.TYPE_NUMBERS[scope.kind], scope.name, scope.lineno,
            scope.is_nested, {name: scope.encoded_flags(name) for name in scope.flags},
            list(scope.varnames), [raw_scope(child) for child in scope.children])


def assert_same_tables(source, compile_type="exec", filename="<snippet>"):
    expected = describe_outcome(host_symtable, source, filename, compile_type)
    assert expected[0] == "table", "the host rejects this snippet: %r" % (expected,)
    assert describe_outcome(pvm_symtable, source, filename, compile_type) == expected
    host_raw = raw_entry(host_symtable.symtable(source, filename, compile_type)._table)
    pvm_raw = raw_scope(pvm_symtable.symtable(source, filename, compile_type).scope)
    assert pvm_raw == host_raw


def assert_same_error(source, compile_type="exec", filename="<snippet>"):
    expected = describe_outcome(host_symtable, source, filename, compile_type)
    assert expected[0] == "error", "the host accepts this snippet"
    assert describe_outcome(pvm_symtable, source, filename, compile_type) == expected


VALID_SNIPPETS = {
    "assignments": """
        a = b = c
        d, (e, *f) = g
        h[i] = j.k
        l += m
        del n, o[p]
        q: int
        r: int = s
        (t): u = v
        w.x: y
        """,
    "imports": """
        import a, b.c, d.e as f
        from g import h, i as j
        from . import k
        from .l.m import *
        """,
    "functions": """
        @decorator(arg)
        def f(a, /, b=default1, *c, d=default2, e, **g) -> returns:
            h = a + b
            return h
        async def coro(x):
            await x
            async for y in x:
                pass
            async with x as z:
                pass
        def gen():
            yield 1
            yield from gen()
        """,
    "annotations": """
        def f(a: A, /, b: B, *c: C, d: D, **e: E) -> R: pass
        x: X = 1
        class K:
            y: Y
            z: Z = 2
        def g():
            local: L = 3
            attribute.name: M
        """,
    "future_annotations": """
        from __future__ import annotations
        def f(a: A, *, b: (lambda: B)) -> [r for r in R]:
            c: C = 1
        x: X
        class K:
            y: Y = 1
        """,
    "closures": """
        def outer(a):
            b = 1
            def middle():
                c = a
                def inner():
                    return a, b, c, d
                return inner
            d = 2
            return middle
        """,
    "nonlocal_and_global": """
        g = 0
        def f():
            global g
            x = 1
            def h():
                nonlocal x
                x = 2
                global y
                y = 3
            def i():
                return g, y
        """,
    "global_at_module_level": """
        global a
        a = 1
        def f():
            return a
        """,
    "class_scopes": """
        x = 1
        def f():
            y = 2
            class C:
                y = 3
                z = y
                def method(self):
                    return x, y, z
                global w
                lambda: y
            return C
        """,
    "super_and_class_cell": """
        class A:
            def f(self):
                return super().f()
            def g(self):
                return __class__
            def h(self):
                def inner():
                    return super()
                return inner
            [super() for _ in ()]
            __class__ = 1
        """,
    "name_mangling": """
        class C:
            __a = 1
            __b__ = 2
            def __method(self, __param):
                __local = __param
                return self.__attr, __a
            import __module.sub
            global __g
            class __Inner:
                __c = 3
            [__v for __v in __iterable]
        class __:
            __x = 1
        class _Under:
            __y = 1
        """,
    "comprehensions": """
        l = [x for x in range(3) if x for y in x]
        s = {x for x in a}
        d = {k: v for k, v in b}
        d2 = {key: value for item in c}
        g = (x for x in d)
        nested = [[y for y in x] for x in e]
        outer_target = [t[i] for t[i] in f]
        def f():
            return [(lambda: z)() for z in g]
        async def h():
            return [await z async for z in i]
        """,
    "walrus_in_comprehension": """
        [last := x for x in a]
        def f():
            [total := total + x for x in b]
            [[inner := y for y in x] for x in c]
            return total, inner
        def g():
            global h
            [h := x for x in d]
        if (w := 1):
            pass
        """,
    "lambdas": """
        f = lambda a, *b, c=d, **e: a + b + c + e + g
        h = lambda: (lambda: i)
        """,
    "match": """
        match subject:
            case 1 | 2:
                pass
            case [a, *rest, b]:
                pass
            case {"key": value, **others} if value:
                pass
            case Point(x, y=yy) as point:
                pass
            case None | True:
                pass
            case str() | bytes():
                pass
            case _:
                pass
        """,
    "except_and_with": """
        try:
            pass
        except (A, B) as e:
            pass
        else:
            g = 1
        finally:
            h = 2
        try:
            pass
        except* C as f:
            pass
        with i as j, k as (l, m):
            pass
        """,
    "loops_and_branches": """
        for a in b:
            c
        else:
            d
        while e:
            break
        else:
            f
        if g:
            h
        elif i:
            j
        else:
            k
        assert l, m
        raise n from o
        """,
    "expressions": """
        a if b else c
        d and e or not f
        g < h <= i
        j(k, *l, m=n, **o)
        p[q:r:s]
        f"{t!r:{u}}"
        {v: w, **x}
        {y, *z}
        """,
    "import_star_at_module_level": "from os import *\n",
    "import_then_global": """
        def f():
            import x
            global x
        """,
    "nested_functions_in_class": """
        class C:
            def f(self):
                class D:
                    def g(self):
                        return self, C, D
                return D
        """,
    "decorators_and_defaults_evaluated_outside": """
        def f():
            x = 1
            @x
            def g(a=x, *, b=x):
                pass
            class K(x, metaclass=x):
                pass
        """,
    "generator_expression_at_class_level": """
        class C:
            a = 1
            b = (a for _ in range(3))
            c = [a for _ in range(3)]
        """,
    "free_passed_through_several_scopes": """
        def f():
            a = b = c = 1
            def g():
                def h():
                    return a, b, c
                return h
            return g
        """,
    "yield_in_generator_expression_iterable": """
        def f():
            return (x for x in (yield))
        """,
}


@pytest.mark.parametrize("name", VALID_SNIPPETS)
def test_tables_match_host(name):
    assert_same_tables(textwrap.dedent(VALID_SNIPPETS[name]))


@pytest.mark.parametrize("source,compile_type", [
    ("x + [y for y in z]", "eval"),
    ("lambda a: a + b", "eval"),
    ("x = 1\n", "single"),
    ("def f(): return g\n", "single"),
])
def test_other_compile_types_match_host(source, compile_type):
    assert_same_tables(source, compile_type)


ERROR_SNIPPETS = {
    "nonlocal_at_module_level": "nonlocal x\n",
    "nonlocal_without_binding": "def f():\n    nonlocal x\n",
    "nonlocal_in_top_level_class": "class C:\n    nonlocal x\n",
    "nonlocal_of_global": "def f():\n    global x\n    def g():\n        nonlocal x\n",
    "nonlocal_and_global":
        "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "global_after_assignment": "def f():\n    x = 1\n    global x\n",
    "global_after_use": "def f():\n    print(x)\n    global x\n",
    "global_after_annotation": "def f():\n    x: int\n    global x\n",
    "parameter_and_global": "def f(x):\n    global x\n",
    "nonlocal_after_assignment":
        "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "nonlocal_after_use": "def f():\n    x = 1\n    def g():\n        x\n        nonlocal x\n",
    "parameter_and_nonlocal": "def f():\n    x = 1\n    def g(x):\n        nonlocal x\n",
    "annotated_global": "def f():\n    global x\n    x: int = 1\n",
    "annotated_nonlocal":
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n",
    "duplicate_argument": "def f(a, b, a): pass\n",
    "duplicate_keyword_only_argument": "def f(a, *, a): pass\n",
    "duplicate_star_argument": "def f(a, *a): pass\n",
    "duplicate_lambda_argument": "lambda a, **a: 0\n",
    "mangled_duplicate_argument": "class C:\n    def f(self, __a, _C__a): pass\n",
    "walrus_rebinds_iteration_variable": "[(i := 0) for i in range(5)]\n",
    "walrus_rebinds_outer_iteration_variable": "[[(j := 0) for k in x] for j in y]\n",
    "walrus_in_comprehension_iterable": "[x for x in (y := [1])]\n",
    "walrus_in_inner_iterable": "[x for y in z for x in (w := y)]\n",
    "walrus_in_lambda_in_iterable": "[x for x in (lambda: (y := 1))()]\n",
    "walrus_in_class_comprehension": "class C:\n    [(y := x) for x in z]\n",
    "inner_loop_rebinds_walrus_target": "[i for i in range(5) if (j := 0) for j in range(5)]\n",
    "yield_in_list_comprehension": "def f():\n    [(yield x) for x in y]\n",
    "yield_in_set_comprehension": "def f():\n    {(yield x) for x in y}\n",
    "yield_in_dict_comprehension": "def f():\n    {x: (yield) for x in y}\n",
    "yield_from_in_generator_expression": "def f():\n    ((yield from x) for x in y)\n",
    "import_star_in_function": "def f():\n    from os import *\n",
    "import_star_in_class": "class C:\n    from os import *\n",
    "walrus_in_future_annotation":
        "from __future__ import annotations\ndef f(x: (y := 1)): pass\n",
    "yield_in_future_annotation": "from __future__ import annotations\ndef f() -> (yield): pass\n",
    "await_in_future_annotation": "from __future__ import annotations\nx: await y\n",
    "future_braces": "from __future__ import braces\n",
    "unknown_future_feature": "from __future__ import nested_scopes, spam\n",
    "late_future_on_same_line": "import os; from __future__ import annotations\n",
    "errors_follow_source_order": "def f(a, a):\n    nonlocal b\n",
    "walk_errors_before_declaration_errors": "nonlocal b\ndef f(a, a): pass\n",
    "non_ascii_offsets_are_bytes": "def f(\u00e9, \u00e9): pass\n",
}


@pytest.mark.parametrize("name", ERROR_SNIPPETS)
def test_errors_match_host(name):
    assert_same_error(ERROR_SNIPPETS[name])


def test_error_text_is_read_from_the_file(tmp_path):
    path = tmp_path / "bad.py"
    source = "x = 1\r\ndef f(x):\r\n    global x\r\n"
    path.write_bytes(source.encode())
    assert_same_error(source, filename=str(path))


def test_error_text_of_a_long_line(tmp_path):
    path = tmp_path / "long.py"
    source = "def f(x):\n    global x;" + " " * 2500 + "pass\n"
    path.write_text(source)
    assert_same_error(source, filename=str(path))


def test_bad_compile_type_matches_host():
    with pytest.raises(ValueError) as host_error:
        host_symtable.symtable("x", "<snippet>", "spam")
    with pytest.raises(ValueError) as pvm_error:
        pvm_symtable.symtable("x", "<snippet>", "spam")
    assert str(pvm_error.value) == str(host_error.value)


def test_symbol_namespaces_match_host():
    source = "def f(): pass\ndef f(): pass\nclass C: pass\nx = 1\n"
    for module in (host_symtable, pvm_symtable):
        top = module.symtable(source, "<snippet>", "exec")
        assert len(top.lookup("f").get_namespaces()) == 2
        assert top.lookup("C").get_namespace().get_name() == "C"
        with pytest.raises(ValueError):
            top.lookup("x").get_namespace()
        with pytest.raises(KeyError):
            top.lookup("missing")
    assert_same_tables(source)


def test_deeply_nested_expressions_match_host():
    # Deeper than the host's own recursion limit allows a naive walk.
    assert_same_tables("x = " + "-" * 2500 + "a\n")
    assert_same_tables("x = " + "+".join(["a"] * 2500) + "\n")
    # describe() recurses once per nested table, so scopes nest less deep.
    assert_same_tables("f = " + "lambda: " * 300 + "a\n")


def test_scopes_by_node_finds_every_scope_of_the_tree():
    source = textwrap.dedent(VALID_SNIPPETS["comprehensions"] + VALID_SNIPPETS["class_scopes"])
    tree = ast.parse(source)
    top = pvm_symtable.build(tree)
    scope_nodes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                   ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    expected = {tree} | {node for node in ast.walk(tree) if isinstance(node, scope_nodes)}
    found = pvm_symtable.scopes_by_node(top)
    assert set(found) == expected
    assert all(scope.node is node for node, scope in found.items())


def test_future_features_are_recorded_on_the_module_scope():
    tree = ast.parse("from __future__ import annotations, generator_stop\n")
    assert pvm_symtable.build(tree).future_features == {"annotations"}


# Random programs built from the constructs that decide scopes: many names
# shared between nested defs, classes, lambdas and comprehensions, with
# declarations, walruses, annotations, super and __class__.  About half of
# them are scope errors, which must match too.
RANDOM_NAMES = ("a", "b", "__c", "super", "__class__")


def random_expression(chooser, depth):
    name = chooser.choice(RANDOM_NAMES)
    kind = chooser.randrange(8 if depth < 3 else 2)
    if kind <= 1:
        return name
    inner = random_expression(chooser, depth + 1)
    if kind == 2:
        return "(%s := %s)" % (name, inner)
    if kind == 3:
        return "(lambda %s: %s)" % (chooser.choice(["", "a", "b, *a", "__c=a"]), inner)
    if kind == 4:
        template = chooser.choice(["[{} for {} in {}{}]", "{{{} for {} in {}{}}}",
                                   "({} for {} in {}{})"])
        more = chooser.choice(["", " if " + random_expression(chooser, depth + 1),
                               " for b in " + random_expression(chooser, depth + 1)])
        target = chooser.choice(["a", "__c", "(a, b)"])
        return template.format(inner, target, random_expression(chooser, depth + 1), more)
    if kind == 5:
        return "%s() + %s" % (name, inner)
    if kind == 6:
        return "(yield %s)" % inner
    return "{%s: %s for a in b}" % (name, inner)


def random_block(chooser, depth, indent):
    lines = []
    for _ in range(chooser.randint(1, 3)):
        name = chooser.choice(RANDOM_NAMES)
        prefix = " " * indent
        kind = chooser.randrange(10 if depth < 3 else 5)
        if kind == 0:
            lines.append("%s%s = %s" % (prefix, name, random_expression(chooser, depth)))
        elif kind == 1:
            lines.append(prefix + random_expression(chooser, depth))
        elif kind == 2:
            lines.append("%s%s %s" % (prefix, chooser.choice(["global", "nonlocal"]), name))
        elif kind == 3:
            lines.append("%s%s: %s%s" % (prefix, name, random_expression(chooser, depth),
                                         chooser.choice(["", " = 1"])))
        elif kind == 4:
            lines.append("%sdel %s" % (prefix, name))
        elif kind in (5, 6, 7):
            lines.append("%sdef %s(%s):" % (prefix, chooser.choice(["f", "__g", "a"]),
                                           chooser.choice(["", "a", "a, /, b", "__c, **b"])))
            lines.extend(random_block(chooser, depth + 1, indent + 4))
        else:
            lines.append("%sclass %s:" % (prefix, chooser.choice(["C", "__D", "_"])))
            lines.extend(random_block(chooser, depth + 1, indent + 4))
    return lines


def random_programs(count, seed):
    chooser = random.Random(seed)
    programs = []
    while len(programs) < count:
        source = "\n".join(random_block(chooser, 0, 0)) + "\n"
        if chooser.random() < 0.2:
            source = "from __future__ import annotations\n" + source
        try:
            ast.parse(source)
        except SyntaxError:
            continue   # the parser's errors are not this stage's
        programs.append(source)
    return programs


def test_random_programs_match_host():
    for source in random_programs(300, seed=311):
        expected = describe_outcome(host_symtable, source, "<random>")
        assert describe_outcome(pvm_symtable, source, "<random>") == expected, source
        if expected[0] == "table":
            assert_same_tables(source)


PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OTHER_HOST_VERSIONS = ("3.12.1", "3.13.0")
DESCRIBE_PROBE = """
import sys
from symtable_compare import describe_outcome
from pvm import symtable
for path in sys.argv[1:]:
    with open(path, "rb") as file:
        print(repr(describe_outcome(symtable, file.read(), path)))
"""


@pytest.mark.parametrize("version", OTHER_HOST_VERSIONS)
def test_same_tables_on_newer_hosts(version):
    # The guest language stays 3.11 whatever the host, so pvm's answers
    # under a newer host must be the ones it gives under this one.
    host = os.path.expanduser("~/.pyenv/versions/%s/bin/python3" % version)
    if not os.path.exists(host):
        pytest.skip("%s is not installed on this machine" % host)
    paths = corpus.sample_files(6)
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [PROJECT_ROOT, os.path.join(PROJECT_ROOT, "scripts")]))
    outputs = [subprocess.run([python, "-c", DESCRIBE_PROBE, *paths], capture_output=True,
                              text=True, cwd=PROJECT_ROOT, env=environment, timeout=120)
               for python in (sys.executable, host)]
    for result in outputs:
        assert result.returncode == 0, result.stderr
    assert outputs[1].stdout == outputs[0].stdout


@pytest.mark.parametrize("path", corpus.sample_files(40))
def test_corpus_sample_matches_host(path):
    with open(path, "rb") as file:
        source = file.read()
    assert_same_tables(source, filename=path)
