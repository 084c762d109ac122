"""pvm.tokenize against the host's tokenize module: same tokens, same errors, same CLI output.

Every expected value is computed by the host CPython at test time, on the same input.
"""

import ast
import io
import os
import random
import subprocess
import sys
import token as stdlib_token
import tokenize as stdlib_tokenize

import pytest
from hypothesis import given, settings, strategies as st

import corpus
import pvm.token
import pvm.tokenize

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def outcome(make_tokens):
    """Every token as a plain tuple, then the exception (type name and args) if one ends the stream."""
    result = []
    try:
        for token in make_tokens():
            result.append(tuple(token))
    except Exception as error:
        result.append((type(error).__name__, error.args))
    return result


def assert_same_tokens(source):
    """Check the three entry points on str ``source`` (and its UTF-8 bytes) against the stdlib's."""
    expected = outcome(lambda: stdlib_tokenize.generate_tokens(io.StringIO(source).readline))
    assert outcome(lambda: pvm.tokenize.generate_tokens(io.StringIO(source).readline)) == expected
    assert outcome(lambda: pvm.tokenize._generate_from_string(source)) == expected
    data = source.encode("utf-8", "surrogatepass")
    assert (outcome(lambda: pvm.tokenize.tokenize(io.BytesIO(data).readline))
            == outcome(lambda: stdlib_tokenize.tokenize(io.BytesIO(data).readline)))


# --- The corpus --------------------------------------------------------------

CORPUS_SAMPLE = corpus.sample_files(60)


@pytest.mark.parametrize("path", CORPUS_SAMPLE, ids=os.path.basename)
def test_corpus_file_tokens(path):
    with open(path, "rb") as file:
        data = file.read()
    assert (outcome(lambda: pvm.tokenize.tokenize(io.BytesIO(data).readline))
            == outcome(lambda: stdlib_tokenize.tokenize(io.BytesIO(data).readline)))
    text = data.decode(stdlib_tokenize.detect_encoding(io.BytesIO(data).readline)[0])
    assert (outcome(lambda: pvm.tokenize._generate_from_string(text))
            == outcome(lambda: stdlib_tokenize.generate_tokens(io.StringIO(text).readline)))


# --- Awkward input -------------------------------------------------------------

TRICKY_SOURCES = [
    "",
    "\n",
    "x",                                    # no final newline: a NEWLINE is synthesized
    "x = 1  # comment",
    "# only a comment",
    "x = 1\n   ",                           # blanks with no line end stop tokenizing
    "x = 1\n\n\n",
    "if x:\n    y\n  z\n",                  # bad dedent: IndentationError
    "if x:\n\ty\n        z\n",              # a tab reaches column 8
    "if x:\n \f y\n",                       # a form feed resets the column
    "\fx = 1\n",
    "if x:\n    y\n",                       # DEDENT tokens at the end
    "def f():\n    return 1\n\nclass C:\n    pass\n",
    "x = (1,\n     2)\n",                   # NL inside brackets
    "x = [\n",                              # EOF in multi-line statement
    "x = 1 + \\\n    2\n",                  # backslash continuation
    "x = \\\n",
    "x = \\",
    "x = '''abc\ndef'''\n",
    "x = '''abc\n",                         # EOF in multi-line string
    "x = 'abc\n",                           # unterminated: ERRORTOKENs
    "x = 'abc\\\ndef'\n",                   # a single-quoted string continued by a backslash
    "x = 'abc\\\ndef\ny = '''a\nb\nc'''\n",  # the stdlib's leftover continuation flag
    "x = \"abc\\\r\ndef\"\r\n",
    "a\r\nb\r\n",
    "a\rb\r",
    "x = 1\r\n  \r\n",
    "x = $ ? `\n",
    "x = ! 1\n",
    "a != b <> c\n",
    "é = ² + x² + ٣\n",                     # non-ASCII names; "²" cannot start one
    "x = a·b\n",
    "0 1 09 0x1f 0XaB 0b101 0o17 1_000 1__0 0_0 00 0777\n",
    "1. .5 1.5 1e5 1E-5 1.5e+3 .5e3 1j 1.5J .5j 1e5j 0x 1e 1_ 1.__class__\n",
    "x = b'a' B'b' r'c' R'd' u'e' U'f' f'g' F'h' br'i' rB'j' Rb'k' fr'l' Rf'm'\n",
    "x = ur'a' bu'b' ub'c' bf'd' rr'e'\n",
    "x = '''a''' \"\"\"b\"\"\" r'''c''' f\"\"\"d\"\"\"\n",
    "x = ''\n'''''' \"\"\"\"\"\"\n",
    "s = '\\''\nt = \"\\\"\"\n",
    "async def f():\n    await x\n    async for y in z: pass\n",
    "x = ...\ndef f() -> int: ...\n(y := 1)\n",
    "a **= b //= c >>= d <<= e @= f -> g\n",
    "x = 1;  y = 2\n",
    "\ufeffx = 1\n",
    "x = '\u2028'\n",
    "x\x00y\n",
    "  \n\t\n\f\n",
    "    x = 1\n",                          # indented first line
    "if x:\n    # comment\n  # other\n    y\n",
    "x = (\n# comment\n)\n",
    "def f(\n    a,\n):\n    pass",
    "x = 1 #",
    "from # line 4\n",                      # a NEWLINE after a comment (see the parser's
    "from # line 4",                        # lexer: CPython's tokenizer starts it at the
    "x = (1,  # c\n     2)  # d\n",         # comment, the tokenize module does not)
    "#\n#\n",
    "\\\n",
    "(",
    ")\n)\nx\n",                            # unbalanced closers
    "x = 1\n\\",
    "'''",
    "'",
    "x = f'{a!r:>{width}}'\n",
]


@pytest.mark.parametrize("source", TRICKY_SOURCES)
def test_tricky_source(source):
    assert_same_tokens(source)


def test_readline_that_stops_with_stop_iteration():
    lines = ["x = 1\n", "y = (\n", "2)\n"]
    expected = outcome(lambda: stdlib_tokenize.generate_tokens(iter(lines).__next__))
    assert outcome(lambda: pvm.tokenize.generate_tokens(iter(lines).__next__)) == expected
    data = [line.encode() for line in lines]
    assert (outcome(lambda: pvm.tokenize.tokenize(iter(data).__next__))
            == outcome(lambda: stdlib_tokenize.tokenize(iter(data).__next__)))


def test_readline_returning_several_lines_at_once():
    lines = ["if x:\n    y = 1\nz = 2\n", "    w\n"]
    expected = outcome(lambda: stdlib_tokenize.generate_tokens(iter(lines).__next__))
    assert outcome(lambda: pvm.tokenize.generate_tokens(iter(lines).__next__)) == expected


FRAGMENTS = ["'", '"', "'''", '"""', "r", "b", "f", "rb", "Br", "ur", "x", "abc", "é", "²",
             "\\", "\\\n", "\\\r\n", "\n", "\r\n", "\r", " ", "\t", "\f", "    ", "#", "# c",
             "(", ")", "[", "]", "{", "}", "0", "1", "09", "0x1f", "1_0", "1.", ".5", "1e5",
             "1.5j", "e", "j", ".", "...", "->", ":=", "**=", "!=", "!", "$", ",", ":",
             "if", "def", "\x00", "'x'", "'''z'''"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_fragments_fuzz(fragments):
    assert_same_tokens("".join(fragments))


MUTATIONS = ["'", '"', "'''", '"""', "\\", "\\\n", "\n", "\r", "\t", "\f", "(", ")", "#", " ",
             "$", "é", "0x", ".", "r'", 'b"']


@pytest.mark.parametrize("seed", range(150))
def test_mutated_corpus_piece(seed):
    """A piece of a corpus file with a few characters deleted or inserted: broken strings,
    brackets and indentation in realistic surroundings."""
    generator = random.Random(seed)
    with open(generator.choice(CORPUS_SAMPLE), encoding="utf-8", errors="replace") as file:
        text = file.read()
    start = generator.randrange(max(1, len(text) - 1500))
    characters = list(text[start:start + generator.randint(50, 1500)])
    for _ in range(generator.randint(1, 6)):
        at = generator.randrange(len(characters) + 1)
        if characters and generator.random() < 0.5:
            del characters[min(at, len(characters) - 1)]
        else:
            characters.insert(at, generator.choice(MUTATIONS))
    assert_same_tokens("".join(characters))


# --- Encodings -----------------------------------------------------------------

ENCODING_SOURCES = [
    b"",
    b"x = 1\n",
    b"\xef\xbb\xbfx = 1\n",
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    b"#!/usr/bin/env python\n# coding=iso-8859-15\nx = '\xa4'\n",
    b"\n# vim: set fileencoding=utf_8 :\nx = 1\n",
    b"x = 1\n# coding: latin-1\n",             # a cookie on line 2 counts only under a blank or comment line
    b"# coding: utf-8-unix\n",
    b"# coding: Latin_1-foo\n",
    b"# coding: no-such-codec\n",
    b"\xef\xbb\xbf# coding: latin-1\n",        # BOM and cookie disagree
    b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    b"x = '\xe9'\n",                            # not UTF-8 and no cookie
    b"# comment\nx = '\xe9'\n",
    b"# coding: ascii\nx = '\xe9'\n",           # the cookie's codec cannot decode a later line
    b"\xef\xbb\xbf",
    b"# coding: latin-1",
]


@pytest.mark.parametrize("data", ENCODING_SOURCES)
def test_encoding_detection_and_tokens(data):
    assert (outcome(lambda: [pvm.tokenize.detect_encoding(io.BytesIO(data).readline)])
            == outcome(lambda: [stdlib_tokenize.detect_encoding(io.BytesIO(data).readline)]))
    assert (outcome(lambda: pvm.tokenize.tokenize(io.BytesIO(data).readline))
            == outcome(lambda: stdlib_tokenize.tokenize(io.BytesIO(data).readline)))


@pytest.mark.parametrize("data", [b"# coding: no-such-codec\n", b"x = '\xe9'\n",
                                  b"\xef\xbb\xbf# coding: latin-1\n", b"# coding: latin-1\nx\n"])
def test_detect_encoding_names_the_file(tmp_path, data):
    path = tmp_path / "source.py"
    path.write_bytes(data)

    def detect(module):
        with open(path, "rb") as file:
            return [module.detect_encoding(file.readline)]

    assert outcome(lambda: detect(pvm.tokenize)) == outcome(lambda: detect(stdlib_tokenize))


def test_open_uses_the_detected_encoding(tmp_path):
    path = tmp_path / "source.py"
    path.write_bytes(b"# coding: latin-1\nx = '\xe9'\n")
    with pvm.tokenize.open(path) as ours, stdlib_tokenize.open(path) as theirs:
        assert (ours.encoding, ours.mode, ours.read()) == (theirs.encoding, theirs.mode, theirs.read())


# --- TokenInfo and the token module -----------------------------------------------

def test_token_module_matches_the_stdlib():
    assert pvm.token.tok_name == stdlib_token.tok_name
    assert pvm.token.EXACT_TOKEN_TYPES == stdlib_token.EXACT_TOKEN_TYPES
    assert pvm.token.__all__ == stdlib_token.__all__
    for name, number in stdlib_token.tok_name.items():
        assert getattr(pvm.token, number) == name
        assert getattr(pvm.tokenize, number) == name       # re-exported
    assert pvm.tokenize.__all__ == stdlib_tokenize.__all__
    for number in (0, 1, 255, 256, 300):
        assert pvm.token.ISTERMINAL(number) == stdlib_token.ISTERMINAL(number)
        assert pvm.token.ISNONTERMINAL(number) == stdlib_token.ISNONTERMINAL(number)
        assert pvm.token.ISEOF(number) == stdlib_token.ISEOF(number)


def test_token_info_behaves_like_the_stdlib_one():
    source = "x = (a ** 2) // b\n"
    ours = list(pvm.tokenize._generate_from_string(source))
    theirs = list(stdlib_tokenize.generate_tokens(io.StringIO(source).readline))
    assert [repr(token) for token in ours] == [repr(token) for token in theirs]
    assert [token.exact_type for token in ours] == [token.exact_type for token in theirs]
    assert [token._asdict() for token in ours] == [token._asdict() for token in theirs]
    assert pvm.tokenize.TokenInfo._fields == stdlib_tokenize.TokenInfo._fields
    assert isinstance(ours[0], pvm.tokenize.TokenInfo)
    assert ours[0]._replace(string="y") == theirs[0]._replace(string="y")


def test_every_operator_has_its_exact_type():
    source = " ".join(stdlib_token.EXACT_TOKEN_TYPES) + "\n"
    ours = [(token.string, token.exact_type) for token in pvm.tokenize._generate_from_string(source)]
    theirs = [(token.string, token.exact_type)
              for token in stdlib_tokenize.generate_tokens(io.StringIO(source).readline)]
    assert ours == theirs


# --- untokenize ----------------------------------------------------------------------

UNTOKENIZE_SOURCES = TRICKY_SOURCES + [open(path, encoding="utf-8", errors="replace").read()
                                       for path in CORPUS_SAMPLE[:10]]


def _is_valid_python(source):
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


def _complete_tokens(source):
    try:
        return list(stdlib_tokenize.generate_tokens(io.StringIO(source).readline))
    except (SyntaxError, stdlib_tokenize.TokenError):
        return None


@pytest.mark.parametrize("source", UNTOKENIZE_SOURCES, ids=range(len(UNTOKENIZE_SOURCES)))
def test_untokenize(source):
    tokens = _complete_tokens(source)
    if tokens is None:
        return  # only sources that tokenize completely can be rebuilt
    assert (outcome(lambda: [pvm.tokenize.untokenize(tokens)])
            == outcome(lambda: [stdlib_tokenize.untokenize(tokens)]))
    pairs = [token[:2] for token in tokens]
    rebuilt = pvm.tokenize.untokenize(pairs)
    assert rebuilt == stdlib_tokenize.untokenize(pairs)
    # The documented invariant for (type, string) pairs of valid source that the
    # tokenize module reads without error tokens: they survive a round trip.
    if _is_valid_python(source) and stdlib_token.ERRORTOKEN not in [token.type for token in tokens]:
        assert [token[:2] for token in pvm.tokenize._generate_from_string(rebuilt)] == pairs


def test_untokenize_with_encoding_returns_bytes():
    data = "# coding: latin-1\nx = 'é'\n".encode("latin-1")
    tokens = list(pvm.tokenize.tokenize(io.BytesIO(data).readline))
    assert pvm.tokenize.untokenize(tokens) == stdlib_tokenize.untokenize(tokens) == data
    pairs = [token[:2] for token in tokens]
    assert pvm.tokenize.untokenize(pairs) == stdlib_tokenize.untokenize(pairs)


def test_untokenize_rejects_tokens_out_of_order():
    tokens = [(stdlib_token.NAME, "a", (1, 5), (1, 6), ""), (stdlib_token.NAME, "b", (1, 0), (1, 1), "")]
    assert (outcome(lambda: [pvm.tokenize.untokenize(tokens)])
            == outcome(lambda: [stdlib_tokenize.untokenize(tokens)]))


# --- The command line ----------------------------------------------------------------

def run_stdlib_cli(arguments, stdin=""):
    completed = subprocess.run([sys.executable, "-m", "tokenize", *arguments], input=stdin,
                               capture_output=True, text=True)
    return completed.stdout, completed.stderr, completed.returncode


def run_pvm_cli(arguments, stdin, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        pvm.tokenize.main(arguments)
        status = 0
    except SystemExit as exit:
        status = exit.code
    captured = capsys.readouterr()
    return captured.out, captured.err, status


CLI_SOURCES = {
    "good": "def f(x):\n    return x ** 2  # square\n",
    "bad_string": "x = '''abc\n",
    "bad_dedent": "if x:\n    y\n  z\n",
    "bad_bracket": "x = (1,\n",
    "bad_cookie": "# coding: no-such-codec\nx = 1\n",
}


@pytest.mark.parametrize("name", sorted(CLI_SOURCES))
@pytest.mark.parametrize("exact", [[], ["-e"]], ids=["types", "exact"])
def test_cli_on_a_file(name, exact, tmp_path, capsys, monkeypatch):
    path = tmp_path / f"{name}.py"
    path.write_text(CLI_SOURCES[name])
    arguments = [*exact, str(path)]
    assert run_pvm_cli(arguments, "", capsys, monkeypatch) == run_stdlib_cli(arguments)


@pytest.mark.parametrize("name", ["good", "bad_string", "bad_dedent"])
def test_cli_on_stdin(name, capsys, monkeypatch):
    source = CLI_SOURCES[name]
    assert run_pvm_cli([], source, capsys, monkeypatch) == run_stdlib_cli([], source)


def test_cli_on_a_missing_file(tmp_path, capsys, monkeypatch):
    arguments = [str(tmp_path / "missing.py")]
    assert run_pvm_cli(arguments, "", capsys, monkeypatch) == run_stdlib_cli(arguments)


def test_cli_as_a_module(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text(CLI_SOURCES["bad_string"])
    completed = subprocess.run([sys.executable, "-m", "pvm.tokenize", "-e", str(path)], cwd=REPOSITORY,
                               capture_output=True, text=True)
    assert (completed.stdout, completed.stderr, completed.returncode) == run_stdlib_cli(["-e", str(path)])
