"""pvm's parser: source to standard `ast` nodes, exactly as `ast.parse` builds them.

    parse(source, filename, mode) = Parser(lex(decoded source)).<start rule of mode>()

`lexer` makes the token stream, `parser` follows `grammar.peg`, `strings` builds string
literals and f-strings, `invalid` holds the error-message rules of the second pass.
"""

import io
import sys

from pvm.parser.lexer import lex
from pvm.parser.parser import Parser, report_syntax_error, syntax_error

START_RULES = {
    "exec": Parser.file,
    "eval": Parser.eval,
    "single": Parser.interactive,
    "func_type": Parser.func_type,
}

# Python calls do not use the C stack on 3.11+, so a deep limit costs only memory; the
# bracket limit (200) and the unary chains bound how deep a parse really goes.
_PARSE_RECURSION_LIMIT = 100_000


def parse(source, filename="<unknown>", mode="exec", *, type_comments=False,
          feature_version=None):
    """Parse `source` (str or bytes) into an AST, as `ast.parse` does."""
    if mode not in START_RULES:
        raise ValueError("parse() mode must be 'exec', 'eval', 'single' or 'func_type'")
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = _decode_source(bytes(source), filename)
    elif not isinstance(source, str):
        raise TypeError("parse() arg 1 must be a string or bytes object")
    if "\0" in source:
        raise SyntaxError("source code string cannot contain null bytes")
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    stream = lex(source, filename, type_comments)
    return _run(stream, START_RULES[mode], filename, feature_version)


def parse_fstring_expression(text, filename="<unknown>"):
    """Parse the expression of an f-string replacement field (the `fstring` rule)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    stream = lex(text, filename)
    return _run(stream, Parser.fstring_expression, filename, None)


def _run(stream, start_rule, filename, feature_version):
    parser = Parser(stream, filename, feature_version)
    old_limit = sys.getrecursionlimit()
    if old_limit < _PARSE_RECURSION_LIMIT:
        sys.setrecursionlimit(_PARSE_RECURSION_LIMIT)
    try:
        try:
            tree = start_rule(parser)
        except SyntaxError as error:
            # Raised while building a node (a bad string literal): final, as in CPython,
            # unless the tokenizer finds an error further on (see lexer.TokenStream).
            raise report_syntax_error(stream, error, filename) from None
        if tree is None:
            raise syntax_error(stream, start_rule, filename, feature_version)
        return tree
    finally:
        if old_limit < _PARSE_RECURSION_LIMIT:
            sys.setrecursionlimit(old_limit)




def _decode_source(data, filename):
    try:
        from pvm.tokenize import detect_encoding
    except ImportError:
        from tokenize import detect_encoding
    encoding, _ = detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text
