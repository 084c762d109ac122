"""The parser's token stream.

`lex` runs pvm's tokenizer (the stdlib `tokenize` contract) and hands the parser two
parallel lists:

- ``keys``: what the parser matches on, one interned string per token. An operator or a
  hard keyword is its own text ('(', 'if'); every other token is its category: NAME,
  NUMBER, STRING, NEWLINE, INDENT, DEDENT, ENDMARKER, TYPE_COMMENT. Soft keywords
  (match, case, _) stay NAME; the parser looks at their text where the grammar needs it.
- ``tokens``: ``(text, start_line, start_col, end_line, end_col)`` per token, columns in
  UTF-8 bytes as CPython's AST counts them. It is also the form `strings.py` takes.

One list of interned strings makes the parser's commonest question ("is the next token
a '('?") a single list index and an identity-fast string compare.

Comments and NL tokens are dropped (``# type:`` comments become TYPE_COMMENT tokens, and
``# type: ignore`` comments are collected, when type comments are asked for).

Errors. CPython's tokenizer is lazy: the parser pulls tokens one by one, so a tokenizer
error is only reported if the parser gets that far, and a parser error earlier in the
file wins. We tokenize up front, so we keep that order by stopping the stream at the
first tokenizer error with an ERROR token, which no rule matches, and remembering the
SyntaxError. The parser raises it only if its failed parse reached that token.
"""

import re
import sys
import unicodedata

from pvm import token as token_numbers  # pvm's numbers: the host's differ by version

NAME = "NAME"
NUMBER = "NUMBER"
STRING = "STRING"
NEWLINE = "NEWLINE"
INDENT = "INDENT"
DEDENT = "DEDENT"
ENDMARKER = "ENDMARKER"
TYPE_COMMENT = "TYPE_COMMENT"
ERROR = "ERROR"

# Every token the parser can ask for by its text maps to one interned string, so that
# the parser's comparisons hit the identity fast path.
_OPERATORS = (
    "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= "
    "%= &= |= ^= <<= >>= **= // //= @ @= -> ... := !"
).split()
_HARD_KEYWORDS = (
    "False None True and as assert async await break class continue def del elif else "
    "except finally for from global if import in is lambda nonlocal not or pass raise "
    "return try while with yield"
).split()
TEXT_KEYS = {sys.intern(text): sys.intern(text) for text in (*_OPERATORS, *_HARD_KEYWORDS)}

_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {")": "(", "]": "[", "}": "{"}
_BRACKETS = frozenset((*_OPENING, *_CLOSING))
# A number followed by a letter is an "invalid decimal literal" (or hexadecimal...),
# placed at the number.  Since CPython 3.11.6 (gh-88943) a character outside ASCII is
# not looked at there: it starts the next token, so `1é` is "invalid syntax" at the é
# (or "invalid character" for one no name can hold).  pvm follows the release it runs on.
NON_ASCII_ENDS_A_NUMBER = sys.version_info >= (3, 11, 6)
MAXIMUM_NESTING = 200  # CPython's MAXLEVEL: brackets open at once
MAXIMUM_INDENT = 100  # CPython's MAXINDENT: its 100th indentation level is refused

_TYPE_COMMENT = re.compile(r"#[ \t]*type:[ \t]*(.*)")
# "ignore" must not run on into a letter or digit ("ignored" is a plain type comment),
# nor into any character past ASCII.  (Written as a class of all of those, the
# pattern took 3 ms to compile, at every start.)
_TYPE_IGNORE = re.compile(r"ignore(?![A-Za-z0-9]|[^\x00-\x7f])(.*)", re.DOTALL)

_NAME_TOKEN = token_numbers.NAME
_NUMBER_TOKEN = token_numbers.NUMBER
_STRING_TOKEN = token_numbers.STRING
_OP_TOKEN = token_numbers.OP
_NEWLINE_TOKEN = token_numbers.NEWLINE
_NL_TOKEN = token_numbers.NL
_COMMENT_TOKEN = token_numbers.COMMENT
_INDENT_TOKEN = token_numbers.INDENT
_DEDENT_TOKEN = token_numbers.DEDENT
_ENDMARKER_TOKEN = token_numbers.ENDMARKER
_ERROR_TOKEN = token_numbers.ERRORTOKEN


class TokenStream:
    """The lexed source: parallel ``keys`` and ``tokens``, and what the lexer found wrong.

    ``error`` is the tokenizer's SyntaxError, if any; the stream then ends with an ERROR
    token at ``error_index`` and the error is raised only if the parser reaches it.
    ``error_kind`` says whether it also beats a parser error found earlier in the file:
    CPython tokenizes the rest of the file before reporting a parser error, and the
    errors its tokenizer raises itself ("raised") replace the parser's; a bracket still
    open at the end ("unclosed") does if it was opened on an earlier line; the ones
    reported through the parser (indentation, end of file: "quiet") never do.
    ``lines`` are the source lines, for the ``text`` of SyntaxErrors.
    """

    __slots__ = ("keys", "tokens", "type_ignores", "error", "error_kind", "error_index",
                 "lines", "filename", "exec_input", "byte_offsets", "undeclared_bytes",
                 "error_at_end_of_input")

    def __init__(self, keys, tokens, type_ignores, error, error_kind, lines, filename,
                 error_at_end_of_input=False):
        self.keys = keys
        self.tokens = tokens
        self.type_ignores = type_ignores
        self.error = error
        self.error_kind = error_kind
        self.error_index = len(keys) - 1 if error is not None else len(keys)
        self.lines = lines
        self.filename = filename
        # CPython adds the missing final newline of a file (exec mode) but not of an
        # expression; its NEWLINE token then has no position of its own.
        self.exec_input = True
        self.byte_offsets = False       # columns in bytes: see pvm.parser.parse
        self.undeclared_bytes = False   # bytes of no declared encoding: the same
        # Whether the tokenizer's error is the input ending too soon (a bracket or a
        # triple-quoted string still open), which CPython calls incomplete input.
        self.error_at_end_of_input = error_at_end_of_input

    def end_of_input_index(self):
        """The index of the first token made because the input ended rather than read
        from it: the ERROR of an input that ended too soon, or the closing DEDENTs and
        ENDMARKER (and before them, for 'single' input without a final newline, the
        NEWLINE that CPython's parser adds).  A parse that fails having read this far
        failed for want of more input (``PyCF_ALLOW_INCOMPLETE_INPUT``)."""
        keys = self.keys
        if self.error is not None:
            return len(keys) - 1 if self.error_at_end_of_input else len(keys)
        index = self._closing_dedents_start()
        if (not self.exec_input and index > 0 and keys[index - 1] is NEWLINE
                and self.tokens[index - 1][0] == ""):
            index -= 1
        return index

    def _closing_dedents_start(self):
        """The index of the first of the DEDENTs just before the final token."""
        keys = self.keys
        index = len(keys) - 1
        while index > 0 and keys[index - 1] is DEDENT:
            index -= 1
        return index

    def drop_implied_dedents(self):
        """``PyCF_DONT_IMPLY_DEDENT`` for 'single' input without a final newline: the
        blocks still open at the end stay open (CPython adds their DEDENTs only when
        a newline ends the last line)."""
        keys = self.keys
        if self.error is not None or not keys or keys[-1] is not ENDMARKER:
            return
        index = self._closing_dedents_start()
        if index > 0 and keys[index - 1] is NEWLINE and self.tokens[index - 1][0] == "":
            del keys[index:-1], self.tokens[index:-1]
            self.error_index = len(keys)


def lex(source, filename="<unknown>", type_comments=False):
    """Tokenize `source` (a str with '\\n' line ends) into a TokenStream."""
    # Imported here: `import pvm` loads the parser, and `python -m pvm.tokenize` warns
    # when the package import has already loaded the module it is about to run.
    from pvm.tokenize import TokenError, _generate_from_string

    keys = []
    tokens = []
    type_ignores = []
    append_key = keys.append
    append_token = tokens.append
    text_keys = TEXT_KEYS
    open_brackets = []  # (bracket, line, col) of brackets still open
    error = None
    error_kind = "raised"
    error_at_end_of_input = False
    # Columns are converted to UTF-8 bytes only on lines that need it; consecutive tokens
    # share their line object, so the test is made once per line.
    last_line = None
    line_is_ascii = True
    previous_number_end = None  # a NUMBER token's end, to catch "1abc" and "0777"
    name_continues_at = None  # where a NAME extended past the tokenize module's ends
    dedents_to_drop = 0
    indent_depth = 0
    # (line, column) of the last comment dropped: CPython's tokenizer starts the NEWLINE
    # that ends a line at the line's comment, which it skips as blanks (its start is
    # where a syntax error found at the NEWLINE points).
    comment_start = None
    generator = _generate_from_string(source)
    try:
        for kind, text, (start_line, start_col), (end_line, end_col), line in generator:
            if line is not last_line:
                last_line = line
                line_is_ascii = line.isascii()
            if not line_is_ascii:
                start_col, end_col = _byte_columns(line, start_line, start_col,
                                                   end_line, end_col)
            if kind == _NAME_TOKEN:
                key = text_keys.get(text, NAME)
                if previous_number_end is not None or not line_is_ascii:
                    if key is NAME and not text.isascii():
                        if name_continues_at == (start_line, start_col):
                            _extend_name(tokens, text, end_col)
                            name_continues_at = (end_line, end_col)
                            continue
                        # CPython compares identifiers in NFKC form (PEP 3131).
                        text = unicodedata.normalize("NFKC", text)
                    if previous_number_end == (start_line, start_col):
                        error = _number_error(tokens[-1], line, filename)
                        if error is not None:
                            break
            elif kind == _OP_TOKEN:
                key = text_keys.get(text)
                if key is None:
                    # The tokenize module's OP for a word that cannot start a name
                    # ("０3"): CPython rejects its first character.
                    error = _error_token_error(text[0], start_line, start_col, line, keys,
                                               tokens)
                    break
                if key in _BRACKETS:
                    if key in _OPENING:
                        open_brackets.append((key, start_line, start_col, line))
                        if len(open_brackets) > MAXIMUM_NESTING:
                            error = _error("too many nested parentheses", start_line,
                                           _offset_after(line, start_col), line)
                            break
                    else:
                        error = _closing_bracket_error(open_brackets, key, start_line,
                                                       start_col, line)
                        if error is not None:
                            break
            elif kind == _NUMBER_TOKEN:
                key = NUMBER
                if previous_number_end is not None and previous_number_end == (start_line,
                                                                                start_col):
                    error = _number_error(tokens[-1], line, filename)
                    if error is not None:
                        break
                append_key(key)
                append_token((text, start_line, start_col, end_line, end_col))
                previous_number_end = (end_line, end_col)
                continue
            elif kind == _STRING_TOKEN:
                key = STRING
            elif kind == _NEWLINE_TOKEN:
                if not keys or keys[-1] is NEWLINE or keys[-1] is DEDENT:
                    # A logical line made only of backslash continuations: the
                    # tokenize module ends it, CPython's tokenizer sees a blank line.
                    continue
                if keys[-1] is INDENT:
                    # The same, indented: the INDENT goes too, and the DEDENT that
                    # will close its level.
                    del keys[-1], tokens[-1]
                    dedents_to_drop += 1
                    indent_depth -= 1
                    continue
                key = NEWLINE
                if not line and tokens:
                    # The newline the tokenize module adds at the end of a file that
                    # lacks one comes without its line: place it after the last token
                    # (or its comment).
                    start_col = tokens[-1][4]
                    if comment_start is not None and comment_start[0] == start_line:
                        start_col = comment_start[2]
                    end_col = start_col + 1
                if comment_start is not None and comment_start[0] == start_line:
                    start_col = comment_start[1]
            elif kind == _NL_TOKEN:
                continue
            elif kind == _COMMENT_TOKEN:
                match = _TYPE_COMMENT.match(text) if type_comments else None
                if match is None:
                    comment_start = (start_line, start_col, end_col)
                    continue
                ignore = _TYPE_IGNORE.match(match.group(1))
                if ignore is not None:
                    type_ignores.append((start_line, ignore.group(1)))
                    continue
                key = TYPE_COMMENT
                text = match.group(1)
                start_col += match.start(1)  # CPython's token starts after "# type:"
                if not open_brackets and line.lstrip(" \t\f").startswith("#"):
                    # CPython ends a line holding only a type comment with a NEWLINE
                    # (the grammar wants one after a function's signature comment).
                    append_key(key)
                    append_token((text, start_line, start_col, end_line, end_col))
                    key = NEWLINE
                    text = "\n"
                    start_col = end_col
                    end_col += 1
            elif kind == _INDENT_TOKEN:
                key = INDENT
                indent_depth += 1
                if indent_depth >= MAXIMUM_INDENT:
                    error = _error("too many levels of indentation", start_line, 1, line,
                                   end_offset=0, error_class=IndentationError, text=line)
                    # CPython's tokenizer sets no exception for it: reported through
                    # the parser, it loses to a parser error found earlier.
                    error_kind = "quiet"
                    break
            elif kind == _DEDENT_TOKEN:
                if dedents_to_drop:
                    dedents_to_drop -= 1
                    continue
                key = DEDENT
                indent_depth -= 1
            elif kind == _ENDMARKER_TOKEN:
                key = ENDMARKER
            elif kind == _ERROR_TOKEN:
                if text in _BLANKS:
                    # The tokenize module's way of stepping over a blank before an
                    # error; CPython's tokenizer only skips these three.
                    continue
                if (keys and keys[-1] is NAME and tokens[-1][3:] == (start_line, start_col)
                        and ("a" + text).isidentifier()):
                    # The tokenize module's names are regex words, which miss a few
                    # characters that identifiers may continue with (U+E0100, ...).
                    _extend_name(tokens, text, end_col)
                    name_continues_at = (end_line, end_col)
                    continue
                error = _error_token_error(text, start_line, start_col, line, keys, tokens)
                if text == "\\":
                    error_kind = "quiet"
                if error is None:
                    # CPython hands an unknown ASCII character to the parser as an
                    # operator that no rule accepts: a plain "invalid syntax" there.
                    key = sys.intern(text)
                else:
                    break
            else:
                continue
            append_key(key)
            append_token((text, start_line, start_col, end_line, end_col))
            previous_number_end = None
    except TokenError as token_error:
        error, error_kind = _end_of_file_error(token_error, open_brackets, source)
        error_at_end_of_input = True
    except IndentationError as indentation_error:
        error = _indentation_error(indentation_error, source)
        error_kind = "quiet"
    if error is None and "\t" in source:
        error = _inconsistent_tabs_error(keys, tokens, source)
        error_kind = "quiet"
    if error is not None:
        append_key(ERROR)
        append_token(("", error.lineno, 0, error.lineno, 0))
    lines = source.split("\n")
    return TokenStream(keys, tokens, type_ignores, error, error_kind, lines, filename,
                       error_at_end_of_input)


def _closing_bracket_error(open_brackets, key, line_number, col, line):
    """Pop the bracket that `key` closes; the error if there is none or another."""
    if not open_brackets:
        return _error(f"unmatched '{key}'", line_number, _offset_after(line, col), line)
    opening, opening_line, _, _ = open_brackets.pop()
    if _OPENING[opening] == key:
        return None
    message = f"closing parenthesis '{key}' does not match opening parenthesis '{opening}'"
    if opening_line != line_number:
        message += f" on line {opening_line}"
    return _error(message, line_number, _offset_after(line, col), line)


def _extend_name(tokens, text, end_col):
    name, start_line, start_col, end_line, _ = tokens[-1]
    name = unicodedata.normalize("NFKC", name + text)
    tokens[-1] = (name, start_line, start_col, end_line, end_col)


def _byte_columns(line, start_line, start_col, end_line, end_col):
    if end_line == start_line:
        prefix = line[:start_col]
        start = start_col if prefix.isascii() else len(prefix.encode("utf-8", "surrogateescape"))
        end = start + len(line[start_col:end_col].encode("utf-8", "surrogateescape"))
        return start, end
    # A token spanning lines (a triple-quoted string): `line` holds all of its lines,
    # and the end column counts from the start of the last one.
    physical_lines = line.split("\n")
    start = len(physical_lines[0][:start_col].encode("utf-8", "surrogateescape"))
    end = len(physical_lines[end_line - start_line][:end_col].encode("utf-8", "surrogateescape"))
    return start, end


# Tokenizer errors. CPython's C tokenizer reports them with the offset of the character
# it stopped at (counted in characters from 1), and the whole line, without its newline,
# as the text. The helpers below take byte columns, as the tokens have them.

def _error(message, line_number, offset, line, end_offset=None, error_class=SyntaxError,
           text=None):
    error = error_class(message)
    error.lineno = line_number
    error.offset = offset
    error.end_lineno = line_number
    error.end_offset = offset if end_offset is None else end_offset
    error.text = line.rstrip("\n") if text is None else text
    return error


def _character_column(line, byte_col):
    if line.isascii():
        return byte_col
    return len(line.encode("utf-8", "surrogateescape")[:byte_col].decode("utf-8", "replace"))


def _offset_after(line, byte_col):
    """The 1-based offset CPython gives once it has read the character at `byte_col`."""
    return _character_column(line, byte_col) + 1


def _error_token_error(text, line_number, col, line, keys, tokens):
    if text == "\\":
        character_col = _character_column(line, col)
        if line[character_col + 1:character_col + 2] not in ("", "\n"):
            return _error("unexpected character after line continuation character",
                          line_number, character_col + 2, line, end_offset=0,
                          text=line if line.endswith("\n") else line + "\n")
        line = line.rstrip("\n")
        return _error("unexpected EOF while parsing", line_number, len(line) + 1, line,
                      end_offset=-1, text=line + "\n")
    if len(text) > 1 and text.lstrip("rRbBuUfF")[:1] in ("'", '"'):
        # A one-quote string continued past its line with backslashes, unterminated.
        # Detected on its last line, which may be empty: one newline is the line's end.
        detected_at = line_number + text.removesuffix("\n").count("\n")
        first_line = line.split("\n", 1)[0]
        return _error(f"unterminated string literal (detected at line {detected_at})",
                      line_number, _offset_after(first_line, col), first_line)
    if text in "'\"":
        if (keys and keys[-1] is NAME and tokens[-1][3:] == (line_number, col)
                and tokens[-1][0].lower() in _STRING_PREFIXES):
            col = tokens[-1][2]  # the error points at the string's prefix
        return _error(f"unterminated string literal (detected at line {line_number})",
                      line_number, _offset_after(line, col), line)
    text = text[0]
    if "\udc80" <= text <= "\udcff":
        return _undecodable_name_error(line_number, col, line)
    if text.isascii() and text.isprintable():
        return None
    if text.isprintable():
        message = f"invalid character '{text}' (U+{ord(text):04X})"
    else:
        message = f"invalid non-printable character U+{ord(text):04X}"
    return _error(message, line_number, _offset_after(line, col), line)


def _undecodable_name_error(line_number, col, line):
    """A byte that is not UTF-8, outside a string (the source's decoding kept it as a
    surrogate escape): CPython's tokenizer reads it, with the identifier characters
    around it, as a name, and fails to decode that name.  The error is the codec's, at
    the name's end."""
    start = end = _character_column(line, col)
    while start > 0 and _in_name(line[start - 1]):
        start -= 1
    while end < len(line) and _in_name(line[end]):
        end += 1
    try:
        line[start:end].encode("utf-8", "surrogateescape").decode("utf-8")
        failure = "invalid name"  # (not reached: the name holds the byte)
    except UnicodeDecodeError as error:
        failure = error
    text = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _error(f"(unicode error) {failure}", line_number, end, line, end_offset=-1,
                  text=text)


def _in_name(character):
    # CPython's tokenizer takes any byte past ASCII for a part of a name.
    return character.isalnum() or character == "_" if character.isascii() else True


_BLANKS = frozenset((" ", "\t", "\x0c"))
_STRING_PREFIXES = frozenset(("r", "u", "b", "f", "br", "rb", "fr", "rf"))


def _number_error(number_token, line, filename):
    """CPython's error for a number the tokenize module split ("0777", "1abc"), or None.

    This replays the C tokenizer's number scanner from the number's start, because the
    message and the offset depend on exactly where that scanner stops.  A number
    followed by a keyword that may follow it ("0xfor x") is let through with a
    SyntaxWarning, or is that error where warnings are errors.
    """
    text, line_number, start_col, _, _ = number_token
    start = _character_column(line, start_col)
    scanner = _NumberScanner(line.rstrip("\n"), start)
    failure = scanner.scan()
    if failure is None:
        return None
    message, offset, end_offset = failure
    if scanner.only_warns:
        from pvm import compile_warnings
        try:
            compile_warnings.warn_explicit(message, SyntaxWarning, filename, line_number)
        except SyntaxWarning:
            return _error(message, line_number, offset, line, end_offset)
        return None
    return _error(message, line_number, offset, line, end_offset)


class _NumberScanner:
    """The C tokenizer's number scanner, for its error messages and offsets."""

    def __init__(self, line, start):
        self.line = line
        self.index = start  # the index of the next character to read
        self.start = start
        self.only_warns = False  # the failure is a SyntaxWarning, not an error

    def next(self):
        self.index += 1
        return self.line[self.index - 1] if self.index <= len(self.line) else "\n"

    def back(self):
        self.index -= 1

    def fail(self, message, end_offset=None):
        # The offset is the number of characters read on the line.
        return message, self.index, self.index if end_offset is None else end_offset

    def scan(self):
        c = self.next()
        if c == "0":
            c = self.next()
            if c in "xX":
                return self.scan_based("hexadecimal", "0123456789abcdefABCDEF")
            if c in "oO":
                return self.scan_based("octal", "01234567")
            if c in "bB":
                return self.scan_based("binary", "01")
            return self.scan_leading_zero(c)
        if c == ".":
            return self.scan_fraction(self.next())
        c = self.decimal_tail()
        if isinstance(c, tuple):
            return c
        return self.scan_after_integer(c)

    def decimal_tail(self):
        while True:
            c = self.next()
            while c.isdigit() and c.isascii():
                c = self.next()
            if c != "_":
                return c
            c = self.next()
            if not (c.isdigit() and c.isascii()):
                self.back()
                return self.fail("invalid decimal literal")

    def scan_based(self, kind, digits):
        c = self.next()
        while True:
            if c == "_":
                c = self.next()
            if c not in digits or c == "\n":
                if kind != "hexadecimal" and c.isdigit() and c.isascii():
                    return self.fail(f"invalid digit '{c}' in {kind} literal")
                self.back()
                return self.fail(f"invalid {kind} literal")
            while c in digits and c != "\n":
                c = self.next()
            if c != "_":
                break
        if kind != "hexadecimal" and c.isdigit() and c.isascii():
            return self.fail(f"invalid digit '{c}' in {kind} literal")
        return self.verify_end(c, kind)

    def scan_leading_zero(self, c):
        nonzero = False
        while True:
            if c == "_":
                c = self.next()
                if not (c.isdigit() and c.isascii()):
                    self.back()
                    return self.fail("invalid decimal literal")
            if c != "0":
                break
            c = self.next()
        zeros_end = self.index
        if c.isdigit() and c.isascii():
            nonzero = True
            c = self.decimal_tail()
            if isinstance(c, tuple):
                return c
        if c == ".":
            return self.scan_fraction(self.next())
        if c in "eE" and c != "\n":
            return self.scan_exponent(c)
        if c in "jJ" and c != "\n":
            return self.verify_end(self.next(), "imaginary")
        if nonzero:
            self.back()
            return ("leading zeros in decimal integer literals are not permitted; use an "
                    "0o prefix for octal integers", self.start + 1, zeros_end)
        return self.verify_end(c, "decimal")

    def scan_after_integer(self, c):
        if c == ".":
            return self.scan_fraction(self.next())
        if c in "eE" and c != "\n":
            return self.scan_exponent(c)
        if c in "jJ" and c != "\n":
            return self.verify_end(self.next(), "imaginary")
        return self.verify_end(c, "decimal")

    def scan_fraction(self, c):
        if c.isdigit() and c.isascii():
            c = self.decimal_tail()
            if isinstance(c, tuple):
                return c
        if c in "eE" and c != "\n":
            return self.scan_exponent(c)
        if c in "jJ" and c != "\n":
            return self.verify_end(self.next(), "imaginary")
        return self.verify_end(c, "decimal")

    def scan_exponent(self, e):
        c = self.next()
        if c in "+-" and c != "\n":
            c = self.next()
            if not (c.isdigit() and c.isascii()):
                self.back()
                return self.fail("invalid decimal literal")
        elif not (c.isdigit() and c.isascii()):
            self.back()
            return self.verify_end(e, "decimal")
        c = self.decimal_tail()
        if isinstance(c, tuple):
            return c
        if c in "jJ" and c != "\n":
            return self.verify_end(self.next(), "imaginary")
        return self.verify_end(c, "decimal")

    def verify_end(self, c, kind):
        # A keyword that may follow a number in valid code is let through with a
        # warning (3.11 deprecates it); any other identifier character is an error.
        # Only the keyword's first letters are looked at: "1iffy" warns too.
        rest = self.line[self.index - 1:]
        if rest.startswith(("and", "else", "for", "if", "in", "is", "or", "not")):
            self.back()
            self.only_warns = True
            return self.fail(f"invalid {kind} literal")
        if c == "\n" or not (c.isalnum() or c == "_" or not c.isascii()):
            return None
        if NON_ASCII_ENDS_A_NUMBER and not c.isascii():
            return None         # it starts the next token, where the error is
        self.back()
        return self.fail(f"invalid {kind} literal")


def _end_of_file_error(token_error, open_brackets, source):
    message, (line_number, col) = token_error.args
    lines = source.split("\n")
    last_line_number = source.count("\n") + (0 if source.endswith("\n") else 1)
    if message == "EOF in multi-line string":
        # The tokenize module's multi-line strings include a one-quote string whose
        # lines end with a backslash; CPython names which kind was left open.
        line = lines[line_number - 1]
        quotes = line[col:].lstrip("bBfFrRuU")
        kind = "triple-quoted string" if quotes.startswith(('"""', "'''")) else "string"
        return _error(f"unterminated {kind} literal (detected at line {last_line_number})",
                      line_number, col + 1, line), "raised"
    if open_brackets:
        return unclosed_bracket_error(open_brackets[-1], lines), "unclosed"
    line = lines[last_line_number - 1]
    return _error("unexpected EOF while parsing", last_line_number, len(line) + 1, line,
                  end_offset=-1, text=line + "\n"), "quiet"


def unclosed_bracket_error(open_bracket, lines):
    bracket, line_number, col, line = open_bracket
    # CPython's text has the newline only when the bracket is on the file's last line.
    last_line_number = len(lines) - 1 if lines[-1] == "" else len(lines)
    text = line if line.endswith("\n") else line + "\n"
    if line_number != last_line_number:
        text = text.rstrip("\n")
    return _error(f"'{bracket}' was never closed", line_number, _offset_after(line, col),
                  line, end_offset=0, text=text)


def _indentation_error(indentation_error, source):
    line_number = indentation_error.lineno
    lines = source.split("\n")
    line = lines[line_number - 1] if line_number <= len(lines) else ""
    return _error(indentation_error.msg, line_number, len(line) + 1, line, end_offset=-1,
                  error_class=IndentationError, text=line + "\n")


def _inconsistent_tabs_error(keys, tokens, source):
    """CPython's TabError: indentation that means one thing with tabs of 8 columns and
    another with tabs of 1, checked on the first token of each logical line."""
    lines = source.split("\n")
    columns = [0]
    alternate_columns = [0]
    at_line_start = True
    for index, key in enumerate(keys):
        if key is NEWLINE:
            at_line_start = True
            continue
        if key is INDENT or key is DEDENT or not at_line_start:
            continue
        if key is ENDMARKER:
            break
        at_line_start = False
        line_number = tokens[index][1]
        if line_number > len(lines):
            break
        line = lines[line_number - 1]
        column = alternate_column = 0
        for character in line:
            if character == " ":
                column += 1
                alternate_column += 1
            elif character == "\t":
                column = (column // 8 + 1) * 8
                alternate_column += 1
            elif character == "\x0c":
                column = alternate_column = 0
            else:
                break
        if column == columns[-1]:
            consistent = alternate_column == alternate_columns[-1]
        elif column > columns[-1]:
            consistent = alternate_column > alternate_columns[-1]
            columns.append(column)
            alternate_columns.append(alternate_column)
        else:
            while len(columns) > 1 and column < columns[-1]:
                columns.pop()
                alternate_columns.pop()
            consistent = alternate_column == alternate_columns[-1]
        if not consistent:
            del keys[index:]
            del tokens[index:]
            return _error("inconsistent use of tabs and spaces in indentation", line_number,
                          1, line, end_offset=0, error_class=TabError, text=line + "\n")
    return None
