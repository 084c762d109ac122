"""pvm.parser.strings against the host CPython: every node, every error, every warning.

Each source is tokenized with the stdlib tokenize; each run of adjacent STRING tokens
goes to ``parse_string_group`` and the result is compared, positions included, with
the node ``ast.parse`` builds for the same tokens.  Errors are compared with the
SyntaxError of ``compile()`` (class, message, line, offset), warnings with the ones
``compile()`` emits.
"""

import ast
import io
import tokenize
import warnings

import pytest

import corpus
from pvm.parser import strings


# ---- helpers -------------------------------------------------------------------------

def _host_expression(text):
    """Stand-in for the parser's callable: the host parser on the expression text.

    pvm's parser sends a nested string group back through strings.py, which marks the
    SyntaxErrors it has placed; the host parses nested f-strings itself, so mark here
    the errors its nested f-string expression parser reported (they are the ones that
    say "f-string: " but are none of strings.py's own messages).
    """
    try:
        return ast.parse(text, mode="eval").body
    except SyntaxError as error:
        if error.msg.startswith("f-string: ") and not _is_string_parser_message(error.msg):
            setattr(error, strings._PLACED_MARK, True)
        raise


_STRING_PARSER_MESSAGES = (
    "empty expression not allowed", "expression required before", "expecting '}'", "single '}' is not allowed",
    "invalid conversion character", "unmatched", "closing parenthesis",
    "unterminated string", "expressions nested too deeply", "too many nested parenthesis",
    "f-string: ")


def _is_string_parser_message(message):
    return message[len("f-string: "):].startswith(_STRING_PARSER_MESSAGES)


def _string_groups(source):
    """Yield (token tuples of one string group, the token after it); byte columns."""
    lines = source.splitlines(keepends=True)

    def byte_column(row, column):
        line = lines[row - 1] if row <= len(lines) else ""
        return column if line.isascii() else len(line[:column].encode("utf-8"))

    significant = [token for token in tokenize.generate_tokens(io.StringIO(source).readline)
                   if token.type not in (tokenize.NL, tokenize.COMMENT)]
    index = 0
    while index < len(significant):
        if significant[index].type != tokenize.STRING:
            index += 1
            continue
        end = index
        while significant[end].type == tokenize.STRING:
            end += 1
        group = [(token.string, token.start[0], byte_column(*token.start),
                  token.end[0], byte_column(*token.end))
                 for token in significant[index:end]]
        yield group, significant[end]
        index = end


def _host_string_nodes(tree):
    """The outermost Constant / JoinedStr at each location (what a group becomes)."""
    nodes = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Constant, ast.JoinedStr)):
            location = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
            nodes.setdefault(location, node)
    return nodes


def _dump(node):
    return ast.dump(node, include_attributes=True)


def _assert_groups_match_host(source, filename="<test>"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        host_nodes = _host_string_nodes(ast.parse(source, filename))
        group_count = 0
        for group, _ in _string_groups(source):
            group_count += 1
            location = (group[0][1], group[0][2], group[-1][3], group[-1][4])
            node = strings.parse_string_group(group, _host_expression, filename)
            assert location in host_nodes, (filename, group)
            assert _dump(node) == _dump(host_nodes[location]), (filename, group)
    return group_count


def _pvm_error(source):
    """(class name, msg, lineno, offset) of the first error, placed as the parser will."""
    lines = source.splitlines(keepends=True)
    for group, next_token in _string_groups(source):
        try:
            strings.parse_string_group(group, _host_expression, "f.py")
        except strings.StringGroupError as error:
            if error.token is None:
                # CPython points at the token it read last: the one after the group.
                return ("SyntaxError", error.msg, next_token.start[0],
                        next_token.start[1] + 1)
            lineno, byte_column = error.token[1], error.token[2]
            line = lines[lineno - 1].encode("utf-8")
            return ("SyntaxError", error.msg, lineno,
                    len(line[:byte_column].decode("utf-8")) + 1)
        except SyntaxError as error:
            return (type(error).__name__, error.msg, error.lineno, error.offset)
    return None


def _host_error(source):
    try:
        compile(source, "f.py", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as error:
        return (type(error).__name__, error.msg, error.lineno, error.offset)
    return None


# ---- valid strings -------------------------------------------------------------------

def _prefix_spellings(letters):
    """Every order and case of a prefix: 'br' -> br, bR, Br, BR, rb, rB, Rb, RB."""
    orders = {letters, letters[::-1]}
    spellings = set()
    for order in orders:
        for mask in range(2 ** len(order)):
            spellings.add("".join(letter.upper() if mask >> bit & 1 else letter
                                  for bit, letter in enumerate(order)))
    return sorted(spellings)


_PREFIX_SNIPPETS = [
    "x = %s'a\\tb{1}{{c}}' %s\"\"\"d\\\ne\"\"\"" % (prefix, prefix)
    for letters in ("", "r", "u", "b", "br", "f", "fr")
    for prefix in _prefix_spellings(letters)
]

_ESCAPE_SNIPPETS = [
    r"x = '\n\t\\\'\"\a\b\f\v\r'",
    r"x = '\x41\x7a\xE9 \u00e9\u20AC \U0001F600 \U0000004a'",
    r"x = '\N{BULLET}\N{latin small letter a}\N{NBSP}\N{EM DASH}'",
    r"x = '\0\12\101\1234\08\400\777'",
    "x = 'a\\\nb' 'c\\\n'",
    "x = '''line one\\\nline two\n\\tline three'''",
    r"x = '\d\w\s\.\(\8\9'",
    r"x = b'\n\t\\\'\"\a\b\f\v\r\x00\xff\x7F\0\12\101\1234\400\777'",
    r"x = b'\d\u1234\N{BULLET}'",
    "x = b'a\\\nb'",
    r"x = r'\n\x\N{' R'\''; y = rb'\x' Rb'\\'",
    r"x = '\é\\é é\xe9'",
    r"x = f'\N{BULLET} {1} \N{DIGIT ONE}{2}\x7b{{'",
    r"x = f'\{6}\}}\{{'",
    r"x = fr'\n{1}\{2}\N{BULLET}' rf'\d{3:\d}'",
    r"x = f'{1:\n>4}{2:\x41<{3}}'",
]

_FSTRING_SNIPPETS = [
    "x = f''",
    "x = f'' '' f\"\" ''",
    "x = '' f''",
    "x = f'{a}'",
    "x = f'{a}{b}{c}'",
    "x = f'a{b}c{d}e'",
    "x = f'{{}}'",
    "x = f'{{{a}}}'",
    "x = f'a{{b'",
    "x = f'{a!r}{b!s}{c!a}'",
    "x = f'{a:>10}{b:{c}.{d}f}{e!r:^{f}}'",
    "x = f'{a:}{b!r:}'",
    "x = f'{a:{b}}'",
    "x = f'{a:x{b}y{c}z}'",
    "x = f'{a=}{b = }{c=!s}{d=:>4}{e=!r:{f}}'",
    "x = f'{a =  }'",
    "x = f'{a != b}{a == b}{a <= b}{a >= b}{a < b}{a > b}'",
    "x = f'{(a := 1)}{a:=10}'",
    "x = f'{(lambda y: y)(1)}'",
    "x = f'{[i for i in range(3)]}{ {k: v for k, v in d} }{ {1, 2} }'",
    "x = f'{d[\"key\"]}{d[\"}\"]}{\"{\" + \":\" + \"!\"}'",
    "x = f\"{'a' 'b'}{'''c'''}\"",
    "x = f'{a, b}{*a,}{a,}'",
    "x = f'{ a }{  b  !r}{\tc\t}'",
    "x = f'{a if b else c}{not a}{-a}{a ** -b}'",
    "x = f'{a.b.c(d, e=f)[g:h]}'",
    "x = f'{yield}'",
    "x = f'{await a}'",
    "x = f'{f\"{a}\"}'",
    "x = f'''{f\"{f'{a}'}\"}'''",
    "x = f'{f\"{a:{b}}\":{c}}'",
    "x = f'{a}' 'b' f'{c}' 'd'",
    "x = 'a' f'{b}' 'c'",
    "x = u'a' f'{b}c{d}' 'e'",
    "x = u'a' 'b'",
    "x = U'a' f'{b}'",
    "x = f'{a}' u'b'",
    "x = ('a'\n     f'{b}'\n     # comment\n     f'{c:{d}}e')",
    "x = 'a' \\\n    f'{b}'",
    "x = f'{a:{b}}' f'{c:{d}>{e}}'",
    "x = f'''\n{a}\n  {b}\n'''",
    "x = f'''{\na\n}'''",
    "x = f'''{\n  a + \n  b}'''",
    "x = f'''a\n  {b +\n1} {c\n}'''",
    "x = f'''{\"\"\"a\nb\"\"\".upper()} {x} { \"\"\"c\nd\"\"\" }'''",
    "x = f'''{\"\"\"a\"\"\"}{a:{b}\n}'''",
    "x = (f'{a}'\n     f'''{b}\n{c}''')",
    "def f():\n    return f'{a}' \\\n        f'{b:>{c}}'\n",
    "x = f'é{a}é{b:é{c}}'",
    "é = f'{é}' 'é' f'{\"é\"}'",
    "x = 'é' f'''é\né{a}é\n {b}'''",
    "x = (f'{a!r:é}', b'' if 0 else 1)",
    "x = f'{a:%Y-%m-%d}'",
    "x = f'{a:{{}}>10}'",
    "x = f'{3.14:.{2}f}{0x1f:#x}{1_000:,}'",
    "x = f'{a[1:2, ::3]}{a(*b, **c)}'",
]


@pytest.mark.parametrize("source", _PREFIX_SNIPPETS + _ESCAPE_SNIPPETS + _FSTRING_SNIPPETS)
def test_snippet_matches_host(source):
    assert _assert_groups_match_host(source) > 0


@pytest.mark.parametrize("path", corpus.sample_files(40))
def test_corpus_file_matches_host(path):
    with tokenize.open(path) as file:
        source = file.read()
    _assert_groups_match_host(source, path)


def test_windows_line_endings_decode_as_newlines():
    # The tokenize module keeps '\r\n' inside triple-quoted tokens; CPython's tokenizer
    # has turned it into '\n' before the string is decoded.
    source = "x = '''a\r\nb''' f'''{c}\r\n{d}'''\r\n"
    expected = ast.parse(source).body[0].value
    tokens = [("'''a\r\nb'''", 1, 4, 2, 4), ("f'''{c}\r\n{d}'''", 2, 5, 3, 6)]
    node = strings.parse_string_group(tokens, _host_expression, "<test>")
    assert _dump(node) == _dump(expected)


# ---- errors --------------------------------------------------------------------------

_ERROR_SNIPPETS = [
    "x = f'{}'",
    "x = f'{}' + 1",
    "x = f'{ }' ;y",
    "x = (f'{}'\n  'a')",
    "x = f'{!r}'",
    "x = f'{ :x}'",
    "x = f'{=}'",
    "x = f'{!}'",
    "x = f'{a:{!r}}'",
    "x = f'''{\n!r}'''",
    "x = f'''{\n}'''",
    "x = f'}'",
    "x = f'a}b'",
    "x = f'{a}}'",
    "x = f'{'",
    "x = f'{a'",
    "x = f'{a!'",
    "x = f'{a:'",
    "x = f'{a=!'",
    "x = f'{a!z}'",
    "x = f'{a!}'",
    "x = f'{a!r=}'",
    "x = f'{a!rr}'",
    "x = f'{a=!x}'",
    "x = f'{a:{b!x}}'",
    "x = f'{a#}'",
    "x = f'{a(}'",
    "x = f'{a)}'",
    "x = f'{)}'",
    "x = f'{a[}'",
    "x = f'{a[)}'",
    "x = f'{a(]}'",
    "x = f'{\"a}'",
    "x = f'{\"\"\"a}'",
    "x = f'{a:{b:{c}}}'",
    "x = f'{a:{b}'",
    "x = f'{a:{b}x'",
    "x = f'{\\n}'",
    "x = f'{a[\"\\n\"]}'",
    "x = f'{lambda a:1}'",
    "x = f'{a b}'",
    "x = f'{a+}'",
    "x = f'{*a}'",
    "x = f'{a$}'",
    "x = f'{<1<'",
    "x = f'{a>'",
    "x = f'{1_}'",
    "x = f'{0b2}'",
    "x = f'{1jx}'",
    "x = f'{08}'",
    "x = f'{€}'",
    "x = f'{a\u00a0}'",
    "x = f'''{\na €}'''",
    "x = f'''{a +\n +€}'''",
    "x = 1\nx = f'''\n{\"a\nb\"}'''",
    "é = f'{a$}'",
    "x = \\\n  f'{a+}'",
    "x = f'''{a\n+}'''",
    "x = 'é' + f'''\n{a\n b}'''",
    "x = f'''abc\n   {a\n b}'''",
    "x = f'''{\na b}'''",
    "x = f'''{  \n  a b}'''",
    "x = f'''\n  {\na b}'''",
    "x = f'{f\"{a+}\"}'",
    "é = f'{f\"{}\"}'",
    "x = b'é'",
    "é = b'\\é'",
    "x = b'a' 'b'",
    "x = 'a' b'b'",
    "x = 'a' f'{b}' b'c'",
    "x = b'a' f'{b}'",
    "x = '\\x1'",
    "x = 'ab\\x1'",
    "x = '\\x1g'",
    "x = 'é\\x'",
    "x = '\\xé'",
    "x = 'é\\é\\u12'",
    "x = '\\U0011ffff'",
    "x = '\\U0001F60'",
    "x = '\\N'",
    "x = '\\Nx'",
    "x = '\\N{}'",
    "x = '\\N{abc'",
    "x = '\\N{no such name}'",
    "x = '\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'",
    "x = f'\\N{abc'",
    "x = f'{a}\\N'",
    "x = b'\\x1'",
    "x = b'ab\\xg1'",
    "x = 'a' '\\x1' f'{}'",
    "x = f'{a}' '\\x1'",
]


@pytest.mark.parametrize("source", _ERROR_SNIPPETS)
def test_error_matches_compile(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = _host_error(source)
        assert expected is not None
        assert _pvm_error(source) == expected


def test_nested_fields_inside_spec_are_too_deep_only_at_depth_two():
    assert _pvm_error("x = f'{a:{b:>{c}}}'") == _host_error("x = f'{a:{b:>{c}}}'")
    assert _pvm_error("x = f'{a:{b}{c}}'") is None


# ---- warnings ------------------------------------------------------------------------

_WARNING_SNIPPETS = [
    "x = '\\d'",
    "x = b'\\d'",
    "x = '\\d\\q'",
    "x = 1\ny = (f'{x}'\n  '\\d'  '\\q' f'\\w{x}\\e{x}')",
    "x = '\\777'; y = b'\\777'",
    "x = '\\400\\d' '\\8'",
    "x = f'\\{{x}}' f'\\}}' f'\\{6}'",
    "x = '''a\n\\d'''",
    "x = '\\é\\\\'",
]


def _recorded_warnings(action):
    with warnings.catch_warnings(record=True) as recorded:
        warnings.simplefilter("always")
        action()
    return [(warning.category, str(warning.message), warning.filename, warning.lineno)
            for warning in recorded]


def _parse_all_groups(source):
    for group, _ in _string_groups(source):
        strings.parse_string_group(group, _host_expression, "f.py")


@pytest.mark.parametrize("source", _WARNING_SNIPPETS)
def test_warnings_match_compile(source):
    expected = _recorded_warnings(lambda: compile(source, "f.py", "exec", ast.PyCF_ONLY_AST))
    assert _recorded_warnings(lambda: _parse_all_groups(source)) == expected


@pytest.mark.parametrize("source", _WARNING_SNIPPETS[:7])
def test_warning_as_error_is_syntax_error_at_the_token(source):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        expected = _host_error(source)
        assert expected is not None
        assert _pvm_error(source) == expected


def test_second_pass_emits_no_warnings():
    # CPython's second, error-reporting pass re-parses strings silently: a file with an
    # invalid escape and a syntax error further on warns once.
    source = "x = '\\d' f'\\q{1}'\n1 +\n"
    expected = _recorded_warnings(lambda: _host_error(source))
    (group, _), = _string_groups(source)

    def first_and_second_pass():
        for emit_warnings in (True, False):
            strings.parse_string_group(group, _host_expression, "f.py",
                                       emit_warnings=emit_warnings)

    assert len(expected) == 2
    assert _recorded_warnings(first_and_second_pass) == expected
