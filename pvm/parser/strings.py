"""String literals and f-strings: one run of adjacent STRING tokens becomes one ast node.

The parser hands over every run of adjacent STRING tokens (implicit concatenation) to
``parse_string_group``, which returns what ``ast.parse`` builds for it: a ``Constant``
(str or bytes) or a ``JoinedStr`` of ``Constant`` and ``FormattedValue`` pieces.

This follows CPython 3.11, where f-strings are still single STRING tokens that the parser
takes apart after tokenizing (PEP 701 changed that in 3.12).  The facts that shape the
result, all checked against the host ``ast.parse``:

- Every ``FormattedValue`` and every literal ``Constant`` piece carries the location of
  the whole group, not its own; a format spec's ``JoinedStr`` carries the location of
  the token it is in.
- Each replacement field's expression is parsed on its own, as ``(expression)``, with the
  '(' standing where the '{' stands.  Tokens on the expression's first line are shifted
  to that column; tokens on later lines (triple-quoted f-strings) keep the columns they
  have in the source line.  CPython decides per token, by the line the token *ends* on,
  so a triple-quoted string that starts the expression and spans lines is not shifted.
- Escapes are decoded the way CPython's "unicode_escape" decoding of the UTF-8 source
  does it, and its error messages count positions in that decoder's input, where each
  non-ASCII character was first spelled as a 10-byte ``\\UXXXXXXXX`` escape.

Errors.  CPython reports most of these errors at the token the parser has read last,
which is the token just after the group; a few at the string token concerned.  This
module does not know either position in characters, so it raises ``StringGroupError``
(a SyntaxError) and leaves the placing to the caller: ``error.token`` is the string token
(one of ``tokens``) or None for "the token after the group".  SyntaxErrors raised by
``parse_fstring_expression`` come out already placed in the file, with CPython's
"f-string: " prefix where CPython adds it (not on tokenizer errors, and once only for an
error from a nested f-string: the callable must let those pass unchanged).
"""

import ast
import re
import sys
import unicodedata

from pvm import compile_warnings

__all__ = ["parse_string_group", "StringGroupError"]


class StringGroupError(SyntaxError):
    """A SyntaxError in a string group that the caller places in the file.

    ``token`` is the token tuple the error points at, or None when CPython points at
    the parser's next token (the one after the group).
    """

    def __init__(self, message, token=None):
        super().__init__(message)
        self.token = token


def parse_string_group(tokens, parse_fstring_expression, filename, *, emit_warnings=True):
    """Build the ast node of adjacent STRING tokens.

    ``tokens``: ``(text, lineno, col, end_lineno, end_col)`` tuples, columns in UTF-8
    bytes.  ``parse_fstring_expression(text)`` parses a replacement field's expression
    and returns its node with positions relative to line 1, column 0 of ``text``.
    ``emit_warnings=False`` is for a parser's second pass over code it has already
    parsed once: CPython reports each invalid escape once, from the first pass.
    """
    if len(tokens) == 1:
        # Most strings in real code are one token without prefix or backslash.
        text, lineno, col_offset, end_lineno, end_col_offset = tokens[0]
        quote = text[0]
        if quote == '"' or quote == "'":
            if text.startswith(quote * 3) and len(text) >= 6:
                body = text[3:-3]
            else:
                body = text[1:-1]
            if "\\" not in body and "\r" not in body:
                _check_utf8(body)
                return ast.Constant(value=body, lineno=lineno, col_offset=col_offset,
                                    end_lineno=end_lineno, end_col_offset=end_col_offset)
    return _StringGroup(tokens, parse_fstring_expression, filename, emit_warnings).build()


# A bytes literal with a character outside ASCII: the error covers that string token
# since CPython 3.11.4 (gh-102310); before, it stood where the parser stood, at the token
# after the strings.  pvm follows the release it runs on.
BYTES_ERROR_AT_TOKEN = sys.version_info >= (3, 11, 4)

# Escapes that stand for one character, in str and bytes alike.
_SINGLE_CHARACTER_ESCAPES = {
    "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f",
    "n": "\n", "r": "\r", "t": "\t", "v": "\v",
}
_OCTAL_DIGITS = frozenset("01234567")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_HEX_ESCAPE_LENGTHS = {"x": 2, "u": 4, "U": 8}
_HEX_ESCAPE_NAMES = {"x": "\\xXX", "u": "\\uXXXX", "U": "\\UXXXXXXXX"}

# What the f-string expression scanner treats specially; anything else is skipped.
_EXPRESSION_SPECIAL = frozenset("\\'\"[{(#!:}=<>])")
_CLOSING_BRACKETS = {")": "(", "]": "[", "}": "{"}
# CPython's tokenizer limit on nested brackets, which the f-string scanner shares.
_MAXIMUM_BRACKET_DEPTH = 200
# Whitespace the parser skips, and so what an "empty" expression may contain.
_EXPRESSION_WHITESPACE = frozenset(" \t\n\f")
# What C's isspace() accepts: the whitespace allowed after a self-documenting '='.
_ASCII_WHITESPACE = frozenset(" \t\n\r\v\f")
_STRING_PREFIX_LETTERS = frozenset("rRbBuUfF")
# Set on the SyntaxErrors of f-string expressions this module has placed in the file.
_PLACED_MARK = "_placed_by_fstring_parser"
# How CPython's tokenizer begins the errors it raises itself (the f-string parser does
# not prefix those); and how it says where an unterminated string was noticed.
_TOKENIZER_MESSAGES = (
    "invalid character", "invalid non-printable character", "invalid decimal literal",
    "invalid hexadecimal literal", "invalid octal literal", "invalid binary literal",
    "invalid imaginary literal", "invalid digit", "leading zeros in decimal integer",
    "unterminated string literal", "unterminated triple-quoted string literal",
    "too many nested parentheses", "unmatched '", "closing parenthesis '")
_DETECTED_AT_LINE = "(detected at line "


class _Pieces:
    """The values of a JoinedStr being built, with the literal text not yet flushed.

    Adjacent literal parts join into one Constant; empty ones vanish.  ``is_fstring``
    says whether an f-string token took part, which makes the result a JoinedStr even
    when it holds no expression.
    """

    __slots__ = ("values", "literal_parts", "is_fstring")

    def __init__(self):
        self.values = []
        self.literal_parts = []
        self.is_fstring = False

    def add_literal(self, text):
        if text:
            self.literal_parts.append(text)

    def add_expression(self, formatted_value, kind_token, location):
        self.flush_literal(kind_token, location)
        self.values.append(formatted_value)

    def flush_literal(self, kind_token, location):
        if self.literal_parts:
            value = "".join(self.literal_parts)
            self.literal_parts = []
            self.values.append(_constant(value, kind_token, location))

    def finish(self, kind_token, location):
        """The JoinedStr of the pieces, or a Constant when no f-string took part."""
        if not self.is_fstring:
            return _constant("".join(self.literal_parts), kind_token, location)
        self.flush_literal(kind_token, location)
        return ast.JoinedStr(values=self.values, **location)


def _constant(value, kind_token, location):
    # CPython marks a literal u'' only when the group's token starts with a lower-case u.
    kind = "u" if kind_token[0][0] == "u" else None
    return ast.Constant(value=value, kind=kind, **location)


def _location(first_token, last_token):
    return {"lineno": first_token[1], "col_offset": first_token[2],
            "end_lineno": last_token[3], "end_col_offset": last_token[4]}


def _split_token(text):
    """(prefix letters in lower case, body start, body end) of a STRING token's text."""
    prefix_length = 0
    while text[prefix_length] in _STRING_PREFIX_LETTERS:
        prefix_length += 1
    quote = text[prefix_length]
    if text.startswith(quote * 3, prefix_length) and len(text) - prefix_length >= 6:
        quote_length = 3
    else:
        quote_length = 1
    return (text[:prefix_length].lower(), prefix_length + quote_length,
            len(text) - quote_length)


def _normalize_newlines(text):
    # CPython's tokenizer turns every line ending into '\n' before the string parser
    # sees the token; a token from a file with '\r\n' endings must decode the same.
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class _StringGroup:
    """Decodes one run of STRING tokens; one instance per call, holding the context."""

    def __init__(self, tokens, parse_fstring_expression, filename, emit_warnings):
        self.tokens = tokens
        self.first_token = tokens[0]
        self.group_location = _location(tokens[0], tokens[-1])
        self.parse_fstring_expression = parse_fstring_expression
        self.filename = filename
        self.emit_warnings = emit_warnings

    def build(self):
        pieces = _Pieces()
        byte_parts = []
        group_is_bytes = None
        for token in self.tokens:
            text = _normalize_newlines(token[0])
            prefix, body_start, body_end = _split_token(text)
            is_bytes = "b" in prefix
            is_raw = "r" in prefix
            is_format = "f" in prefix
            # CPython decodes a plain token before it checks the bytes/str mix, and
            # parses an f-string token after; the order decides which error wins.
            if not is_format:
                body = text[body_start:body_end]
                if is_bytes:
                    value = self._decode_bytes(body, is_raw, token)
                else:
                    value = self._decode_str(body, is_raw, token)
            if group_is_bytes is not None and is_bytes != group_is_bytes:
                raise StringGroupError("cannot mix bytes and nonbytes literals")
            group_is_bytes = is_bytes
            if is_format:
                self._parse_fstring(pieces, token, text, body_start, body_end, is_raw, 0)
            elif is_bytes:
                byte_parts.append(value)
            else:
                pieces.add_literal(value)
        if group_is_bytes:
            return ast.Constant(value=b"".join(byte_parts), kind=None, **self.group_location)
        return pieces.finish(self.first_token, self.group_location)

    # ---- plain literals ------------------------------------------------------------

    def _decode_str(self, body, is_raw, token):
        if is_raw or "\\" not in body:
            _check_utf8(body)
            return body
        _check_utf8_runs(body)
        value, invalid_escape = _decode_str_escapes(body)
        if invalid_escape is not None:
            self._warn_invalid_escape(invalid_escape, token)
        return value

    def _decode_bytes(self, body, is_raw, token):
        if not body.isascii():
            raise StringGroupError("bytes can only contain ASCII literal characters",
                                   token if BYTES_ERROR_AT_TOKEN else None)
        if is_raw or "\\" not in body:
            return body.encode("ascii")
        value, invalid_escape = _decode_bytes_escapes(body)
        if invalid_escape is not None:
            self._warn_invalid_escape(invalid_escape, token)
        return value

    def _warn_invalid_escape(self, escape, token):
        """Warn as CPython does; if warnings are errors, a SyntaxError at the token."""
        if not self.emit_warnings:
            return
        if escape[0] in "4567":
            message = "invalid octal escape sequence '\\%s'" % escape
        else:
            message = "invalid escape sequence '\\%s'" % escape[0]
        try:
            compile_warnings.warn_explicit(message, DeprecationWarning, self.filename,
                                           token[1])
        except DeprecationWarning:
            raise StringGroupError(message, token) from None

    # ---- f-strings -----------------------------------------------------------------
    #
    # The scanning works on the token text with indices, so that the column of each
    # '{' can be read off directly.  `end` is where the body stops (the closing quote).

    def _parse_fstring(self, pieces, token, text, position, end, is_raw, depth):
        """Parse f-string text from `position` into `pieces`; return where it stopped.

        At depth 0 that is the end of the body; inside a format spec (depth 1 or 2) it
        is the '}' that closes the replacement field.
        """
        pieces.is_fstring = True
        while True:
            literal, position, brace_was_doubled = self._scan_literal(
                token, text, position, end, is_raw, depth)
            pieces.add_literal(literal)
            if brace_was_doubled:
                continue
            if position >= end or text[position] == "}":
                break
            formatted_value, debug_text, position = self._parse_replacement_field(
                token, text, position, end, is_raw, depth)
            pieces.add_literal(debug_text)
            pieces.add_expression(formatted_value, self.first_token, self.group_location)
        if depth and (position >= end or text[position] != "}"):
            raise StringGroupError("f-string: expecting '}'")
        return position

    def _scan_literal(self, token, text, position, end, is_raw, depth):
        """Read literal text up to a '{' or '}' that is not doubled.

        Returns (decoded literal, new position, whether it stopped on a doubled brace,
        in which case the literal keeps one brace and the position skips the other).
        """
        start = position
        while position < end:
            character = text[position]
            position += 1
            if not is_raw and character == "\\" and position < end:
                character = text[position]
                position += 1
                if character == "N":
                    # Braces of a \N{...} escape are part of the escape, not a field.
                    if position < end:
                        position += 1
                        if text[position - 1] == "{":
                            while position < end:
                                position += 1
                                if text[position - 1] == "}":
                                    break
                            continue
                    break
                if character == "{":
                    self._warn_invalid_escape("{", token)
            if character == "{" or character == "}":
                # Doubled braces count only at the top level: in f'{x:{y}}' the two
                # closing braces end the spec's field and then the outer field.
                if depth == 0:
                    if position < end and text[position] == character:
                        return (self._decode_literal(text[start:position], is_raw, token),
                                position + 1, True)
                    if character == "}":
                        raise StringGroupError("f-string: single '}' is not allowed")
                position -= 1
                break
        return self._decode_literal(text[start:position], is_raw, token), position, False

    def _decode_literal(self, literal, is_raw, token):
        if is_raw:
            _check_utf8(literal)
            return literal
        _check_utf8_runs(literal)
        if "\\" not in literal:
            return literal
        value, invalid_escape = _decode_str_escapes(literal)
        if invalid_escape is not None:
            self._warn_invalid_escape(invalid_escape, token)
        return value

    def _parse_replacement_field(self, token, text, position, end, is_raw, depth):
        """Parse the field at the '{' at `position`.

        Returns (FormattedValue, the self-documenting text or None, position after '}').
        """
        if depth >= 2:
            raise StringGroupError("f-string: expressions nested too deeply")
        position += 1
        expression_start = position
        expression_end = self._find_expression_end(text, position, end)
        position = expression_end
        if position >= end:
            raise StringGroupError("f-string: expecting '}'")
        expression = self._compile_expression(token, text, expression_start, expression_end)

        debug_text = None
        if text[position] == "=":
            position += 1
            while text[position] in _ASCII_WHITESPACE:
                position += 1
            debug_text = text[expression_start:position]

        conversion = -1
        if text[position] == "!":
            position += 1
            if position >= end:
                raise StringGroupError("f-string: expecting '}'")
            conversion_character = text[position]
            position += 1
            if conversion_character not in ("s", "r", "a"):
                raise StringGroupError(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'")
            conversion = ord(conversion_character)

        if position >= end:
            raise StringGroupError("f-string: expecting '}'")
        format_spec = None
        if text[position] == ":":
            position += 1
            if position >= end:
                raise StringGroupError("f-string: expecting '}'")
            spec_pieces = _Pieces()
            position = self._parse_fstring(spec_pieces, token, text, position, end,
                                           is_raw, depth + 1)
            # The spec's own node (and its last literal) take the location of its token.
            format_spec = spec_pieces.finish(token, _location(token, token))

        if position >= end or text[position] != "}":
            raise StringGroupError("f-string: expecting '}'")
        position += 1
        if debug_text is not None and format_spec is None and conversion == -1:
            conversion = ord("r")
        formatted_value = ast.FormattedValue(value=expression, conversion=conversion,
                                             format_spec=format_spec, **self.group_location)
        return formatted_value, debug_text, position

    @staticmethod
    def _find_expression_end(text, position, end):
        """Index of the '!', ':', '=' or '}' that ends the expression starting here.

        Like CPython this is not a full tokenizer: it tracks quotes and brackets only
        well enough to find the end of every valid expression; the expression parser
        reports whatever else is wrong.  Returns `end` if the body ends first.
        """
        quote = None
        is_triple_quoted = False
        open_brackets = []
        while position < end:
            character = text[position]
            if character not in _EXPRESSION_SPECIAL:
                position += 1
                continue
            if character == "\\":
                raise StringGroupError("f-string expression part cannot include a backslash")
            if quote is not None:
                if character == quote:
                    if not is_triple_quoted:
                        quote = None
                    elif (position + 2 < end and text[position + 1] == character
                          and text[position + 2] == character):
                        quote = None
                        position += 2
            elif character == "'" or character == '"':
                is_triple_quoted = (position + 2 < end and text[position + 1] == character
                                    and text[position + 2] == character)
                if is_triple_quoted:
                    position += 2
                quote = character
            elif character in "[{(":
                if len(open_brackets) >= _MAXIMUM_BRACKET_DEPTH:
                    raise StringGroupError("f-string: too many nested parenthesis")
                open_brackets.append(character)
            elif character == "#":
                raise StringGroupError("f-string expression part cannot include '#'")
            elif not open_brackets and character in "!:}=<>":
                if position + 1 < end:
                    following = text[position + 1]
                    # '!=', '==', '<=' and '>=' are operators, not the end of the
                    # expression ('=' is no conversion character, so nothing is lost).
                    if following == "=" and character in "!=<>":
                        position += 2
                        continue
                # Alone, '<' and '>' are operators even as the body's last character.
                if character == "<" or character == ">":
                    position += 1
                    continue
                break
            elif character in _CLOSING_BRACKETS:
                if not open_brackets:
                    raise StringGroupError("f-string: unmatched '%s'" % character)
                opening = open_brackets.pop()
                if opening != _CLOSING_BRACKETS[character]:
                    raise StringGroupError(
                        "f-string: closing parenthesis '%s' does not match opening "
                        "parenthesis '%s'" % (character, opening))
            position += 1
        if quote is not None:
            raise StringGroupError("f-string: unterminated string")
        if open_brackets:
            raise StringGroupError("f-string: unmatched '%s'" % open_brackets[-1])
        return position

    def _compile_expression(self, token, text, expression_start, expression_end):
        """Parse one field's expression and move its nodes to where it is in the file."""
        source = text[expression_start:expression_end]
        # Checked before parsing, because the parentheses added below would turn an
        # empty expression into a valid empty tuple.
        if all(character in _EXPRESSION_WHITESPACE for character in source):
            terminator = text[expression_end]
            if terminator == "}":
                raise StringGroupError("f-string: empty expression not allowed")
            raise StringGroupError("f-string: expression required before '%s'" % terminator)
        brace = expression_start - 1
        lines_before = text.count("\n", 0, brace)
        line_start = text.rfind("\n", 0, brace) + 1
        # CPython counts from column 0 when the expression starts on the next line;
        # no node is on the first line then, but error columns depend on it.
        if _only_whitespace_then_newline(text, expression_start):
            brace_column = 0
        else:
            brace_column = _byte_length(text[line_start:brace])
        if lines_before == 0:
            start_column = token[2] + brace_column
        else:
            start_column = brace_column
        first_line = token[1] + lines_before
        expression_text = "(" + source + ")"
        try:
            expression = self.parse_fstring_expression(expression_text)
        except StringGroupError:
            # Not placed by the callable, so it has no position to move; let it through.
            raise
        except SyntaxError as error:
            raise self._placed_expression_error(error, first_line, start_column) from None
        _move_expression(expression, expression_text, first_line - 1, start_column)
        return expression

    def _placed_expression_error(self, error, first_line, start_column):
        """The expression parser's error, placed in the file as CPython reports it.

        Lines all move to the file's.  Columns and message depend on who reported it:
        - CPython's f-string parser prefixes "f-string: " and takes the start column
          back off every column it reports, so columns on the expression's first line
          come out relative to the '(' (that is, the '{') and those on later lines come
          out short by the start column -- negative, sometimes.  Reproduced as it is.
        - The tokenizer reports its own errors, unprefixed, with columns counted in
          the expression's text; its "(detected at line N)" counts file lines.
        - An error a nested f-string's expression parser already reported keeps
          message and columns: CPython reports it once, from the innermost parser.
        """
        line_shift = first_line - 1
        lineno, offset = error.lineno, error.offset
        end_lineno, end_offset = error.end_lineno, error.end_offset
        message = error.msg
        keeps_columns = (getattr(error, _PLACED_MARK, False)
                         or message.startswith(_TOKENIZER_MESSAGES))
        if lineno is not None:
            if lineno > 1 and offset is not None and not keeps_columns:
                offset -= start_column
            lineno += line_shift
        if end_lineno is not None:
            if end_lineno > 1 and end_offset is not None and not keeps_columns:
                end_offset -= start_column
            end_lineno += line_shift
        detected_at = message.rfind(_DETECTED_AT_LINE)
        if detected_at >= 0 and message.endswith(")"):
            line = int(message[detected_at + len(_DETECTED_AT_LINE):-1]) + line_shift
            message = "%s%s%d)" % (message[:detected_at], _DETECTED_AT_LINE, line)
        if not keeps_columns:
            message = "f-string: " + message
        placed = type(error)(message, (self.filename, lineno, offset, error.text,
                                       end_lineno, end_offset))
        setattr(placed, _PLACED_MARK, True)
        return placed


# Source bytes that are not UTF-8 reach a literal as the surrogate escapes the source's
# decoding kept them as (see pvm.parser._decode_source).  CPython decodes a literal's
# UTF-8 when it builds the literal: a raw literal, or one with no escape, as a whole;
# any other (every f-string piece that is not raw), one run of non-ASCII bytes at a
# time.  The codec's positions count from there.
_NON_ASCII_RUN = re.compile("[^\\x00-\\x7f]+")


def _check_utf8(text):
    if not text.isascii():
        _decode_utf8(text)


def _check_utf8_runs(text):
    if not text.isascii():
        for run in _NON_ASCII_RUN.findall(text):
            _decode_utf8(run)


def _decode_utf8(text):
    try:
        text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError as error:
        raise StringGroupError(f"(unicode error) {error}") from None


def _only_whitespace_then_newline(text, position):
    """Whether only blanks separate `position` from the next newline."""
    while True:
        character = text[position]
        if character == "\n":
            return True
        if character not in " \t\f":
            return False
        position += 1


def _byte_length(text):
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _move_expression(expression, expression_text, line_shift, column_shift):
    """Shift the positions of a parsed expression from its own text to the file.

    Line numbers all move by `line_shift`.  A column moves by `column_shift` when the
    token it comes from ends on the expression's first line: an end column when the
    node ends on line 1, a start column when the node starts on line 1 with a token
    that does not run on to a later line.
    """
    first_line = expression_text.partition("\n")[0]
    spans_lines = len(first_line) != len(expression_text)
    for node in ast.walk(expression):
        if "lineno" not in node._attributes:
            continue
        if node.lineno == 1:
            if not (spans_lines and _starts_multiline_string(first_line, node.col_offset)):
                node.col_offset += column_shift
        if node.end_lineno == 1:
            node.end_col_offset += column_shift
        node.lineno += line_shift
        node.end_lineno += line_shift


def _starts_multiline_string(first_line, byte_column):
    """Whether a triple-quoted string that continues past this line starts here."""
    if not first_line.isascii():
        byte_column = len(first_line.encode("utf-8")[:byte_column].decode("utf-8"))
    position = byte_column
    while position < len(first_line) and first_line[position] in _STRING_PREFIX_LETTERS:
        position += 1
    quote = first_line[position:position + 3]
    if quote != '"""' and quote != "'''":
        return False
    # Backslashes cannot occur in an f-string expression, so no escaped quotes here.
    return first_line.find(quote, position + 3) < 0


# ---- escape decoding -----------------------------------------------------------------
#
# Both decoders return (value, first invalid escape or None); the invalid escape is the
# text after its backslash (one character, or three octal digits above \377), which is
# what CPython's warning shows.  CPython warns about the first one only.

def _decode_str_escapes(body):
    parts = []
    invalid_escape = None
    position = 0
    length = len(body)
    while True:
        backslash = body.find("\\", position)
        if backslash < 0:
            parts.append(body[position:])
            break
        parts.append(body[position:backslash])
        position = backslash + 1
        if position >= length:
            # Only an f-string literal part can end in a backslash (f'\{x}'); CPython
            # keeps it as it is.
            parts.append("\\")
            break
        character = body[position]
        position += 1
        if character in _SINGLE_CHARACTER_ESCAPES:
            parts.append(_SINGLE_CHARACTER_ESCAPES[character])
        elif character == "\n":
            pass
        elif character in _OCTAL_DIGITS:
            digits_end = position
            while (digits_end < length and digits_end - position < 2
                   and body[digits_end] in _OCTAL_DIGITS):
                digits_end += 1
            code = int(body[backslash + 1:digits_end], 8)
            position = digits_end
            if code > 0o377 and invalid_escape is None:
                invalid_escape = body[backslash + 1:digits_end]
            parts.append(chr(code))
        elif character in _HEX_ESCAPE_LENGTHS:
            digits_end = position + _HEX_ESCAPE_LENGTHS[character]
            digits = body[position:digits_end]
            for index, digit in enumerate(digits):
                if digit not in _HEX_DIGITS:
                    _raise_unicode_escape_error(body, backslash, position + index,
                                                "truncated %s escape"
                                                % _HEX_ESCAPE_NAMES[character])
            if digits_end > length:
                _raise_unicode_escape_error(body, backslash, length, "truncated %s escape"
                                            % _HEX_ESCAPE_NAMES[character])
            code = int(digits, 16)
            if code > 0x10FFFF:
                _raise_unicode_escape_error(body, backslash, digits_end,
                                            "illegal Unicode character")
            parts.append(chr(code))
            position = digits_end
        elif character == "N":
            character, position = _decode_named_escape(body, backslash, position)
            parts.append(character)
        elif character >= "\x80":
            # CPython spells a backslash before a non-ASCII character as an escaped
            # backslash, so the pair stays as written and nothing is reported.
            parts.append("\\")
            position -= 1
        else:
            if invalid_escape is None:
                invalid_escape = character
            parts.append("\\" + character)
    return "".join(parts), invalid_escape


def _decode_named_escape(body, backslash, position):
    """Decode \\N{NAME}; `position` is just after the N.  Returns (character, end)."""
    malformed = "malformed \\N character escape"
    length = len(body)
    if position >= length or body[position] != "{":
        _raise_unicode_escape_error(body, backslash, position, malformed)
    closing = body.find("}", position + 1)
    if closing < 0:
        _raise_unicode_escape_error(body, backslash, length, malformed)
    name = body[position + 1:closing]
    if not name:
        _raise_unicode_escape_error(body, backslash, closing, malformed)
    try:
        character = unicodedata.lookup(name) if name.isascii() else ""
    except KeyError:
        character = ""
    # lookup() also knows named sequences (several characters); \N{} does not.
    if len(character) != 1:
        _raise_unicode_escape_error(body, backslash, closing + 1,
                                    "unknown Unicode character name")
    return character, closing + 1


def _raise_unicode_escape_error(body, start, end, reason):
    """CPython's '(unicode error)' SyntaxError for a bad escape in body[start:end]."""
    start = _escaped_source_offset(body, start)
    end = _escaped_source_offset(body, end)
    if end - start == 1:
        where = "byte 0x5c in position %d" % start
    else:
        where = "bytes in position %d-%d" % (start, end - 1)
    raise StringGroupError("(unicode error) 'unicodeescape' codec can't decode %s: %s"
                           % (where, reason))


def _escaped_source_offset(body, index):
    """Where body[index] lands in the text CPython feeds to its escape decoder.

    CPython first rewrites the UTF-8 source so the decoder sees ASCII only: each
    non-ASCII character becomes a 10-byte \\UXXXXXXXX escape, and a backslash just
    before one becomes the 6-byte \\u005c.  Error positions count in that text.
    """
    offset = 0
    position = 0
    while position < index:
        character = body[position]
        if character == "\\":
            following = body[position + 1] if position + 1 < len(body) else ""
            if following == "" or following >= "\x80":
                offset += 6
                position += 1
            else:
                offset += 2
                position += 2
        elif character >= "\x80":
            offset += 10
            position += 1
        else:
            offset += 1
            position += 1
    return offset


def _decode_bytes_escapes(body):
    """Decode the escapes of an ASCII bytes literal body."""
    parts = []
    invalid_escape = None
    position = 0
    length = len(body)
    while True:
        backslash = body.find("\\", position)
        if backslash < 0:
            parts.append(body[position:])
            break
        parts.append(body[position:backslash])
        position = backslash + 1
        character = body[position]
        position += 1
        if character in _SINGLE_CHARACTER_ESCAPES:
            parts.append(_SINGLE_CHARACTER_ESCAPES[character])
        elif character == "\n":
            pass
        elif character in _OCTAL_DIGITS:
            digits_end = position
            while (digits_end < length and digits_end - position < 2
                   and body[digits_end] in _OCTAL_DIGITS):
                digits_end += 1
            code = int(body[backslash + 1:digits_end], 8)
            position = digits_end
            if code > 0o377 and invalid_escape is None:
                invalid_escape = body[backslash + 1:digits_end]
            # Like CPython, an octal escape above \377 keeps only its low byte.
            parts.append(chr(code & 0xFF))
        elif character == "x":
            digits = body[position:position + 2]
            if len(digits) < 2 or digits[0] not in _HEX_DIGITS or digits[1] not in _HEX_DIGITS:
                raise StringGroupError(
                    "(value error) invalid \\x escape at position %d" % backslash)
            parts.append(chr(int(digits, 16)))
            position += 2
        else:
            if invalid_escape is None:
                invalid_escape = character
            parts.append("\\" + character)
    return "".join(parts).encode("latin-1"), invalid_escape
