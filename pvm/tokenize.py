"""Tokenizing Python source: the contract of the stdlib ``tokenize`` module (CPython 3.11).

``tokenize(readline)`` reads bytes (finding the encoding from a BOM or a coding
cookie, and yielding an ENCODING token first); ``generate_tokens(readline)`` reads
str.  Both yield ``TokenInfo(type, string, start, end, line)`` tuples equal to the
stdlib's on every input, including its ERRORTOKENs, its exceptions and its quirks:
callers diff our tokens against the host's, so "better" output would be wrong output.

How it is fast: the source is handled one physical line at a time.  Outside
strings that span lines, one ``findall`` call of one compiled pattern
(``_TOKEN``) splits the line into (blanks, token text) pairs; the first
character of a token gives its type through one dict lookup, with a second look
only for the few characters that start several kinds of token (brackets, line
ends, quotes and prefix letters, "." and "!").  TokenInfo tuples are built with
``tuple.__new__``, which skips the namedtuple's Python-level ``__new__``.
"""

import builtins
import codecs
import collections
import io
import itertools
import re
import sys

from pvm import token as _token_module
from pvm.token import *  # noqa: F401,F403 -- re-exported: this module's contract
from pvm.token import (COMMENT, DEDENT, ENCODING, ENDMARKER, ERRORTOKEN, EXACT_TOKEN_TYPES,
                       INDENT, NAME, NEWLINE, NL, NUMBER, OP, STRING, tok_name)

__all__ = _token_module.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                                   "untokenize", "TokenInfo"]

TABSIZE = 8


class TokenInfo(collections.namedtuple("TokenInfo", "type string start end line")):
    """One token: its type, its text, (row, column) of its start and end, its physical line(s)."""

    __slots__ = ()

    def __repr__(self):
        return (f"TokenInfo(type={self.type} ({tok_name[self.type]}), string={self.string!r},"
                f" start={self.start!r}, end={self.end!r}, line={self.line!r})")

    @property
    def exact_type(self):
        """For an OP token, the operator's own type (LPAR, PLUSEQUAL...); else ``type``."""
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    """The input ended inside a string or a bracketed / continued statement."""


# ---------------------------------------------------------------------------
# The token pattern.
#
# ``_TOKEN.findall(line, pos)`` gives, for every token of a line, the pair
# (blanks before it, its text): one call into the regex engine per line, and no
# match object per token, which is where most of the time would go.  The kind
# of a token then follows from its first character (``_FIRST_CHARACTER_KINDS``);
# only a few first characters start more than one kind and need a second look.
#
# Every alternative begins with a plain character or a character class: the
# regex engine rejects such an alternative after testing one character.
# Alternation takes the first alternative that matches, not the longest, so the
# order is part of the meaning: strings before the names that share their
# prefix letters, ".5" before ".", "1.5j" before "1.5".  Within those
# constraints the commonest tokens come first.

_DIGITS = r"[0-9](?:_?[0-9])*"
_MORE_DIGITS = r"(?:_?[0-9])*"          # a digit run whose first digit is already consumed
_EXPONENT = r"[eE][-+]?" + _DIGITS
_FRACTION_OR_EXPONENT = rf"(?:\.(?:{_DIGITS})?(?:{_EXPONENT})?|{_EXPONENT})"
# A number after its first digit.  Lookbehinds test that digit: only "0" starts
# a hex, octal or binary literal, or a run of zeros like "0_0".
_NUMBER_AFTER_DIGIT = (
    rf"{_MORE_DIGITS}[jJ]"                              # 12j
    rf"|{_MORE_DIGITS}{_FRACTION_OR_EXPONENT}[jJ]"      # 1.5j 1e3j
    rf"|{_MORE_DIGITS}{_FRACTION_OR_EXPONENT}"          # 1.5 1. 1e-3
    r"|(?<=0)(?:[xX](?:_?[0-9a-fA-F])+|[bB](?:_?[01])+|[oO](?:_?[0-7])+|(?:_?0)*)"
    rf"|(?<=[1-9]){_MORE_DIGITS}")                      # 123 (but "0123" is "0", "123")

# A string prefix is one of b r u f br rb fr rf, in any letter case.  After the
# first letter, a lookbehind decides which second letters may follow it.
_PREFIX_LETTERS = "bBrRuUfF"
_PREFIX_SECOND_LETTER = r"(?:(?<=[bBfF])[rR]|(?<=[rR])[bBfF])?"

# What follows an opening quote, up to and including the closing quote.  The
# single-quote forms stop at a newline (the string is unterminated, or goes on
# after a backslash); the triple-quote forms let a lone quote through.
_SINGLE_TAIL = r"[^'\\]*(?:\\.[^'\\]*)*'"
_DOUBLE_TAIL = r'[^"\\]*(?:\\.[^"\\]*)*"'
_SINGLE3_TAIL = r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
_DOUBLE3_TAIL = r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
_SINGLE_BODY = r"[^\n'\\]*(?:\\.[^\n'\\]*)*"
_DOUBLE_BODY = r'[^\n"\\]*(?:\\.[^\n"\\]*)*'
_BACKSLASH_NEWLINE = r"\\\r?\n"


def _string_alternatives():
    """Strings, from their first character: the quote, or the first prefix letter."""
    def after_quote(quote):
        body, triple_tail = ((_SINGLE_BODY, _SINGLE3_TAIL) if quote == "'"
                             else (_DOUBLE_BODY, _DOUBLE3_TAIL))
        return [quote * 2 + triple_tail,            # a triple-quoted string ending on this line
                quote * 2,                          # ... or going on to later lines
                body + quote,
                body + _BACKSLASH_NEWLINE]          # a string going on after a backslash
    single, double = after_quote("'"), after_quote('"')
    unprefixed = [quote + rest for quote, rests in (("'", single), ('"', double)) for rest in rests]
    prefixed = [f"[{_PREFIX_LETTERS}]{_PREFIX_SECOND_LETTER}(?:'{single_rest}|\"{double_rest})"
                for single_rest, double_rest in zip(single, double)]
    return unprefixed + prefixed


def _operator_alternatives():
    """One alternative per first character of an operator, longest first ("**=" before "**")."""
    rests = {}
    for text in sorted(EXACT_TOKEN_TYPES, key=len, reverse=True):
        if text not in "()[]{}":
            rests.setdefault(text[0], []).append(re.escape(text[1:]))
    return [f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items()]


_TOKEN = re.compile(
    r"([ \f\t]*)("
    + "|".join([
        r"[ac-eg-qstv-zAC-EG-QSTV-Z_]\w*",            # a name; b f r u may start a string
        r"[(\[{]",
        r"[)\]}]",
        rf"\.{_DIGITS}(?:{_EXPONENT})?[jJ]?",         # .5 .5e3 .5j, before the operator "."
        *_operator_alternatives(),
        r"\n",
        r"\r\n",
        rf"[0-9](?:{_NUMBER_AFTER_DIGIT})",
        *_string_alternatives(),
        rf"[{_PREFIX_LETTERS}]\w*",
        r"#[^\r\n]*",
        r"\\\r?\n",                                   # a backslash continuation
        # \w also matches characters that cannot start an identifier ("²"); the
        # stdlib reports a run starting with one as an OP token.
        r"\w+",
        # Nothing else matches: one character, an ERRORTOKEN.  The stdlib makes
        # ERRORTOKENs of the blanks before it too; the tokenizer loop does that.
        r"[^ \f\t]",
        # Blanks at the very end of a line are no token; matching the last one
        # (the engine backs off one blank) marks them, with no empty match.
        r"[ \f\t]\Z",
    ])
    + ")")

# Markers for the first characters that start more than one kind of token.
(_OPEN, _CLOSE, _LINE_FEED, _CARRIAGE_RETURN, _PREFIX_LETTER, _QUOTE, _DOT, _EXCLAMATION,
 _BACKSLASH, _BLANK, _ERROR, _NOT_ASCII) = range(-1, -13, -1)


def _first_character_kinds():
    """ASCII character -> the token type that a token starting with it has, or a marker."""
    kinds = dict.fromkeys(map(chr, range(128)), _ERROR)
    kinds.update(dict.fromkeys("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", NAME))
    kinds.update(dict.fromkeys("0123456789", NUMBER))
    kinds.update(dict.fromkeys((text[0] for text in EXACT_TOKEN_TYPES), OP))
    kinds.update({"(": _OPEN, "[": _OPEN, "{": _OPEN, ")": _CLOSE, "]": _CLOSE, "}": _CLOSE,
                  "\n": _LINE_FEED, "\r": _CARRIAGE_RETURN, "'": _QUOTE, '"': _QUOTE,
                  ".": _DOT, "!": _EXCLAMATION, "\\": _BACKSLASH, "#": COMMENT,
                  " ": _BLANK, "\t": _BLANK, "\f": _BLANK})
    kinds.update(dict.fromkeys(_PREFIX_LETTERS, _PREFIX_LETTER))
    return kinds


_FIRST_CHARACTER_KINDS = _first_character_kinds()

# Where a string left open at the end of a line finishes, by its kind of quote.
_STRING_TAILS = {"'": re.compile(_SINGLE_TAIL).match, '"': re.compile(_DOUBLE_TAIL).match,
                 "'''": re.compile(_SINGLE3_TAIL).match, '"""': re.compile(_DOUBLE3_TAIL).match}


def _indentation_column(blanks):
    """The column that leading blanks reach: tabs go to the next multiple of 8, a form feed
    resets to 0."""
    return len(blanks[blanks.rfind("\f") + 1:].expandtabs(TABSIZE))


# ---------------------------------------------------------------------------
# The tokenizer proper.

def tokenize(readline):
    """Tokenize bytes: ``readline`` returns one line of bytes per call, ``b""`` at the end."""
    encoding, consumed = detect_encoding(readline)
    lines = itertools.chain(consumed, iter(readline, b""), itertools.repeat(b""))
    return _tokenize(lines.__next__, encoding)


def generate_tokens(readline):
    """Tokenize str: ``readline`` returns one line of text per call, ``""`` at the end."""
    return _tokenize(readline, None)


def _generate_from_string(source):
    """The tokens of the str ``source``, exactly as ``generate_tokens`` gives them."""
    return _tokenize(io.StringIO(source).readline, None)


def _tokenize(readline, encoding):
    # Hoisted into locals: these are looked up once per token.
    new_token = tuple.__new__
    token_class = TokenInfo
    find_tokens = _TOKEN.findall
    first_character_kinds = _FIRST_CHARACTER_KINDS.get

    line_number = 0
    paren_depth = 0           # may go negative on unbalanced closers, as in the stdlib
    continued = False         # the previous line ended with a backslash continuation
    indents = [0]
    # A string still open at the end of a line: where it began (None when no
    # string is open), its text on that line, that line, the lines since, and
    # the closing quote(s) it waits for.  The lines are joined once, when the
    # string ends: adding them one by one would copy a long docstring over and over.
    open_string_start = None
    open_string_text = None
    open_string_line = None
    open_string_more = []
    open_string_quote = None
    # Set by a single-quoted string continued with a backslash; then every line
    # of an open string must end with a backslash too.  The stdlib clears it only
    # when an open string is closed, so a later triple-quoted string inherits
    # it; we do the same, for identical output.
    needs_backslash = False

    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"  # detect_encoding already removed the BOM
        yield new_token(token_class, (ENCODING, encoding, (0, 0), (0, 0), ""))

    line = ""
    while True:
        last_line = line
        try:
            line = readline()
        except StopIteration:
            line = b""
        if encoding is not None:
            line = line.decode(encoding)
        line_number += 1
        pos = 0
        line_length = len(line)

        if open_string_start is not None:
            if not line:
                raise TokenError("EOF in multi-line string", open_string_start)
            # The quick test spares a regex call on each inside line of a docstring.
            end_match = (_STRING_TAILS[open_string_quote](line) if open_string_quote in line
                         else None)
            if end_match:
                pos = end = end_match.end()
                more = "".join(open_string_more)
                yield new_token(token_class, (STRING, open_string_text + more + line[:end],
                                              open_string_start, (line_number, end),
                                              open_string_line + more + line))
                open_string_start = None
                needs_backslash = False
            elif needs_backslash and line[-2:] != "\\\n" and line[-3:] != "\\\r\n":
                # The rest of this line is swallowed into the error token.
                more = "".join(open_string_more)
                yield new_token(token_class, (ERRORTOKEN, open_string_text + more + line,
                                              open_string_start, (line_number, line_length),
                                              open_string_line + more))
                open_string_start = None
                continue
            else:
                open_string_more.append(line)
                continue

        elif paren_depth == 0 and not continued:
            # A new statement: comments, blank lines, then indentation.
            if not line:
                break
            pos = line_length - len(line.lstrip(" \t\f"))
            if pos == line_length:
                # Blanks with no line end can only be the last line; the stdlib
                # stops here even if readline had more to give.
                break
            first = line[pos]
            if first in "#\r\n":
                if first == "#":
                    comment = line[pos:].rstrip("\r\n")
                    comment_end = pos + len(comment)
                    yield new_token(token_class, (COMMENT, comment, (line_number, pos),
                                                  (line_number, comment_end), line))
                    pos = comment_end
                yield new_token(token_class, (NL, line[pos:], (line_number, pos),
                                              (line_number, line_length), line))
                continue
            if line.count(" ", 0, pos) == pos:
                column = pos
            else:
                column = _indentation_column(line[:pos])
            if column > indents[-1]:
                indents.append(column)
                yield new_token(token_class, (INDENT, line[:pos], (line_number, 0),
                                              (line_number, pos), line))
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", line_number, pos, line))
                indents.pop()
                yield new_token(token_class, (DEDENT, "", (line_number, pos),
                                              (line_number, pos), line))

        else:
            # Inside brackets, or after a backslash continuation.
            if not line:
                raise TokenError("EOF in multi-line statement", (line_number, 0))
            continued = False

        end = pos
        for blanks, text in find_tokens(line, pos):
            start = end + len(blanks)
            end = start + len(text)
            token_type = first_character_kinds(text[0], _NOT_ASCII)
            if token_type < 0:
                # A first character shared by several kinds of token.
                if token_type == _OPEN:
                    paren_depth += 1
                    token_type = OP
                elif token_type == _CLOSE:
                    paren_depth -= 1
                    token_type = OP
                elif token_type == _LINE_FEED:
                    token_type = NL if paren_depth > 0 else NEWLINE
                elif token_type == _PREFIX_LETTER and text[-1] not in "'\"\n":
                    token_type = NAME
                elif token_type == _DOT:
                    token_type = OP if text == "." or text == "..." else NUMBER
                elif token_type == _PREFIX_LETTER or token_type == _QUOTE:
                    quotes = text.lstrip(_PREFIX_LETTERS)
                    if quotes == "'''" or quotes == '"""' or text[-1] == "\n":
                        # A string that goes on past this line: the rest of
                        # the line belongs to it, so stop scanning.
                        open_string_start = (line_number, start)
                        open_string_text = line[start:]
                        open_string_line = line
                        open_string_more = []
                        if text[-1] == "\n":
                            open_string_quote = quotes[0]
                            needs_backslash = True
                        else:
                            open_string_quote = quotes
                        break
                    token_type = STRING if len(text) > 1 else ERRORTOKEN  # a lone quote
                elif token_type == _BLANK:
                    continue  # blanks at the end of a line with no line end: no token
                elif token_type == _BACKSLASH and len(text) > 1:
                    continued = True
                    continue
                elif token_type == _CARRIAGE_RETURN and len(text) > 1:
                    token_type = NL if paren_depth > 0 else NEWLINE
                elif token_type == _EXCLAMATION and len(text) > 1:
                    token_type = OP
                elif token_type == _NOT_ASCII and text[0].isalnum():
                    # A run of \w: only some of its first characters can start a name.
                    token_type = NAME if text[0].isidentifier() else OP
                else:
                    token_type = ERRORTOKEN
                if token_type == ERRORTOKEN:
                    # The stdlib's scan fails at each blank before a character
                    # that starts no token, so each blank is an ERRORTOKEN too.
                    for column in range(start - len(blanks), start):
                        yield new_token(token_class, (ERRORTOKEN, line[column],
                                                      (line_number, column),
                                                      (line_number, column + 1), line))
            yield new_token(token_class, (token_type, text, (line_number, start),
                                          (line_number, end), line))

    # A last line with no line end still ends its statement.
    if last_line and last_line[-1] not in "\r\n" and not last_line.strip().startswith("#"):
        end_column = len(last_line)
        yield new_token(token_class, (NEWLINE, "", (line_number - 1, end_column),
                                      (line_number - 1, end_column + 1), ""))
    for _ in indents[1:]:
        yield new_token(token_class, (DEDENT, "", (line_number, 0), (line_number, 0), ""))
    yield new_token(token_class, (ENDMARKER, "", (line_number, 0), (line_number, 0), ""))


# ---------------------------------------------------------------------------
# Source encoding (PEP 263).

_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII)
_BLANK_OR_COMMENT = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)", re.ASCII)


def _normal_encoding_name(name):
    """Fold the usual spellings of utf-8 and latin-1 into one name each, as the C tokenizer does."""
    folded = name[:12].lower().replace("_", "-")
    if folded == "utf-8" or folded.startswith("utf-8-"):
        return "utf-8"
    latin_1 = ("latin-1", "iso-8859-1", "iso-latin-1")
    if folded in latin_1 or folded.startswith(tuple(spelling + "-" for spelling in latin_1)):
        return "iso-8859-1"
    return name


def detect_encoding(readline):
    """Find the encoding of a source from its BOM or coding cookie; read at most two lines.

    Returns the encoding name and the lines read (as bytes), to be tokenized
    before the rest.  A UTF-8 BOM gives "utf-8-sig".  A cookie naming an unknown
    codec, or disagreeing with a BOM, or a first line that is not UTF-8 and
    declares nothing, raises SyntaxError.
    """
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    for_file = "" if filename is None else f" for {filename!r}"

    def read_line():
        try:
            return readline()
        except StopIteration:
            return b""

    def find_cookie(line, bom_found):
        try:
            # A cookie line is ASCII, and any other line must be UTF-8.
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise SyntaxError("invalid or missing encoding declaration" + for_file)
        match = _COOKIE.match(text)
        if not match:
            return None
        encoding = _normal_encoding_name(match.group(1))
        try:
            codecs.lookup(encoding)
        except LookupError:
            if filename is None:
                raise SyntaxError("unknown encoding: " + encoding)
            raise SyntaxError(f"unknown encoding{for_file}: {encoding}")
        if bom_found:
            if encoding != "utf-8":
                raise SyntaxError(f"encoding problem{for_file}: utf-8")
            return encoding + "-sig"
        return encoding

    default = "utf-8"
    first = read_line()
    bom_found = first.startswith(codecs.BOM_UTF8)
    if bom_found:
        first = first[3:]
        default = "utf-8-sig"
    if not first:
        return default, []
    encoding = find_cookie(first, bom_found)
    if encoding:
        return encoding, [first]
    # The cookie may also sit on the second line, under a blank or comment line.
    if not _BLANK_OR_COMMENT.match(first):
        return default, [first]
    second = read_line()
    if not second:
        return default, [first]
    encoding = find_cookie(second, bom_found)
    if encoding:
        return encoding, [first, second]
    return default, [first, second]


def open(filename):
    """Open a source file for reading as text, in the encoding that detect_encoding finds."""
    buffer = builtins.open(filename, "rb")
    try:
        encoding, _ = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = io.TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = "r"
        return text
    except BaseException:
        buffer.close()
        raise


# ---------------------------------------------------------------------------
# Back from tokens to source.

class Untokenizer:
    """Rebuilds source text from tokens (see ``untokenize``)."""

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.encoding = None

    def add_whitespace(self, start):
        """Move from the end of the previous token to ``start``: backslash-newlines, then spaces."""
        row, col = start
        if row < self.prev_row or row == self.prev_row and col < self.prev_col:
            raise ValueError(f"start ({row},{col}) precedes previous end "
                             f"({self.prev_row},{self.prev_col})")
        if row > self.prev_row:
            self.tokens.append("\\\n" * (row - self.prev_row))
            self.prev_col = 0
        if col > self.prev_col:
            self.tokens.append(" " * (col - self.prev_col))

    def untokenize(self, iterable):
        """Full 5-tuples place each token where it was; a 2-tuple switches to ``compat``."""
        tokens = iter(iterable)
        indents = []
        at_line_start = False
        for token in tokens:
            if len(token) == 2:
                self.compat(token, tokens)
                break
            token_type, text, start, end, _ = token
            if token_type == ENCODING:
                self.encoding = text
                continue
            if token_type == ENDMARKER:
                break
            if token_type == INDENT:
                indents.append(text)
                continue
            if token_type == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
                continue
            if token_type in (NEWLINE, NL):
                at_line_start = True
            elif at_line_start and indents:
                indent = indents[-1]
                if start[1] >= len(indent):
                    self.tokens.append(indent)
                    self.prev_col = len(indent)
                at_line_start = False
            self.add_whitespace(start)
            self.tokens.append(text)
            self.prev_row, self.prev_col = end
            if token_type in (NEWLINE, NL):
                self.prev_row += 1
                self.prev_col = 0
        return "".join(self.tokens)

    def compat(self, first_token, tokens):
        """Rebuild from (type, string) pairs: positions unknown, so space tokens apart."""
        indents = []
        at_line_start = first_token[0] in (NEWLINE, NL)
        after_string = False
        for token in itertools.chain([first_token], tokens):
            token_type, text = token[:2]
            if token_type == ENCODING:
                self.encoding = text
                continue
            if token_type in (NAME, NUMBER):
                text += " "
            # Two strings in a row need a space, or they would merge into one.
            if token_type == STRING:
                if after_string:
                    text = " " + text
                after_string = True
            else:
                after_string = False
            if token_type == INDENT:
                indents.append(text)
                continue
            if token_type == DEDENT:
                indents.pop()
                continue
            if token_type in (NEWLINE, NL):
                at_line_start = True
            elif at_line_start and indents:
                self.tokens.append(indents[-1])
                at_line_start = False
            self.tokens.append(text)


def untokenize(iterable):
    """Turn tokens back into source: str, or bytes when an ENCODING token came first.

    From full 5-tuples (as tokenize yields them) the result tokenizes back to the
    same tokens; from (type, string) pairs it tokenizes back to the same pairs.
    """
    untokenizer = Untokenizer()
    source = untokenizer.untokenize(iterable)
    if untokenizer.encoding is not None:
        source = source.encode(untokenizer.encoding)
    return source


# ---------------------------------------------------------------------------
# ``python -m pvm.tokenize``: the output and the errors of ``python -m tokenize``.

def main(argv=None):
    import argparse

    def report(message, filename=None, location=None):
        if location:
            sys.stderr.write("%s:%d:%d: error: %s\n" % ((filename,) + location + (message,)))
        elif filename:
            sys.stderr.write(f"{filename}: error: {message}\n")
        else:
            sys.stderr.write(f"error: {message}\n")
        sys.exit(1)

    parser = argparse.ArgumentParser(prog="python -m pvm.tokenize")
    parser.add_argument(dest="filename", nargs="?", metavar="filename.py",
                        help="the file to tokenize; defaults to stdin")
    parser.add_argument("-e", "--exact", dest="exact", action="store_true",
                        help="display token names using the exact type")
    args = parser.parse_args(argv)

    try:
        if args.filename:
            filename = args.filename
            # A file is tokenized completely before anything is printed...
            with builtins.open(filename, "rb") as file:
                tokens = list(tokenize(file.readline))
        else:
            # ...stdin is printed as it goes, so its errors come after its tokens.
            filename = "<stdin>"
            tokens = _tokenize(sys.stdin.readline, None)
        for token in tokens:
            token_type = token.exact_type if args.exact else token.type
            token_range = "%d,%d-%d,%d:" % (token.start + token.end)
            print("%-20s%-15s%-15r" % (token_range, tok_name[token_type], token.string))
    except IndentationError as error:
        report(error.args[0], filename, tuple(error.args[1][1:3]))
    except TokenError as error:
        report(error.args[0], filename, tuple(error.args[1]))
    except SyntaxError as error:
        report(error, filename)
    except OSError as error:
        report(error)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as error:
        sys.stderr.write(f"unexpected error: {error}\n")
        raise


if __name__ == "__main__":
    main()
