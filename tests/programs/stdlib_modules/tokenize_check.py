# Checks: tokenize: token streams from bytes and str, encoding detection, untokenize round trip, errors.
import io
import token
import tokenize

source = b"# -*- coding: utf-8 -*-\ndef f(x):\n    return x ** 2  # square\nname = f'{1+1}' 'caf\xc3\xa9'\n"
for item in tokenize.tokenize(io.BytesIO(source).readline):
    print(token.tok_name[item.type], repr(item.string), item.start, item.end, token.tok_name[item.exact_type])
print(tokenize.detect_encoding(io.BytesIO(source).readline))
print(tokenize.detect_encoding(io.BytesIO(b"\xef\xbb\xbfx = 1\n").readline))
tokens = list(tokenize.generate_tokens(io.StringIO("if a:\n\tb = [1,\n  2]\n").readline))
print([(token.tok_name[item.type], item.string) for item in tokens])
print(repr(tokenize.untokenize(tokens)))
print(repr(tokenize.untokenize((item.type, item.string) for item in tokens)))
for bad in ("x = '''never closed\n", "def f():\n  x\n y\n", "(1,\n"):
    try:
        list(tokenize.generate_tokens(io.StringIO(bad).readline))
    except (tokenize.TokenError, IndentationError) as error:
        print(type(error).__name__, error.args)
try:
    tokenize.detect_encoding(io.BytesIO(b"# coding: nonsense\n").readline)
except SyntaxError as error:
    print("SyntaxError:", error)
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(300), token.EXACT_TOKEN_TYPES["**="] == token.DOUBLESTAREQUAL)
