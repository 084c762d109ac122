"""pvm.parse against the host's ast.parse: same trees, positions included; same errors.

Every expected result comes from the host CPython at test time. The whole corpus is
checked by a script (see the module docstring of pvm/parser/parser.py for the figures);
here a reproducible sample keeps the suite quick.
"""

import ast
import sys
import warnings

import pytest

import corpus
import pvm

CORPUS_SAMPLE_SIZE = 40


def _dump(tree):
    return ast.dump(tree, include_attributes=True)


def _host_tree(source, mode="exec", type_comments=False):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source, mode=mode, type_comments=type_comments)


def _assert_same_tree(source, mode="exec", type_comments=False):
    expected = _dump(_host_tree(source, mode, type_comments))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = _dump(pvm.parse(source, mode=mode, type_comments=type_comments))
    assert got == expected


@pytest.mark.parametrize("path", corpus.sample_files(CORPUS_SAMPLE_SIZE))
def test_corpus_file_parses_as_the_host_does(path):
    with open(path, "rb") as file:
        source = file.read()
    _assert_same_tree(source)


CONSTRUCTS = [
    # literals and atoms
    "x", "1", "1.5", "1e10", "1_000_000", "0x_ff", "0o17", "0b1010", "1j", "1.5J", "1e-3j",
    "0", "00", "0.0", ".5", "5.", "1_0.0_1e+1_0", "True, False, None, ...",
    "'a' 'b'", "b'x' b'y'", "u'x'", "f'{x}'", "f'{x!r:>{width}}' 'tail'",
    "'''multi\nline''' 'x'",
    # containers
    "()", "(1,)", "(1, 2)", "[]", "[1, *a, 2]", "{}", "{1: 2, **d, 3: 4}", "{1, 2, *s}",
    "[x for x in y if x if not x]", "{x for x in y}", "{k: v for k, v in d.items()}",
    "(x for x in y)", "[x async for x in y]", "[(a, b) for a in x for b in a]",
    "[x for x, in y]", "[*a, *b]", "{**a, 'b': 1}",
    # operators
    "a + b * c - d / e // f % g @ h", "a ** b ** c", "-a ** b", "~a + -b + +c",
    "a << b >> c & d ^ e | f", "a < b <= c > d >= e == f != g", "a in b not in c is d is not e",
    "not a and b or c and not d", "a if b else c if d else e", "lambda: 0",
    "lambda x, y=1, *a, z, w=2, **k: x", "lambda x, /, y: 0", "lambda *, x: 0",
    "(x := 5)", "f(x := 5)", "[y := 1, y ** 2]", "await x", "(yield)", "(yield x)",
    "(yield from x)", "(a)", "((a, b))", "a.b.c", "a[1]", "a[1:2]", "a[::2]", "a[:]",
    "a[1:2, 3]", "a[*b]", "a[b, *c]", "a[(x := 1):2]", "f()", "f(a, b)", "f(*a, **k)",
    "f(a, *b, c=1, *d, **e)", "f(x for x in y)", "f(a=1)(b)[c].d", "f(**k, a=1)",
    "a if b else c", "x = *a, *b", "(*a, b)",
    # statements
    "x = 1", "x = y = z", "x, y = y, x", "[a, b] = c", "(a, b) = c", "a.b = c", "a[b] = c",
    "*a, b = c", "a, *b = c", "x: int", "x: int = 1", "(x): int = 1", "a.b: int", "a[0]: int = 1",
    "x += 1", "x.y -= 1", "x[0] *= 2", "x @= y", "x //= y", "x **= y", "x >>= y", "x = yield",
    "x = yield y", "x = await y", "del a", "del a, b", "del (a, b), [c]", "del a.b, a[0]",
    "pass", "break", "continue", "return", "return x", "return x, y", "return *a, b",
    "raise", "raise X", "raise X from Y", "global a, b", "nonlocal a", "assert x", "assert x, 'm'",
    "import a", "import a.b.c", "import a as b, c.d as e", "from a import b", "from . import b",
    "from .. import b", "from ...a import b", "from .... import b", "from a import (b, c,)",
    "from a import b as c, d", "from a import *", "x = 1; y = 2;", "if x: pass",
    "if x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n",
    "if x:\n    pass\nelif y:\n    pass\nelif z:\n    a = 1\n",
    "while x:\n    pass\nelse:\n    pass\n", "for x in y:\n    pass\nelse:\n    pass\n",
    "for x, y in z: pass", "for (x, y) in z: pass", "for [x, *y] in z: pass", "for x in *a, b: pass",
    "for x.y in z: pass", "for x[0] in z: pass",
    "async def f():\n    async for x in y:\n        pass\n    async with a as b, c:\n        pass\n    await z\n",
    "with a: pass", "with a as b: pass", "with a as (b, c): pass", "with a, b as c: pass",
    "with (a, b): pass", "with (a as b, c as d,): pass", "with (a, b) as c: pass", "with (yield): pass",
    "with (a): pass", "with (a)(b): pass",
    "try:\n    pass\nexcept:\n    pass\n", "try:\n    pass\nexcept E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nfinally:\n    pass\n", "try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass\n",
    "try:\n    pass\nexcept (A, B):\n    pass\n",
    "def f(): pass", "def f(a, b=1, *args, c, d=2, **kwargs) -> int:\n    return a\n",
    "def f(a, /, b, *, c): pass", "def f(a=1, /, b=2): pass", "def f(*, a): pass",
    "def f(a: int, *b: str, **c: bytes): pass", "def f(*args: *Ts): pass",
    "@d\ndef f(): pass", "@d.e(1)\n@g\nclass C: pass", "@(lambda f: f)\ndef f(): pass",
    "class C: pass", "class C(): pass", "class C(A, B, metaclass=M, **k): pass",
    "class C(*a): x = 1", "def f():\n    global x\n    nonlocal y\n",
    "def f():\n    yield\n    yield x\n    yield from y\n    x = yield\n",
    "x = 1 \\\n    + 2", "if True:\n    x = (1,\n         2)\n",
    "'''doc'''\nx = 1\n", "\n\n# comment\nx = 1  # trailing\n\n",
    "if x:\n\n    # c\n    pass\n", "x = [\n    1,\n    2,\n]\n",
    "print(1)\r\nprint(2)\r\n", "x = 1\n\x0cy = 2\n", "if x:\n\tpass\n",
    "class C:\n    def f(self):\n        return self\n\n    x = 1\n",
    # match
    "match x:\n    case 1: pass\n",
    "match x:\n    case 1 | 2 | 3: pass\n    case -1: pass\n    case 1 + 2j: pass\n    case -1 - 2j: pass\n",
    "match x:\n    case 'a' 'b': pass\n    case b'x': pass\n    case None: pass\n    case True: pass\n    case False: pass\n",
    "match x:\n    case a: pass\n    case _: pass\n    case a.b: pass\n    case a.b.c: pass\n",
    "match x:\n    case [a, b, *rest]: pass\n    case (a, b): pass\n    case (a,): pass\n    case (): pass\n    case []: pass\n    case [*_]: pass\n",
    "match x:\n    case a, b: pass\n    case a, *b: pass\n    case *a, b: pass\n",
    "match x:\n    case {1: a, 'b': c, **rest}: pass\n    case {}: pass\n    case {a.b: 1}: pass\n    case {**r}: pass\n",
    "match x:\n    case C(): pass\n    case C(a, b): pass\n    case C(a, b=1): pass\n    case a.C(x=1, y=2,): pass\n",
    "match x:\n    case (1 | 2) as y: pass\n    case [a] if a > 0: pass\n    case 1 as a: pass\n",
    "match x, y:\n    case 1, 2: pass\n", "match *a, b:\n    case 1: pass\n", "match (x):\n    case 1: pass\n",
    "match = 1", "match.x = 1", "match(x)", "match[x] = 1", "case = 1", "_ = 1",
    "match x:\n    case {'a': 1,}: pass\n",
    # unicode columns
    "x = 'é' + y", "é = 1; ü = é", "f('€€', x)", "x = '''é\né''' + y", "s = 'ä' 'ö'",
    "# é comment\nx = 1", "ｗｉｄｔｈ = 1",
]


@pytest.mark.parametrize("source", CONSTRUCTS)
def test_construct_parses_as_the_host_does(source):
    _assert_same_tree(source)


OTHER_MODES = [
    ("x", "eval"), ("a, b", "eval"), ("a,", "eval"), ("lambda: 1", "eval"), ("x\n\n", "eval"),
    ("(yield)", "eval"), ("[i async for i in y]", "eval"),
    ("x = 1", "single"), ("if x:\n  pass\n", "single"), ("x; y", "single"),
    ("1\n\n", "single"), ("@d\ndef f(): pass\n", "single"),
    ("() -> int", "func_type"), ("(int, str) -> None", "func_type"),
    ("(*int) -> None", "func_type"), ("(**int) -> None", "func_type"),
    ("(int, *str, **bytes) -> x", "func_type"), ("(int, *str) -> x", "func_type"),
]


@pytest.mark.parametrize("source, mode", OTHER_MODES)
def test_other_modes_parse_as_the_host_does(source, mode):
    _assert_same_tree(source, mode)


TYPE_COMMENTS = [
    "x = 1  # type: int\n", "x = y = 1  # type: int\n", "x = 1 #type:int\n",
    "def f(a, b):  # type: (int, str) -> None\n    pass\n",
    "def f(a, b):\n    # type: (int, str) -> None\n    pass\n",
    "def f(a,  # type: int\n      b,  # type: str\n      ):\n    pass\n",
    "def f(a,  # type: int\n      b  # type: str\n      ):\n    pass\n",
    "def f(*a,  # type: int\n **k  # type: str\n):\n  pass\n",
    "for x in y:  # type: int\n    pass\n", "with a as b:  # type: int\n    pass\n",
    "async def f():  # type: () -> None\n    async for x in y:  # type: int\n        pass\n",
    "x = 1  # type: ignore\n", "x = 1  # type: ignore[attr]\n", "import x  # type: ignore  \n",
    "x = 1  # type:ignore_x\n", "x = 1\n# type: ignore\ny = 2\n",
    "if x:\n    pass\n    # type: ignore\n",
]


@pytest.mark.parametrize("source", TYPE_COMMENTS)
def test_type_comments_parse_as_the_host_does(source):
    _assert_same_tree(source, type_comments=True)


def test_type_comments_are_ignored_unless_asked_for():
    _assert_same_tree("def f(a):  # type: (int) -> None\n    x = 1  # type: int\n")


@pytest.mark.parametrize("source", [
    "x = 1\n# type: int\ny = 2\n", "f(a,  # type: int\n  b)\n",
])
def test_misplaced_type_comment_is_an_error_as_in_the_host(source):
    with pytest.raises(SyntaxError) as expected:
        _host_tree(source, type_comments=True)
    with pytest.raises(SyntaxError) as got:
        pvm.parse(source, type_comments=True)
    assert (got.value.msg, got.value.lineno, got.value.offset) == (
        expected.value.msg, expected.value.lineno, expected.value.offset)


@pytest.mark.parametrize("source", [
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    b"\xef\xbb\xbfx = '\xc3\xa9'\n",
    b"x = '\xc3\xa9' + y\n",
    "x = '\u00e9' + y\r\nz = 1\r\n".encode("utf-8"),
])
def test_bytes_source_is_decoded_as_the_host_does(source):
    _assert_same_tree(source)


DEEP_SOURCES = {
    "199 parentheses": "(" * 199 + ")" * 199,
    "199 brackets": "[" * 199 + "]" * 199,
    "2000 minus signs": "-" * 2000 + "x",
    "2000 nots": "not " * 2000 + "x",
    "1000 unary operators": "+" * 1000 + "~x",
    "3000 attributes": "x" + ".a" * 3000,
    "199 subscripts": "x" + "[0]" * 199,
    "3000 additions": "a" + " + a" * 3000,
    "200 conditionals": "a if b else " * 200 + "c",
    "500 lambdas": "lambda: " * 500 + "x",
}


@pytest.mark.parametrize("name", DEEP_SOURCES)
def test_deep_nesting_parses_without_host_recursion_error(name):
    # ast.dump recurses once per level, more deeply than the default limit allows.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(50_000)
    try:
        _assert_same_tree(DEEP_SOURCES[name])
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize("opening", ["(", "[", "{"])
def test_more_than_200_open_brackets_is_the_hosts_error(opening):
    closing = {"(": ")", "[": "]", "{": "}"}[opening]
    _assert_same_error(opening * 201 + closing * 201)


def test_recursion_limit_is_restored():
    limit = sys.getrecursionlimit()
    pvm.parse("x = " + "(" * 150 + "1" + ")" * 150)
    assert sys.getrecursionlimit() == limit


SYNTAX_ERRORS = [
    'x = 1 $ 2',
    "a = 'abc",
    "a = '''abc\n\nx",
    '€ = 1',
    'x = (1,',
    'x = (1,]',
    'x = )',
    'x = [1, 2\ny = 3',
    '0777',
    '1abc',
    '0x1g',
    '1_',
    '1__0',
    '0b12',
    '0o8',
    '1e',
    '0_7',
    '1.5_',
    '1 + \\',
    'if x:\n    pass\n  y',
    '\tif x:\n        pass',
    ' x = 1',
    'if x:\npass',
    'if x:\n\tpass\n        pass',
    'f(**k, *a)',
    'f(a=1, b)',
    'x = 1 +',
    'def f(:\n  pass',
    'class C(\n',
    'x y',
    'x = = 1',
    "print 'hello'",
    'a.1',
    'for x in y\n  pass',
    'if x\n  pass',
    'while x\n  pass',
    'def f()\n  pass',
    'class C\n  pass',
    'x + 1 = 2',
    'f() = 1',
    'del f()',
    '(a, b) += 1',
    'a, b: int',
    'x = [1, 2 3]',
    'f(a b)',
    '{1: 2, 3}',
    'import',
    'from x import',
    'from x import a,',
    'try:\n  pass\n',
    'try:\n  pass\nelse:\n  pass',
    'x = 1\n  y = 2',
    'def f():\nreturn 1',
    '@\ndef f(): pass',
    'x = yield = 3',
    'a if b',
    '[x for x in]',
    'f(x for x in y, 1)',
    'x := 1',
    '(*a)',
    'True = 1',
    'None = 1',
    'def f(a, a=1, b): pass',
    'def f(*): pass',
    'def f(**k, a): pass',
    'nonlocal',
    'pass pass',
    'return return',
    "x = 'a' 'b",
    "s = f'{'",
    '\n\n  x',
    '(',
    ')',
    '[',
    '}',
    'x = {',
    'def f(x):\n  return x\n return',
    'match x:\n  case 1:\n  pass',
    'with a as b c: pass',
    'except: pass',
    'else: pass',
    'x = 5\nx y z',
    'if True:\n    x = 1\n   y = 2',
    'a = 1 if b else',
    '1 2',
    "'a' 'b' c",
    "f'{a $ b}'",
    'x = 1\x00',
    'é é',
    "x = 'é",
    '# é\nx = ä ö',
    'x=1\n\n\n)',
    'f(), x = 1',
    'try:\n  pass\nexcept A, B:\n  pass',
    'try:\n  pass\nexcept A, B as e:\n  pass',
    'f(a=1 for a in b)',
    'f(True=1)',
    'f(a.b=1)',
    'f(1, x for x in y)',
    'x = 1 if 2',
    'f(**k, a)',
    'def f(a, *, b=1, *c): pass',
    'def f(a, /, b, /): pass',
    'def f(*a=1): pass',
    'def f(**a=1): pass',
    'def f(a=): pass',
    'def f(*, /): pass',
    'def f(a, *b, /): pass',
    'def f(/): pass',
    'lambda /: 1',
    'def f(*, **k): pass',
    'def f((a, b)): pass',
    'lambda (a, b): 1',
    'if x = 1: pass',
    'if f() = 1: pass',
    'a, b += 1',
    '[a, b]: int',
    '(a, b): int',
    'a.b, c: int',
    'f(): int',
    'del (a, f())',
    'del *a',
    'for f() in x: pass',
    'with a as f(): pass',
    '(yield) = 1',
    'def f:\n  pass',
    'def f(x)\n  pass',
    'else = 1',
    'class C(x for x in y): pass',
    'yield = 1',
    '(yield i) = 2',
    '[*x for x in xs]',
    '{1: *12+1}',
    '{1:}',
    'f(**x, *)',
    '\\',
    'A.b\\ ',
    'with a as b\n',
    'try:\n  pass\nexcept\n  pass\n',
    'try:\n  pass\nexcept*:\n  pass',
    'match x\n  case 1:\n    pass\n',
    'match x:\n  case 42 as 1+2:\n    pass\n',
    'match x:\n  case _ as _:\n    pass\n',
    'match x:\n  case C(a=1, b):\n    pass\n',
    'match x:\n    case []:\npass\n',
    'with (lambda *:0): pass',
    '[a, b for a, b in c]',
    '[a, for a in c]',
    'x = [i for i in range(3) if i else 1]',
    'def f(a, b=1, /, c): pass',
    'def f(a, /, *, b, /): pass',
    'print x',
    'exec "code"',
    'f(a b c)',
    '(a b)',
    '{a b}',
    'a.b.c = = 1',
    'x: int: str',
    'import a.b as c.d',
    'from .a import b as c.d',
    'nonlocal x y',
    'global',
    'assert x = 1',
    'while x\n  pass',
    'async def f():\n  await = 1',
    'lambda x=1, y: x',
    '@x y\ndef f(): pass',
    'class A(metaclass=M, x): pass',
    "x = f'{1:{2:{3}}}'",
    'x = 1 = 2',
    'if x:\n  pass\nelse if y:\n  pass',
    'for x in y:\npass',
    'while True:\n  pass\nelse\n  pass',
    'try:\n  pass\nfinally\n  pass',
    'x = (1, 2',
    'x = [1, 2)',
    'x = {1: 2]',
    ')(',
    'x = 0x',
    'x = 1e+',
    'x = 0b',
    'x = 0o',
    'x = 1_000_',
    'x = 0_',
    'x = 09',
    'x = 1.2.3',
    'x = 1__2',
    'é = €',
    '\ufeffx = 1 $',
    'x = """',
    "x = '''\n\n",
    'x = "\\N{bad}"',
    'def f():\n\tif x:\n        pass',
    # A valid target before a missing 'in': the error stays where the first pass stopped.
    'for x yfff:',
    'for x, y z:',
    'for x y in z:\n  pass',
    'for i < (): pass\n',
    # The input ends on a backslash inside brackets: the bracket never closed...
    '(1,\\',
    'x = (\n1,\\\n\\',
    # ...found while reading the arguments after an unparenthesized generator.
    '"\\\n"(1 for c in I,\\\n\\',
    # The parser wants more after a decorator and finds the end of the input: CPython's
    # ENDMARKER has no column and sits on the last line read.
    '@staticmethod\n',
    '@x',
    '@x\n\n\n',
    '@x\n# a comment',
    'if 1:\n  pass\n@x  # a comment\n',
    # A one-quote string continued by backslashes and left open, at the end of the
    # input or on an empty line.
    "'abc\\\n",
    "x = b'abc\\\n\\\n",
    "'abc\\\n\n",
    # invalid_dict_comprehension (test_unpack_ex's doctests).
    '{**{} for a in [1]}',
    '{**x async for x in y}',
    # '*' param '=': a starred annotation (PEP 646) is no `param`, so plain "invalid
    # syntax" (test_pep646_syntax's doctests); an unstarred one gets the message.
    'def f5(*args: *b = (1,)): pass',
    'def f5(*args: b = (1,)): pass',
]


def _error_attributes(parse, source):
    try:
        parse(source)
    except SyntaxError as error:
        return (type(error).__name__, error.msg, error.lineno, error.offset,
                error.end_lineno, error.end_offset, error.text)
    return None


def _assert_same_error(source):
    def host(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<test>", "exec", ast.PyCF_ONLY_AST)

    expected = _error_attributes(host, source)
    assert expected is not None
    got = _error_attributes(lambda text: pvm.parse(text, "<test>"), source)
    assert got == expected


@pytest.mark.parametrize("source", SYNTAX_ERRORS)
def test_syntax_error_is_the_hosts(source):
    _assert_same_error(source)


BYTES_ERRORS = [
    b"# -*- coding: uft-8 -*-\nx = 1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    b'print("b\xf6se")\n',
    b"\n\nx = 'a\xc3'\n",
    # Bytes of no declared encoding: the parser's columns stay in bytes, as CPython's
    # do; the tokenizer's and those of a declared encoding count characters.
    b'Python = "\xcf\xb3\xf2\xee\xed" +',
    b"\xce\xb1 + = 1",
    b"(\xce\xb1 := 1) = 2",
    b"# coding: utf-8\n\xce\xb1 + = 1",
    b"\xef\xbb\xbf\xce\xb1 + = 1",
    b"\xce\xb1 = 0xI",
    # A byte that is not UTF-8 outside a string: the tokenizer takes it, with the name
    # characters around it, for a name it fails to decode.
    b"\x89\n",
    b"ab\x89cd = 1\n",
    b"x = 1 + \xc3\n",
    b"(\x89)\n",
    b"# coding: utf-8\n\x89\n",
    # A literal's UTF-8 is decoded when the literal is built: as a whole if it has no
    # escape to process or is raw, else (every f-string piece that is not raw) one run of
    # non-ASCII bytes at a time, which the codec's positions count from; a bytes literal
    # refuses non-ASCII bytes first.
    b"'ab\xe9'\n",
    b"'a\\n b\xe9'\n",
    b"'a\\n \xc3\xa9b\xe9'\n",
    b"f'ab\xe9'\n",
    b"f'{1}\xe9'\n",
    b"rf'ab\xe9'\n",
    b"x = b'\xe9'\n",
    b"rb'\xe9'\n",
    b"f'{\"\xe9\"}'\n",
    b"x = 'b\xe9' b'a'\n",
    # A declared encoding that refuses the source: the codec's own message, at line 0.
    b"# coding: ascii\nx = '\xe9'\n",
]


@pytest.mark.parametrize("source", BYTES_ERRORS)
def test_undecodable_bytes_are_the_hosts_error(source):
    _assert_same_error(source)


@pytest.mark.parametrize("source", [
    b"# coding: ascii\nx = '\xe9'\n", b"# coding: nonexistent\nx = 1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
])
def test_encoding_errors_are_the_hosts_with_their_filename(source):
    def arguments(parse):
        try:
            parse(source, "name.py")
        except SyntaxError as error:
            return error.args, str(error)

    assert arguments(pvm.parse) == arguments(ast.parse)


@pytest.mark.parametrize("source", ['x = "\ud800"\n', "x = 1  # \udce9\n", "\ud800"])
def test_a_lone_surrogate_in_str_source_is_the_hosts_error(source):
    # CPython parses the source's UTF-8 encoding, which the surrogate makes fail.
    def failure(parse):
        try:
            parse(source)
        except UnicodeEncodeError as error:
            return str(error)

    assert failure(pvm.parse) == failure(ast.parse) is not None


def _nested_blocks(levels, indent=" ", before=""):
    return before + "".join(indent * level + "if x:\n" for level in range(levels)) \
        + indent * levels + "pass\n"


# CPython's tokenizer refuses a 100th level of indentation (MAXINDENT), an error it
# reports through the parser: a parser error earlier in the file wins.
INDENTATION_LIMITS = [
    _nested_blocks(100), _nested_blocks(101), _nested_blocks(100, "\t"),
    _nested_blocks(120, before="x = = 1\n"), _nested_blocks(100, before="def f(:\n"),
    "def f():\n" + _nested_blocks(99, before=" x = 1\n").replace("\n", "\n ", 99 + 1),
]


@pytest.mark.parametrize("source", INDENTATION_LIMITS)
def test_indentation_limit_is_the_hosts(source):
    _assert_same_error(source)


def test_ninety_nine_levels_of_indentation_parse():
    assert ast.dump(pvm.parse(_nested_blocks(99))) == ast.dump(ast.parse(_nested_blocks(99)))


LIMITS = {
    "5969 minus signs": "-" * 5969 + "x",
    "5970 minus signs": "-" * 5970 + "x",
    "5970 nots": "not " * 5970 + "x",
    "2985 powers": "2**" * 2985 + "2",
    "2985 lambdas": "lambda:" * 2985 + "x",
    "3000 additions": "a" + " + a" * 3000,
    "3000 attributes": "x" + ".a" * 3000,
    "3000 calls": "f" + "()" * 3000,
    "100000 minus signs": "-" * 100000 + "x",
}


@pytest.mark.parametrize("name", LIMITS)
def test_depth_limits_are_the_hosts(name):
    # CPython's parser stack holds 6000 rule calls (MemoryError beyond), and ast.parse
    # turns a tree into objects with a recursion budget (RecursionError beyond).
    def outcome(parse):
        try:
            parse(LIMITS[name])
        except (MemoryError, RecursionError) as error:
            return type(error).__name__
        return "parsed"

    assert outcome(pvm.parse) == outcome(ast.parse)


@pytest.mark.parametrize("source", [
    "x = 1\ny = 2", "x = 1; y = 2\nz", "if x:\n  pass\ny = 1\n", "", "x = = 1",
    "\n", "# a comment\n", "@staticmethod\n", "@x", "@x\n\n",
    # A compound statement of one line with no newline: its NEWLINE is the one CPython
    # adds where the input ends, and the statement needs one more.
    "if 1: pass", "class A: pass", "for x in y: pass  # a comment",
    # A header without its ':' at the end of the input: a forced ':' reports the NEWLINE
    # CPython adds there, which has no column; the others the last token read.
    "def f()", "if 1:\n    pass\nelse", "try", "if 1", "if 1:\n  pass\nelif 2",
])
def test_single_mode_errors_are_the_hosts(source):
    def host(text):
        ast.parse(text, "<test>", "single")

    expected = _error_attributes(host, source)
    assert expected is not None
    assert _error_attributes(lambda text: pvm.parse(text, "<test>", "single"), source) == expected


def test_syntax_error_carries_the_filename():
    with pytest.raises(SyntaxError) as got:
        pvm.parse("x = = 1", "some/file.py")
    assert got.value.filename == "some/file.py"
