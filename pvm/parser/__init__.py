"""pvm's parser: source to standard `ast` nodes, exactly as `ast.parse` builds them.

    parse(source, filename, mode) = Parser(lex(decoded source)).<start rule of mode>()

`lexer` makes the token stream, `parser` follows `grammar.peg`, `strings` builds string
literals and f-strings, `invalid` holds the error-message rules of the second pass.
"""

import ast
import codecs
import os
import re
import sys

from pvm.parser.lexer import lex, unclosed_bracket_error
from pvm.parser.parser import Parser, incomplete_input_error, report_syntax_error, syntax_error

START_RULES = {
    "exec": Parser.file,
    "eval": Parser.eval,
    "single": Parser.interactive,
    "func_type": Parser.func_type,
}

# Python calls do not use the C stack on 3.11+, so a deep limit costs only memory; the
# bracket limit (200) and the unary chains bound how deep a parse really goes.
_PARSE_RECURSION_LIMIT = 100_000


def parse(source: str | bytes, filename: str | bytes | os.PathLike = "<unknown>",
          mode: str = "exec", *, type_comments: bool = False,
          feature_version: int | tuple[int, int] | None = None,
          allow_incomplete_input: bool = False, dont_imply_dedent: bool = False) -> ast.AST:
    """Parse `source` (str or bytes) into an AST, as `ast.parse` does.

    The last two are compile()'s PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT,
    which codeop uses to tell input that needs more lines: a parse that fails for want
    of more input raises SyntaxError("incomplete input")."""
    if mode not in START_RULES:
        raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
    undeclared_bytes = False
    if isinstance(source, (bytes, bytearray, memoryview)):
        source, declared = _decode_source(bytes(source), filename)
        # CPython's tokenizer knows no encoding for bytes without a cookie or a byte
        # order mark, and its parser then leaves error columns in UTF-8 bytes.
        undeclared_bytes = not declared
    elif not isinstance(source, str):
        raise TypeError("compile() arg 1 must be a string, bytes or AST object")
    elif not source.isascii():
        # CPython parses a str's UTF-8 encoding, which a lone surrogate anywhere in it
        # (a comment too) makes fail.
        source.encode("utf-8")
    if "\0" in source:
        # A SyntaxError since CPython 3.11.4 (gh-96670); compile() raised ValueError
        # before.  pvm follows the release it runs on.
        if sys.version_info < (3, 11, 4):
            raise ValueError("source code string cannot contain null bytes")
        raise SyntaxError("source code string cannot contain null bytes")
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    stream = lex(source, filename, type_comments)
    stream.exec_input = mode == "exec"
    stream.undeclared_bytes = undeclared_bytes
    stream.byte_offsets = undeclared_bytes and not source.isascii()
    if dont_imply_dedent and mode == "single":
        stream.drop_implied_dedents()
    if stream.error is not None:
        _end_of_input_errors(stream, source, mode)
    return _run(stream, START_RULES[mode], filename, feature_version, allow_incomplete_input)


def _end_of_input_errors(stream, source, mode):
    """Tokenizer errors where the input ends, which depend on the mode: CPython adds a
    final newline to 'exec' input only, so in 'single' and 'eval' input a string
    or a backslash continuation on the last line runs into the end of the input."""
    error = stream.error
    at_end = not source.endswith("\n") and error.lineno == source.count("\n") + 1
    if error.msg == "unexpected EOF while parsing":
        if mode == "exec":
            stream.error_at_end_of_input = True
            open_bracket = _innermost_open_bracket(stream)
            if open_bracket is not None:
                # A backslash ends the input inside brackets: CPython's tokenizer
                # reports the input ending there as the bracket never closed.
                stream.error = unclosed_bracket_error(open_bracket, stream.lines)
                stream.error_kind = "unclosed"
        elif at_end and source.endswith("\\"):
            line = stream.lines[-1]
            replacement = SyntaxError("unexpected character after line continuation "
                                      "character")
            replacement.lineno = replacement.end_lineno = error.lineno
            replacement.offset = len(line)
            replacement.end_offset = 0
            replacement.text = line
            stream.error = replacement
    elif mode != "exec" and at_end and error.msg.startswith("unterminated string literal"):
        stream.error_at_end_of_input = True
    if mode != "exec" and at_end and stream.error.text and stream.error.text.endswith("\n"):
        # The last line, shown as it is: no newline was added to it.
        stream.error.text = stream.error.text[:-1]


def _innermost_open_bracket(stream):
    """(bracket, line, column, line text) of the innermost bracket still open."""
    open_indexes = []
    for index, key in enumerate(stream.keys):
        if key in ("(", "[", "{"):
            open_indexes.append(index)
        elif key in (")", "]", "}") and open_indexes:
            open_indexes.pop()
    if not open_indexes:
        return None
    text, line_number, col, _, _ = stream.tokens[open_indexes[-1]]
    return text, line_number, col, stream.lines[line_number - 1]


def parse_fstring_expression(text, filename="<unknown>"):
    """Parse the expression of an f-string replacement field (the `fstring` rule)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    stream = lex(text, filename)
    return _run(stream, Parser.fstring_expression, filename, None)


def _run(stream, start_rule, filename, feature_version, allow_incomplete_input=False):
    parser = Parser(stream, filename, feature_version)
    old_limit = sys.getrecursionlimit()
    if old_limit < _PARSE_RECURSION_LIMIT:
        sys.setrecursionlimit(_PARSE_RECURSION_LIMIT)
    try:
        try:
            tree = start_rule(parser)
        except SyntaxError as error:
            if allow_incomplete_input and parser.pos >= stream.end_of_input_index():
                # An empty 'single' input, which the parser refuses at once.
                raise incomplete_input_error(stream, parser.pos, filename) from None
            # Raised while building a node (a bad string literal): final, as in CPython,
            # unless the tokenizer finds an error further on (see lexer.TokenStream).
            raise report_syntax_error(stream, error, filename) from None
        if tree is None:
            raise syntax_error(stream, start_rule, filename, feature_version,
                               allow_incomplete_input)
        if parser.has_long_statement:
            _check_tree_depth(tree, old_limit)
        return tree
    finally:
        if old_limit < _PARSE_RECURSION_LIMIT:
            sys.setrecursionlimit(old_limit)




def _check_tree_depth(tree, recursion_limit):
    """Raise CPython's RecursionError for a tree too deep to become Python objects.

    ast.parse builds the objects recursively, counting 3 per Python frame already on
    the stack and 1 per node, against 3 x the recursion limit.
    """
    frame = sys._getframe()
    caller_depth = 0
    while frame is not None:
        caller_depth += 1
        frame = frame.f_back
    budget = 3 * recursion_limit - 3 * (caller_depth - 2)
    if _tree_depth(tree) > budget:
        raise RecursionError("maximum recursion depth exceeded during ast construction")


def _tree_depth(tree):
    deepest = 0
    pending = [(tree, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > deepest:
            deepest = depth
        for value in node.__dict__.values():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        pending.append((item, depth + 1))
            elif isinstance(value, ast.AST) and value._fields:
                pending.append((value, depth + 1))
    return deepest


def _decode_source(data, filename):
    """(text, declared): the text of a source given as bytes, decoded as CPython's
    tokenizer does, and whether a byte order mark or a cookie declared its encoding.

    A UTF-8 byte order mark or an encoding cookie on one of the first two lines (the
    second counts only after a blank or comment line) chooses the codec. Bytes that
    are not UTF-8 in a UTF-8 source are kept as surrogate escapes: CPython complains
    only where a string literal holds them (see Parser.strings).
    """
    has_bom = data.startswith(b"\xef\xbb\xbf")
    if has_bom:
        data = data[3:]
    encoding = _cookie_encoding(data)
    declared = has_bom or encoding is not None
    if encoding is None:
        encoding = "utf-8"
    elif has_bom and encoding != "utf-8":
        raise _encoding_error(f"encoding problem: {encoding} with BOM", filename)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise _encoding_error(f"unknown encoding: {encoding}", filename) from None
    if encoding == "utf-8":
        return data.decode("utf-8", "surrogateescape"), declared
    try:
        return data.decode(encoding), declared
    except UnicodeDecodeError as error:
        # The codec's message alone: CPython's tokenizer decodes the whole source
        # before it reads a token, not a literal (which would add '(unicode error)').
        raise _encoding_error(str(error), filename) from None


_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BLANK_OR_COMMENT = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)")


def check_program_file(data: bytes, filename: str) -> None:
    """Raise CPython's SyntaxError for a program file (``python FILE``, or a program
    piped to stdin) whose bytes its encoding refuses.

    CPython reads such a file line by line.  With no declared encoding it rejects the
    first line that is not UTF-8, even where only a comment holds the bad bytes;
    ``compile()`` of the same bytes reads them as a whole and complains only where a
    name or a string holds one (as it does for a file that declares UTF-8)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return
    encoding = _cookie_encoding(data)
    if encoding is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line_number = data.count(b"\n", 0, error.start) + 1
            raise SyntaxError(
                "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                "encoding declared; see https://peps.python.org/pep-0263/ for details"
                % (data[error.start], filename, line_number)) from None
    elif encoding != "utf-8":
        _check_declared_encoding(data, encoding, filename)


# The size of the chunks an io.TextIOWrapper reads and decodes.
_TEXT_CHUNK = 8192


def _check_declared_encoding(data, encoding, filename):
    """A file that declares an encoding other than UTF-8 is read, after its cookie's
    line, by an io.TextIOWrapper that CPython opens one byte before that line's end and
    reads a first line from: a codec that does not exist, or a byte it refuses in that
    first chunk, is an "encoding problem".  A byte refused in a later chunk fails the
    line read when the chunk was needed, reported at the last line read before it."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        raise SyntaxError(f"encoding problem: {encoding}") from None
    first_chunk = _cookie(data)[1] - 1
    for start in range(first_chunk, len(data), _TEXT_CHUNK):
        try:
            decoder.decode(data[start:start + _TEXT_CHUNK])
        except UnicodeDecodeError as error:
            if start == first_chunk:
                raise SyntaxError(f"encoding problem: {encoding}") from None
            line_number = data.count(b"\n", 0, start)
            line_end = data.rfind(b"\n", 0, start) + 1
            line_start = data.rfind(b"\n", 0, line_end - 1) + 1
            text = data[line_start:line_end].decode(encoding)
            raise SyntaxError(f"(unicode error) {error}",
                              (filename, line_number, 0, text, line_number, -1)) from None


def _cookie_encoding(data):
    return _cookie(data)[0]


def _cookie(data):
    """(encoding, the end of its line) for the encoding cookie on one of the first two
    lines (the second counts only after a blank or comment line), or (None, 0)."""
    line_start = 0
    for number in range(2):
        line_end = data.find(b"\n", line_start) + 1 or len(data)
        line = data[line_start:line_end]
        match = _COOKIE.match(line)
        if match is not None:
            return _normal_encoding_name(match.group(1).decode("latin-1")), line_end
        if number == 0 and not _BLANK_OR_COMMENT.match(line):
            break
        line_start = line_end
    return None, 0


def _normal_encoding_name(name):
    # CPython's get_normal_name: two families are spelled one way, others left alone.
    spelling = name[:12].lower().replace("_", "-")
    if spelling == "utf-8" or spelling.startswith("utf-8-"):
        return "utf-8"
    if spelling in ("latin-1", "iso-8859-1", "iso-latin-1") or spelling.startswith(
            ("latin-1-", "iso-8859-1-", "iso-latin-1-")):
        return "iso-8859-1"
    return name


def _encoding_error(message, filename):
    # CPython reports these before reading any line: line 0, offset -1, no text.
    return SyntaxError(message, (filename, 0, -1, None))
