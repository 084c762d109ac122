"""Tokenizing Python source: the contract of the stdlib ``tokenize`` module (CPython 3.11).

``tokenize(readline)`` reads bytes (finding the encoding from a BOM or a coding
cookie, and yielding an ENCODING token first); ``generate_tokens(readline)`` reads
str.  Both yield ``TokenInfo(type, string, start, end, line)`` tuples equal to the
stdlib's on every input, including its ERRORTOKENs, its exceptions and its quirks:
callers diff our tokens against the host's, so "better" output would be wrong output.

How it is fast: the source is handled one physical line at a time.  Outside
strings that span lines, one compiled pattern (``_PSEUDO_TOKEN``) finds every
token of the line with ``finditer``; each top-level group of the pattern is one
kind of token, so ``match.lastindex`` says what was found without looking at the
text again.  Plain kinds (names, numbers, operators, strings, comments) map
straight to a token type; only brackets, line ends, backslash continuations and
strings left open at the end of the line need more than a table lookup.
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
# One compiled pattern finds the next token after optional blanks.  It is built
# from rules (kind, first character, rest of the token); each rule becomes the
# alternative ``first(rest)``, for two reasons:
#  - the regex engine rejects an alternative that begins with a plain character
#    or a character class after testing one character, but enters one that
#    begins with a group; so the group holds the rest of the token, and the
#    token starts one character before the group does;
#  - ``match.lastindex`` then names the rule that matched, so the kind of the
#    token is known without looking at its text again.
# Alternation takes the first alternative that matches, not the longest, so the
# order of the rules is part of their meaning: strings before the names that
# share their prefix letters, ".5" before ".", "1.5j" before "1.5".  Within
# those constraints the commonest tokens come first.

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
_NUMBER_AFTER_POINT = rf"{_DIGITS}(?:{_EXPONENT})?[jJ]?"   # .5 .5e3 .5j

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


def _string_rests(quote):
    """(kind, the rest of the string after its opening quote) for the four string kinds."""
    body, triple_tail = (_SINGLE_BODY, _SINGLE3_TAIL) if quote == "'" else (_DOUBLE_BODY, _DOUBLE3_TAIL)
    return [("triple_string", quote * 2 + triple_tail),     # complete on this line
            ("triple_start", quote * 2),                    # goes on to later lines
            ("string", body + quote),
            ("string_start", body + _BACKSLASH_NEWLINE)]    # goes on after a backslash


def _string_rules():
    """Unprefixed strings start at their quote; prefixed ones at the first prefix letter."""
    unprefixed = [(kind, quote, rest) for quote in "'\"" for kind, rest in _string_rests(quote)]
    prefixed = [(kind, f"[{_PREFIX_LETTERS}]", f"{_PREFIX_SECOND_LETTER}(?:'{single}|\"{double})")
                for (kind, single), (_, double) in zip(_string_rests("'"), _string_rests('"'))]
    return unprefixed + prefixed


def _operator_rules():
    """One rule per first character of an operator, longest operators first ("**=" before "**")."""
    rests = {}
    for text in sorted(EXACT_TOKEN_TYPES, key=len, reverse=True):
        if text not in "()[]{}":
            rests.setdefault(text[0], []).append(re.escape(text[1:]))
    return [("operator", re.escape(first), "|".join(rest)) for first, rest in rests.items()]


_TOKEN_RULES = [
    ("name", "[ac-eg-qstv-zAC-EG-QSTV-Z_]", r"\w*"),   # not b, f, r, u: those may start a string
    ("open", r"[(\[{]", ""),
    ("close", r"[)\]}]", ""),
    ("number", r"\.", _NUMBER_AFTER_POINT),
    *_operator_rules(),
    ("newline", r"\n", ""),
    ("newline", r"\r", r"\n"),
    ("number", "[0-9]", _NUMBER_AFTER_DIGIT),
    *_string_rules(),
    ("name", f"[{_PREFIX_LETTERS}]", r"\w*"),
    ("comment", "#", r"[^\r\n]*"),
    ("continuation", r"\\", r"\r?\n"),
    # \w also matches characters that cannot start an identifier ("²"); the
    # stdlib reports a run starting with one as an OP token.
    ("other_word", r"\w", r"\w*"),
]

# If no rule matches after the blanks, the "error" alternative takes the one
# character where the search began (a blank, possibly), as the stdlib's
# ERRORTOKEN does.  Blanks at the very end of a line are no token; requiring at
# least one blank there means a line gives no empty match at its end.
_PSEUDO_TOKEN = re.compile(
    r"[ \f\t]*(?:" + "|".join(f"{first}({rest})" for _, first, rest in _TOKEN_RULES) + ")"
    r"|[ \f\t]+\Z()"
    r"|(?s:.)()")
_GROUP_KINDS = [None] + [kind for kind, _, _ in _TOKEN_RULES] + ["trailing_blanks", "error"]
assert len(_GROUP_KINDS) == _PSEUDO_TOKEN.groups + 1

# By group number: the token type, for the kinds whose type the rule alone decides.
_PLAIN_TYPES = [{"name": NAME, "number": NUMBER, "operator": OP, "string": STRING,
                 "triple_string": STRING, "comment": COMMENT, "error": ERRORTOKEN}.get(kind)
                for kind in _GROUP_KINDS]

# Where a string left open at the end of a line finishes, by its kind of quote.
_STRING_TAILS = {"'": re.compile(_SINGLE_TAIL).match, '"': re.compile(_DOUBLE_TAIL).match,
                 "'''": re.compile(_SINGLE3_TAIL).match, '"""': re.compile(_DOUBLE3_TAIL).match}

_LEADING_BLANKS = re.compile(r"[ \f\t]*").match


def _indentation_column(blanks):
    """The column that leading blanks reach: tabs go to the next multiple of 8, a form feed resets to 0."""
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
    find_tokens = _PSEUDO_TOKEN.finditer
    plain_types = _PLAIN_TYPES
    group_kinds = _GROUP_KINDS

    line_number = 0
    paren_depth = 0           # may go negative on unbalanced closers, as in the stdlib
    continued = False         # the previous line ended with a backslash continuation
    indents = [0]
    # A string still open at the end of a line: its text so far, where it
    # began, the lines it spans, and the matcher that finds its end.
    open_string = ""
    open_string_start = None
    open_string_lines = None
    open_string_tail = None
    # Set by a single-quoted string continued with a backslash; then every line
    # of an open string must end with a backslash too.  The stdlib clears it only
    # when an open string is closed, so a later triple-quoted string inherits
    # it; we do the same, for identical output.
    needs_backslash = False

    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"  # detect_encoding already removed the BOM
        yield new_token(TokenInfo, (ENCODING, encoding, (0, 0), (0, 0), ""))

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

        if open_string:
            if not line:
                raise TokenError("EOF in multi-line string", open_string_start)
            end_match = open_string_tail(line)
            if end_match:
                pos = end = end_match.end()
                yield new_token(TokenInfo, (STRING, open_string + line[:end], open_string_start,
                                            (line_number, end), open_string_lines + line))
                open_string = ""
                open_string_lines = None
                needs_backslash = False
            elif needs_backslash and line[-2:] != "\\\n" and line[-3:] != "\\\r\n":
                # The rest of this line is swallowed into the error token.
                yield new_token(TokenInfo, (ERRORTOKEN, open_string + line, open_string_start,
                                            (line_number, line_length), open_string_lines))
                open_string = ""
                open_string_lines = None
                continue
            else:
                open_string += line
                open_string_lines += line
                continue

        elif paren_depth == 0 and not continued:
            # A new statement: comments, blank lines, then indentation.
            if not line:
                break
            pos = _LEADING_BLANKS(line).end()
            if pos == line_length:
                # Blanks with no line end can only be the last line; the stdlib
                # stops here even if readline had more to give.
                break
            first = line[pos]
            if first in "#\r\n":
                if first == "#":
                    comment = line[pos:].rstrip("\r\n")
                    comment_end = pos + len(comment)
                    yield new_token(TokenInfo, (COMMENT, comment, (line_number, pos),
                                                (line_number, comment_end), line))
                    pos = comment_end
                yield new_token(TokenInfo, (NL, line[pos:], (line_number, pos),
                                            (line_number, line_length), line))
                continue
            if line.count(" ", 0, pos) == pos:
                column = pos
            else:
                column = _indentation_column(line[:pos])
            if column > indents[-1]:
                indents.append(column)
                yield new_token(TokenInfo, (INDENT, line[:pos], (line_number, 0),
                                            (line_number, pos), line))
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", line_number, pos, line))
                indents.pop()
                yield new_token(TokenInfo, (DEDENT, "", (line_number, pos),
                                            (line_number, pos), line))

        else:
            # Inside brackets, or after a backslash continuation.
            if not line:
                raise TokenError("EOF in multi-line statement", (line_number, 0))
            continued = False

        for match in find_tokens(line, pos):
            group = match.lastindex
            start, end = match.span(group)
            start -= 1  # the rule's first character is outside its group
            token_type = plain_types[group]
            if token_type is None:
                kind = group_kinds[group]
                if kind == "open":
                    paren_depth += 1
                    token_type = OP
                elif kind == "close":
                    paren_depth -= 1
                    token_type = OP
                elif kind == "newline":
                    token_type = NL if paren_depth > 0 else NEWLINE
                elif kind == "other_word":
                    token_type = NAME if line[start].isidentifier() else OP
                elif kind == "continuation":
                    continued = True
                    continue
                elif kind == "trailing_blanks":
                    continue
                else:
                    # A string that goes on past this line: the rest of the
                    # line belongs to it, so stop scanning.
                    open_string = line[start:]
                    open_string_lines = line
                    open_string_start = (line_number, start)
                    quotes = open_string.lstrip(_PREFIX_LETTERS)
                    if kind == "triple_start":
                        open_string_tail = _STRING_TAILS[quotes[:3]]
                    else:
                        open_string_tail = _STRING_TAILS[quotes[0]]
                        needs_backslash = True
                    break
            yield new_token(token_class, (token_type, line[start:end], (line_number, start),
                                          (line_number, end), line))

    # A last line with no line end still ends its statement.
    if last_line and last_line[-1] not in "\r\n" and not last_line.strip().startswith("#"):
        end_column = len(last_line)
        yield new_token(TokenInfo, (NEWLINE, "", (line_number - 1, end_column),
                                    (line_number - 1, end_column + 1), ""))
    for _ in indents[1:]:
        yield new_token(TokenInfo, (DEDENT, "", (line_number, 0), (line_number, 0), ""))
    yield new_token(TokenInfo, (ENDMARKER, "", (line_number, 0), (line_number, 0), ""))


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
