"""The parser: pvm's tokens to standard `ast` nodes, following grammar.peg.

How it is built, and why
------------------------
`grammar.peg` is the specification: Python 3.11's grammar as a PEG, with the node each
alternative builds. This module is a recursive-descent parser written by hand from it.
Each method is named after the rule it parses and the methods come in grammar order.

A parser generated from the grammar (as CPython's pegen does) would be simple to keep in
step, but in Python it is slow: a packrat parser memoizes every rule at every position,
and the expression grammar walks ~15 rule levels (disjunction, conjunction, inversion,
comparison, bitwise_or, ..., term, factor, power, primary) for every operand, so a
plain name costs fifteen calls. This parser instead:

- reads the token after the current one to choose an alternative, and backtracks by
  saving and restoring ``self.pos`` only where the grammar really leaves the choice
  open (a ``match`` statement versus an expression starting with the name ``match``; the
  parenthesized form of ``with``);
- memoizes nothing: no rule is re-tried at one position often enough to pay for a memo
  table on valid code;
- parses the binary operators by precedence climbing (one method, a table of
  precedences) instead of one method per level;
- parses an expression statement once, then turns the expression into assignment
  targets if an '=' follows, instead of trying `star_targets '='` first and re-parsing;
- starts an expression with its primary when it can, and goes down the levels
  (disjunction ... power) only if an operator follows, handing the primary over as
  the first operand: most expressions are a lone name, call or attribute;
- returns None for "this rule does not match here"; the caller restores ``self.pos``.

Measured on the 1,781 corpus files (CPU time, same run, same files): 1.7 to 1.95 MB/s,
3.9 to 4.1 times parso's speed; CPython's C parser (ast.parse) does 3.5 to 3.9 MB/s.

Errors cost nothing on valid code. A failed parse is run again with the keys list
replaced by one that records the furthest token read (CPython reports a generic
"invalid syntax" there) and then once more with ``call_invalid_rules`` set, which lets
the `invalid_*` rules of `invalid.py` look for a precise message, as CPython does.

Positions follow pegen's: a node ends where the last token its rule consumed ends,
newlines and indentation excepted (so a compound statement ends at its last statement).

CPython's limits are reproduced rather than left to the host: 200 open brackets (the
lexer), 6000 levels of the parser stack (MemoryError, see _enter_nesting) and the
recursion budget of ast.parse's conversion to Python objects (RecursionError, checked
in pvm.parser only for statements long enough to reach it). The host recursion limit
is raised around a parse; Python calls do not use the C stack on 3.11 and later.
"""

import ast
import sys

from pvm.parser.invalid import InvalidRules
from pvm.parser.lexer import (DEDENT, ENDMARKER, ERROR, INDENT, NAME, NEWLINE, NUMBER,
                              STRING, TYPE_COMMENT)
from pvm.parser.strings import StringGroupError, parse_string_group

# Python 3.12 added type parameters to functions and classes (PEP 695). The guest
# language is 3.11, which has none, but a 3.12 host's tools expect the empty field.
HOST_HAS_TYPE_PARAMETERS = sys.version_info >= (3, 12)

# CPython's parser runs a second time, with its invalid_* rules, over code whose first
# parse failed (pvm's third pass, below).  Until 3.11.7 (gh-111380) the strings that
# second run reads warned again: an invalid escape before a syntax error warned twice.
# pvm follows the release it runs on.
WARNS_AGAIN_ON_ERROR = sys.version_info < (3, 11, 7)

LOAD = ast.Load()
STORE = ast.Store()
DELETE = ast.Del()

# Binary operators by precedence (higher binds tighter); all are left-associative.
BINARY_OPERATORS = {
    "|": (1, ast.BitOr()),
    "^": (2, ast.BitXor()),
    "&": (3, ast.BitAnd()),
    "<<": (4, ast.LShift()), ">>": (4, ast.RShift()),
    "+": (5, ast.Add()), "-": (5, ast.Sub()),
    "*": (6, ast.Mult()), "/": (6, ast.Div()), "//": (6, ast.FloorDiv()),
    "%": (6, ast.Mod()), "@": (6, ast.MatMult()),
}
UNARY_OPERATORS = {"-": ast.USub(), "+": ast.UAdd(), "~": ast.Invert()}
COMPARISON_OPERATORS = {
    "==": ast.Eq(), "!=": ast.NotEq(), "<": ast.Lt(), "<=": ast.LtE(), ">": ast.Gt(),
    ">=": ast.GtE(), "in": ast.In(), "not": ast.NotIn(), "is": ast.Is(),
}
IS_NOT = ast.IsNot()
AUGMENTED_OPERATORS = {
    "+=": ast.Add(), "-=": ast.Sub(), "*=": ast.Mult(), "@=": ast.MatMult(),
    "/=": ast.Div(), "%=": ast.Mod(), "&=": ast.BitAnd(), "|=": ast.BitOr(),
    "^=": ast.BitXor(), "<<=": ast.LShift(), ">>=": ast.RShift(), "**=": ast.Pow(),
    "//=": ast.FloorDiv(),
}
POWER = ast.Pow()
NOT = ast.Not()
AND = ast.And()
OR = ast.Or()

# CPython's parser stack, less what a statement costs before its expressions start.
MAXIMUM_NESTING = 6000 - 30
# A statement with fewer tokens cannot make a tree deeper than CPython's limit for
# turning the tree into Python objects (3 x the recursion limit, so at least ~3000).
LONG_STATEMENT_TOKENS = 2000

# Tokens that end no node: a compound statement ends at its last real token.
LAYOUT_KEYS = frozenset((NEWLINE, INDENT, DEDENT, ENDMARKER))


def _located(node, first, last):
    """Give `node` the span from token `first` to token `last` (inclusive)."""
    node.lineno = first[1]
    node.col_offset = first[2]
    node.end_lineno = last[3]
    node.end_col_offset = last[4]
    return node


def number_value(text):
    """The value of a NUMBER token, by the host's own conversions (as CPython does)."""
    last = text[-1]
    if last == "j" or last == "J":
        return complex(text)
    if text[0] == "0" and len(text) > 1 and text[1] in "xXoObB":
        return int(text, 0)
    if "." in text or "e" in text or "E" in text:
        return float(text)
    return int(text)


class Parser(InvalidRules):
    """One parse of one token stream. Call the method of the start rule of the mode."""

    def __init__(self, stream, filename="<unknown>", feature_version=None):
        self.stream = stream
        self.keys = stream.keys
        self.tokens = stream.tokens
        self.pos = 0
        self.filename = filename
        self.feature_version = feature_version
        self.call_invalid_rules = False
        # The error passes parse the same strings again: their warnings were given.
        self.warns = True
        # How deep the right-recursive expressions go (see _enter_nesting), and whether
        # a statement is long enough for its tree to be too deep (pvm.parser checks).
        self.nesting = 0
        self.has_long_statement = False

    # Helpers -------------------------------------------------------------------------

    def _expect(self, key):
        """Consume the next token if it is `key`; return it, or None."""
        if self.keys[self.pos] == key:
            self.pos += 1
            return self.tokens[self.pos - 1]
        return None

    def _expect_name(self):
        if self.keys[self.pos] is NAME:
            self.pos += 1
            return self.tokens[self.pos - 1]
        return None

    def _enter_nesting(self, levels):
        """Count `levels` more of CPython's parser stack, which holds MAXSTACK (6000)
        rule calls; a unary operator, 'not' or 'else' costs it one, '**' and 'lambda'
        two, from a base of about 30. Beyond that CPython raises MemoryError."""
        self.nesting += levels
        if self.nesting >= MAXIMUM_NESTING:
            raise MemoryError

    def _number_value(self, token):
        try:
            return number_value(token[0])
        except ValueError as error:
            # Only a decimal integer can fail: past the host's int digits limit.
            line = self.stream.lines[token[1] - 1]
            failure = SyntaxError(f"{error} - Consider hexadecimal for huge integer "
                                  "literals to avoid decimal conversion limits.")
            failure.lineno = failure.end_lineno = token[1]
            failure.offset = failure.end_offset = 0
            failure.text = line + "\n"
            raise failure from None

    def _last_token(self):
        """The last consumed token that is not layout (NEWLINE, INDENT, DEDENT)."""
        index = self.pos - 1
        keys = self.keys
        while keys[index] in LAYOUT_KEYS:
            index -= 1
        return self.tokens[index]

    # Start rules, one per mode -------------------------------------------------------

    def file(self):
        # file: [statements] ENDMARKER
        body = []
        keys = self.keys
        while keys[self.pos] is not ENDMARKER:
            if not self.statement(body):
                return None
        type_ignores = [ast.TypeIgnore(line, tag) for line, tag in self.stream.type_ignores]
        return ast.Module(body, type_ignores)

    def interactive(self):
        # interactive: statement_newline
        body = []
        keys = self.keys
        key = keys[self.pos]
        if key is NEWLINE:
            self.pos += 1
            body.append(_located(ast.Pass(), self.tokens[0], self.tokens[0]))
        elif key is ENDMARKER:
            # Nothing but blank lines and comments: CPython's ENDMARKER is the error.
            raise _end_marker_error(self.stream)
        else:
            start = self.pos
            compound = self.compound_stmt()
            if compound is not None:
                # compound_stmt NEWLINE.  CPython's parser turns the ENDMARKER of
                # 'single' input into a NEWLINE once after each token read: ours has
                # none to give after a block's DEDENT or a line's own newline; but
                # after the NEWLINE it adds where the input ends within a line (the
                # end of 'if 1: pass'), the input ends.
                if keys[self.pos] is NEWLINE:
                    self.pos += 1
                elif keys[self.pos] is not ENDMARKER or (
                        keys[self.pos - 1] is NEWLINE and self.tokens[self.pos - 1][0] == ""):
                    return None
                body.append(compound)
            else:
                self.pos = start
                if not self.simple_stmts(body):
                    return None
        statement_end = self.pos - 1
        while keys[self.pos] is NEWLINE:
            self.pos += 1
        if keys[self.pos] is not ENDMARKER and keys[self.pos] is not DEDENT:
            # CPython parses one statement, then refuses any code left after it.
            while keys[statement_end] is not NEWLINE and statement_end > 0:
                statement_end -= 1
            raise located_error("multiple statements found while compiling a single "
                                "statement", self.stream, self.tokens[statement_end],
                                is_newline=True)
        return ast.Interactive(body)

    def eval(self):
        # eval: expressions NEWLINE* ENDMARKER
        body = self.expressions()
        if body is None:
            return None
        keys = self.keys
        while keys[self.pos] is NEWLINE:
            self.pos += 1
        if keys[self.pos] is not ENDMARKER:
            return None
        return ast.Expression(body)

    def func_type(self):
        # func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
        if self._expect("(") is None:
            return None
        argument_types = []
        if self.keys[self.pos] != ")":
            argument_types = self.type_expressions()
            if argument_types is None:
                return None
        if self._expect(")") is None or self._expect("->") is None:
            return None
        returns = self.expression()
        if returns is None:
            return None
        keys = self.keys
        while keys[self.pos] is NEWLINE:
            self.pos += 1
        if keys[self.pos] is not ENDMARKER:
            return None
        return ast.FunctionType(argument_types, returns)

    def fstring_expression(self):
        # fstring: star_expressions (what an f-string's replacement field holds)
        node = self.star_expressions()
        if node is None:
            return None
        keys = self.keys
        while keys[self.pos] is NEWLINE:
            self.pos += 1
        if keys[self.pos] is not ENDMARKER:
            return None
        return node

    def type_expressions(self):
        # type_expressions: ','.expression+ [',' ('*' expression [',' '**' expression]
        #                   | '**' expression)]
        types = []
        keys = self.keys
        while True:
            key = keys[self.pos]
            if key == "*" or key == "**":
                self.pos += 1
                node = self.expression()
                if node is None:
                    return None
                types.append(node)
                if key == "**":
                    break
                if keys[self.pos] == "," and keys[self.pos + 1] == "**":
                    self.pos += 1
                    continue
                break
            node = self.expression()
            if node is None:
                return None
            types.append(node)
            if keys[self.pos] != ",":
                break
            if keys[self.pos + 1] == ")":
                return None
            self.pos += 1
        return types

    # Statements ----------------------------------------------------------------------

    def statement(self, body):
        # statement: compound_stmt | simple_stmts
        key = self.keys[self.pos]
        method = COMPOUND_STATEMENTS.get(key)
        if method is not None:
            node = method(self)
            if node is None:
                return False
            body.append(node)
            return True
        if key is NAME and self.tokens[self.pos][0] == "match":
            start = self.pos
            node = self.match_stmt()
            if node is not None:
                body.append(node)
                return True
            self.pos = start
        return self.simple_stmts(body)

    def compound_stmt(self):
        key = self.keys[self.pos]
        method = COMPOUND_STATEMENTS.get(key)
        if method is not None:
            return method(self)
        if key is NAME and self.tokens[self.pos][0] == "match":
            return self.match_stmt()
        return None

    def simple_stmts(self, body):
        # simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
        keys = self.keys
        while True:
            start = self.pos
            node = self.simple_stmt()
            if node is None:
                return False
            if self.pos - start > LONG_STATEMENT_TOKENS:
                self.has_long_statement = True
            body.append(node)
            key = keys[self.pos]
            if key is NEWLINE:
                self.pos += 1
                return True
            if key != ";":
                return False
            self.pos += 1
            if keys[self.pos] is NEWLINE:
                self.pos += 1
                return True

    def simple_stmt(self):
        method = SIMPLE_STATEMENTS.get(self.keys[self.pos])
        if method is not None:
            return method(self)
        return self.expression_stmt()

    def expression_stmt(self):
        # assignment (all four forms) | star_expressions, parsed once: the expression is
        # turned into targets if an assignment operator follows.
        start = self.pos
        start_token = self.tokens[start]
        first = self.star_expressions()
        if first is None:
            return None
        keys = self.keys
        key = keys[self.pos]
        if key == "=":
            return self.assignment_rest(start_token, first)
        if key == ":":
            return self.annotated_assignment_rest(start, first)
        operator = AUGMENTED_OPERATORS.get(key)
        if operator is not None:
            target = self.single_target_from(first)
            if target is None:
                if self.call_invalid_rules:
                    self.invalid_augmented_target(first)
                return None
            self.pos += 1
            value = self.yield_expr() if keys[self.pos] == "yield" else self.star_expressions()
            if value is None:
                return None
            return _located(ast.AugAssign(target, operator, value), start_token,
                            self.tokens[self.pos - 1])
        return _located(ast.Expr(first), start_token, self.tokens[self.pos - 1])

    def assignment_rest(self, start_token, first):
        # (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        keys = self.keys
        targets = []
        value = first
        while keys[self.pos] == "=":
            target = self.targets_from(value, STORE)
            if target is None:
                if self.call_invalid_rules:
                    self.invalid_assignment_target(value, targets)
                return None
            targets.append(target)
            self.pos += 1
            if keys[self.pos] == "yield":
                value = self.yield_expr()
            else:
                value = self.star_expressions()
            if value is None:
                return None
        type_comment = None
        if keys[self.pos] is TYPE_COMMENT:
            type_comment = self.tokens[self.pos][0]
            self.pos += 1
        return _located(ast.Assign(targets, value, type_comment), start_token,
                        self.tokens[self.pos - 1])

    def annotated_assignment_rest(self, start, first):
        # NAME ':' expression ['=' annotated_rhs]
        # | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
        #   ['=' annotated_rhs]
        first_class = type(first)
        if first_class is ast.Name:
            simple = 1 if self.keys[start] is NAME else 0
            first.ctx = STORE
        elif first_class is ast.Attribute or first_class is ast.Subscript:
            simple = 0
            first.ctx = STORE
        else:
            if self.call_invalid_rules:
                self.invalid_annotated_target(first)
            return None
        self.pos += 1
        annotation = self.expression()
        if annotation is None:
            return None
        value = None
        if self.keys[self.pos] == "=":
            self.pos += 1
            value = self.annotated_rhs()
            if value is None:
                return None
        return _located(ast.AnnAssign(first, annotation, value, simple), self.tokens[start],
                        self.tokens[self.pos - 1])

    def annotated_rhs(self):
        # annotated_rhs: yield_expr | star_expressions
        if self.keys[self.pos] == "yield":
            return self.yield_expr()
        return self.star_expressions()

    def targets_from(self, node, context):
        """`node` (parsed as an expression) as an assignment or del target, or None.

        Mirrors star_targets / del_targets: names, attributes, subscripts, and tuples
        and lists of targets (starred ones too, except for del).
        """
        node_class = type(node)
        if node_class is ast.Name or node_class is ast.Attribute or node_class is ast.Subscript:
            node.ctx = context
            return node
        if node_class is ast.Tuple or node_class is ast.List:
            for element in node.elts:
                if self.targets_from(element, context) is None:
                    return None
            node.ctx = context
            return node
        if node_class is ast.Starred and context is STORE:
            if self.targets_from(node.value, context) is None:
                return None
            node.ctx = context
            return node
        return None

    def single_target_from(self, node):
        # single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
        node_class = type(node)
        if node_class is ast.Name or node_class is ast.Attribute or node_class is ast.Subscript:
            node.ctx = STORE
            return node
        return None

    def return_stmt(self):
        # return_stmt: 'return' [star_expressions]
        start_token = self.tokens[self.pos]
        self.pos += 1
        value = None
        if self.keys[self.pos] not in STATEMENT_END:
            value = self.star_expressions()
            if value is None:
                return None
        return _located(ast.Return(value), start_token, self.tokens[self.pos - 1])

    def raise_stmt(self):
        # raise_stmt: 'raise' expression ['from' expression] | 'raise'
        start_token = self.tokens[self.pos]
        self.pos += 1
        exception = cause = None
        if self.keys[self.pos] not in STATEMENT_END:
            exception = self.expression()
            if exception is None:
                return None
            if self.keys[self.pos] == "from":
                self.pos += 1
                cause = self.expression()
                if cause is None:
                    return None
        return _located(ast.Raise(exception, cause), start_token, self.tokens[self.pos - 1])

    def pass_stmt(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return _located(ast.Pass(), token, token)

    def break_stmt(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return _located(ast.Break(), token, token)

    def continue_stmt(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return _located(ast.Continue(), token, token)

    def global_stmt(self):
        # global_stmt: 'global' ','.NAME+
        start_token = self.tokens[self.pos]
        self.pos += 1
        names = self.names()
        if names is None:
            return None
        return _located(ast.Global(names), start_token, self.tokens[self.pos - 1])

    def nonlocal_stmt(self):
        # nonlocal_stmt: 'nonlocal' ','.NAME+
        start_token = self.tokens[self.pos]
        self.pos += 1
        names = self.names()
        if names is None:
            return None
        return _located(ast.Nonlocal(names), start_token, self.tokens[self.pos - 1])

    def names(self):
        keys = self.keys
        names = []
        while True:
            if keys[self.pos] is not NAME:
                return None
            names.append(self.tokens[self.pos][0])
            self.pos += 1
            if keys[self.pos] != "," or keys[self.pos + 1] is not NAME:
                return names
            self.pos += 1

    def del_stmt(self):
        # del_stmt: 'del' del_targets &(';' | NEWLINE)
        start_token = self.tokens[self.pos]
        self.pos += 1
        targets_start = self.pos
        keys = self.keys
        targets = []
        while True:
            node = self.del_target()
            if node is None:
                if self.call_invalid_rules:
                    self.pos = targets_start
                    self.invalid_del_stmt()
                return None
            targets.append(node)
            if keys[self.pos] != ",":
                break
            self.pos += 1
            if keys[self.pos] == ";" or keys[self.pos] is NEWLINE:
                break
        if keys[self.pos] != ";" and keys[self.pos] is not NEWLINE:
            if self.call_invalid_rules:
                self.pos = targets_start
                self.invalid_del_stmt()
            return None
        return _located(ast.Delete(targets), start_token, self.tokens[self.pos - 1])

    def del_target(self):
        # del_target: t_primary '.' NAME | t_primary '[' slices ']' | del_t_atom
        node = self.primary()
        if node is None:
            return None
        return self.targets_from(node, DELETE)

    def yield_stmt(self):
        # yield_stmt: yield_expr
        start_token = self.tokens[self.pos]
        node = self.yield_expr()
        if node is None:
            return None
        if self.call_invalid_rules and self.keys[self.pos] == "=":
            self.invalid_assignment_target(node)
        return _located(ast.Expr(node), start_token, self.tokens[self.pos - 1])

    def assert_stmt(self):
        # assert_stmt: 'assert' expression [',' expression]
        start_token = self.tokens[self.pos]
        self.pos += 1
        test = self.expression()
        if test is None:
            return None
        message = None
        if self.keys[self.pos] == ",":
            self.pos += 1
            message = self.expression()
            if message is None:
                return None
        return _located(ast.Assert(test, message), start_token, self.tokens[self.pos - 1])

    def import_name(self):
        # import_name: 'import' dotted_as_names
        start_token = self.tokens[self.pos]
        self.pos += 1
        names = []
        while True:
            alias = self.dotted_as_name()
            if alias is None:
                return None
            names.append(alias)
            if self.keys[self.pos] != ",":
                break
            self.pos += 1
        return _located(ast.Import(names), start_token, self.tokens[self.pos - 1])

    def dotted_as_name(self):
        # dotted_as_name: dotted_name ['as' NAME]
        start_token = self.tokens[self.pos]
        name = self.dotted_name()
        if name is None:
            return None
        as_name = None
        if self.keys[self.pos] == "as":
            self.pos += 1
            token = self._expect_name()
            if token is None:
                return None
            as_name = token[0]
        return _located(ast.alias(name, as_name), start_token, self.tokens[self.pos - 1])

    def dotted_name(self):
        # dotted_name: dotted_name '.' NAME | NAME
        keys = self.keys
        if keys[self.pos] is not NAME:
            return None
        name = self.tokens[self.pos][0]
        self.pos += 1
        while keys[self.pos] == "." and keys[self.pos + 1] is NAME:
            name = name + "." + self.tokens[self.pos + 1][0]
            self.pos += 2
        return name

    def import_from(self):
        # import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
        #            | 'from' ('.' | '...')+ 'import' import_from_targets
        start_token = self.tokens[self.pos]
        self.pos += 1
        keys = self.keys
        level = 0
        while True:
            key = keys[self.pos]
            if key == ".":
                level += 1
            elif key == "...":
                level += 3
            else:
                break
            self.pos += 1
        module = None
        if keys[self.pos] is NAME:
            module = self.dotted_name()
        elif level == 0:
            return None
        if keys[self.pos] != "import":
            return None
        self.pos += 1
        names = self.import_from_targets()
        if names is None:
            return None
        return _located(ast.ImportFrom(module, names, level), start_token,
                        self.tokens[self.pos - 1])

    def import_from_targets(self):
        # import_from_targets: '(' import_from_as_names [','] ')'
        #                    | import_from_as_names !',' | '*'
        keys = self.keys
        key = keys[self.pos]
        if key == "*":
            token = self.tokens[self.pos]
            self.pos += 1
            return [_located(ast.alias("*", None), token, token)]
        parenthesized = key == "("
        if parenthesized:
            self.pos += 1
        names = []
        while True:
            token = self._expect_name()
            if token is None:
                return None
            as_name = None
            if keys[self.pos] == "as":
                self.pos += 1
                as_token = self._expect_name()
                if as_token is None:
                    return None
                as_name = as_token[0]
            names.append(_located(ast.alias(token[0], as_name), token,
                                  self.tokens[self.pos - 1]))
            if keys[self.pos] != ",":
                break
            self.pos += 1
            if keys[self.pos] is not NAME:
                if parenthesized:
                    break
                if self.call_invalid_rules:
                    self.invalid_import_from_targets()
                return None
        if parenthesized and self._expect(")") is None:
            return None
        return names

    # Compound statements -------------------------------------------------------------

    def block(self):
        # block: NEWLINE INDENT statements DEDENT | simple_stmts
        keys = self.keys
        body = []
        if keys[self.pos] is NEWLINE:
            if keys[self.pos + 1] is not INDENT:
                return None
            self.pos += 2
            while keys[self.pos] is not DEDENT:
                if not self.statement(body):
                    return None
            self.pos += 1
            return body
        if not self.simple_stmts(body):
            return None
        return body

    def _colon_block(self, owner, start_token):
        """':' block, as every compound statement has; None if either is missing.

        `owner` is the statement's keyword, for the invalid rules' messages."""
        if self.keys[self.pos] != ":":
            if self.call_invalid_rules:
                self.invalid_expected_colon(owner)
            return None
        self.pos += 1
        block_start = self.pos
        body = self.block()
        if body is None and self.call_invalid_rules:
            self.pos = block_start
            self.invalid_block(owner, start_token)
        return body

    def decorated(self):
        # decorators: ('@' named_expression NEWLINE)+, then a class or function
        keys = self.keys
        decorators = []
        while keys[self.pos] == "@":
            self.pos += 1
            node = self.named_expression()
            if node is None or keys[self.pos] is not NEWLINE:
                return None
            self.pos += 1
            decorators.append(node)
        key = keys[self.pos]
        if key == "def" or (key == "async" and keys[self.pos + 1] == "def"):
            return self.function_def(decorators)
        if key == "class":
            return self.class_def(decorators)
        return None

    def class_def(self, decorators=None):
        # class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
        start_token = self.tokens[self.pos]
        self.pos += 1
        name = self._expect_name()
        if name is None:
            return None
        bases = []
        keywords = []
        if self.keys[self.pos] == "(":
            self.pos += 1
            if self.keys[self.pos] != ")":
                arguments = self.arguments()
                if arguments is None:
                    return None
                bases, keywords = arguments
            if self._expect(")") is None:
                return None
        body = self._colon_block("class", start_token)
        if body is None:
            return None
        node = ast.ClassDef(name[0], bases, keywords, body, decorators or [])
        if HOST_HAS_TYPE_PARAMETERS:
            node.type_params = []
        return _located(node, start_token, self._last_token())

    def function_def(self, decorators=None):
        # function_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':'
        #                   [func_type_comment] block
        start_token = self.tokens[self.pos]
        keys = self.keys
        is_async = keys[self.pos] == "async"
        self.pos += 2 if is_async else 1
        name = self._expect_name()
        if name is None:
            return None
        if keys[self.pos] != "(":
            if self.call_invalid_rules:
                self._raise_at("expected '('", self._cpython_span_if_newline(self.pos))
            return None
        self.pos += 1
        parameters = self.parameters(")", annotated=True)
        if parameters is None or keys[self.pos] != ")":
            return None
        self.pos += 1
        returns = None
        if keys[self.pos] == "->":
            self.pos += 1
            returns = self.expression()
            if returns is None:
                return None
        if keys[self.pos] != ":":
            if self.call_invalid_rules:
                self.invalid_expected_colon("def")
            return None
        self.pos += 1
        type_comment = self.func_type_comment()
        block_start = self.pos
        body = self.block()
        if body is None:
            if self.call_invalid_rules:
                self.pos = block_start
                self.invalid_block("def", start_token)
            return None
        node_class = ast.AsyncFunctionDef if is_async else ast.FunctionDef
        node = node_class(name[0], parameters, body, decorators or [], returns, type_comment)
        if HOST_HAS_TYPE_PARAMETERS:
            node.type_params = []
        return _located(node, start_token, self._last_token())

    def func_type_comment(self):
        # func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | TYPE_COMMENT
        keys = self.keys
        if keys[self.pos] is TYPE_COMMENT:
            self.pos += 1
            return self.tokens[self.pos - 1][0]
        if (keys[self.pos] is NEWLINE and keys[self.pos + 1] is TYPE_COMMENT
                and keys[self.pos + 2] is NEWLINE and keys[self.pos + 3] is INDENT):
            self.pos += 2
            return self.tokens[self.pos - 1][0]
        return None

    def parameters(self, closing, annotated):
        """params (for def, `annotated`) or lambda_params, up to the `closing` token.

        parameters: slash_no_default param_no_default* param_with_default* [star_etc]
                  | slash_with_default param_with_default* [star_etc]
                  | param_no_default+ param_with_default* [star_etc]
                  | param_with_default+ [star_etc]
                  | star_etc
        The alternatives amount to: positional parameters (a '/' may end the
        positional-only ones), once one has a default all must, then '*' with
        keyword-only ones, then '**'.
        """
        keys = self.keys
        tokens = self.tokens
        positional_only = []
        positional = []
        defaults = []
        vararg = None
        keyword_only = []
        keyword_defaults = []
        kwarg = None
        seen_slash = seen_star = False
        while keys[self.pos] != closing:
            key = keys[self.pos]
            token = tokens[self.pos]
            if key == "/":
                if seen_star:
                    return self._parameter_error("slash after star", token)
                if seen_slash:
                    return self._parameter_error("slash twice", token)
                if not positional:
                    if self.call_invalid_rules and keys[self.pos + 1] == ",":
                        self.invalid_parameters("nothing before slash", token)
                    return None
                self.pos += 1
                seen_slash = True
                positional_only = positional
                positional = []
            elif key == "*":
                if seen_star:
                    return self._parameter_error("star twice", token)
                self.pos += 1
                seen_star = True
                following = keys[self.pos]
                if following == closing or (following == "," and keys[self.pos + 1] in (
                        closing, "**")):
                    if not annotated and self.call_invalid_rules:
                        # A lambda's message points at the token read last.
                        self._raise_here("named arguments must follow bare *")
                    return self._parameter_error("bare star", token)
                if following != ",":
                    vararg = self.parameter(annotated, star_annotation=True)
                    if vararg is None:
                        return None
                    # invalid_star_etc's rule is '*' param '=': an annotation that is a
                    # starred expression (PEP 646) is no `param`, and gets "invalid syntax".
                    if keys[self.pos] == "=" and type(vararg.annotation) is not ast.Starred:
                        return self._parameter_error("star default", tokens[self.pos])
            elif key == "**":
                self.pos += 1
                kwarg = self.parameter(annotated)
                if kwarg is None:
                    return None
                if keys[self.pos] == "=":
                    return self._parameter_error("double star default", tokens[self.pos])
                self._parameter_comma(kwarg, closing, annotated)
                if keys[self.pos] != closing:
                    if keys[self.pos] in (NAME, "*", "**", "/"):
                        return self._parameter_error("after double star", tokens[self.pos])
                    return None
                break
            elif key == "(" and self.call_invalid_rules:
                self.invalid_parenthesized_parameters(self.pos, not annotated)
                return None
            else:
                parameter = self.parameter(annotated)
                if parameter is None:
                    return None
                default = None
                if keys[self.pos] == "=":
                    self.pos += 1
                    if keys[self.pos] in (",", closing):
                        return self._parameter_error("default value missing",
                                                     tokens[self.pos - 1])
                    default = self.expression()
                    if default is None:
                        return None
                if seen_star:
                    keyword_only.append(parameter)
                    keyword_defaults.append(default)
                else:
                    if default is not None:
                        defaults.append(default)
                    elif defaults:
                        return self._parameter_error("default missing", token)
                    positional.append(parameter)
                if not self._parameter_comma(parameter, closing, annotated):
                    break
                continue
            if keys[self.pos] == ",":
                self.pos += 1
            elif keys[self.pos] != closing:
                if key == "/" and keys[self.pos] == "*" and self.call_invalid_rules:
                    self._raise_at("expected comma between / and *", tokens[self.pos])
                return None
            if key == "*" and vararg is not None and annotated:
                self._parameter_type_comment(vararg, closing)
        return ast.arguments(positional_only, positional, vararg, keyword_only,
                             keyword_defaults, kwarg, defaults)

    def _parameter_comma(self, parameter, closing, annotated):
        """Consume the ',' after a parameter (and a type comment); False at the end."""
        keys = self.keys
        if keys[self.pos] == ",":
            self.pos += 1
            if annotated:
                self._parameter_type_comment(parameter, closing)
            return True
        if annotated:
            self._parameter_type_comment(parameter, closing)
        return False

    def _parameter_type_comment(self, parameter, closing):
        if self.keys[self.pos] is TYPE_COMMENT:
            parameter.type_comment = self.tokens[self.pos][0]
            self.pos += 1

    def _parameter_error(self, problem, token):
        if self.call_invalid_rules:
            self.invalid_parameters(problem, token)
        return None

    def parameter(self, annotated, star_annotation=False):
        # param: NAME annotation? (def) | NAME (lambda);
        # param_star_annotation: NAME ':' star_expression (for *args only)
        token = self._expect_name()
        if token is None:
            return None
        annotation = None
        if annotated and self.keys[self.pos] == ":":
            self.pos += 1
            if star_annotation and self.keys[self.pos] == "*":
                annotation = self.star_expression()
            else:
                annotation = self.expression()
            if annotation is None:
                return None
        return _located(ast.arg(token[0], annotation, None), token,
                        self.tokens[self.pos - 1])

    def if_stmt(self):
        # if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
        # elif_stmt: the same, starting with 'elif', as the If in the orelse
        start_token = self.tokens[self.pos]
        self.pos += 1
        test = self.named_expression()
        if test is None:
            return None
        body = self._colon_block(start_token[0], start_token)
        if body is None:
            return None
        key = self.keys[self.pos]
        orelse = []
        if key == "elif":
            node = self.if_stmt()
            if node is None:
                return None
            orelse = [node]
        elif key == "else":
            orelse = self.else_block()
            if orelse is None:
                return None
        return _located(ast.If(test, body, orelse), start_token, self._last_token())

    def else_block(self):
        # else_block: 'else' ':' block
        start_token = self.tokens[self.pos]
        self.pos += 1
        return self._colon_block("else", start_token)

    def while_stmt(self):
        # while_stmt: 'while' named_expression ':' block [else_block]
        start_token = self.tokens[self.pos]
        self.pos += 1
        test = self.named_expression()
        if test is None:
            return None
        body = self._colon_block("while", start_token)
        if body is None:
            return None
        orelse = []
        if self.keys[self.pos] == "else":
            orelse = self.else_block()
            if orelse is None:
                return None
        return _located(ast.While(test, body, orelse), start_token, self._last_token())

    def for_stmt(self):
        # for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT]
        #           block [else_block]
        start_token = self.tokens[self.pos]
        keys = self.keys
        is_async = keys[self.pos] == "async"
        self.pos += 2 if is_async else 1
        targets_start = self.pos
        target = self.star_targets()
        if target is None or keys[self.pos] != "in":
            if self.call_invalid_rules:
                self.invalid_for_target(targets_start)
            return None
        self.pos += 1
        iterator = self.star_expressions()
        if iterator is None:
            return None
        if keys[self.pos] != ":":
            if self.call_invalid_rules:
                self.invalid_expected_colon("for")
            return None
        self.pos += 1
        type_comment = None
        if keys[self.pos] is TYPE_COMMENT:
            type_comment = self.tokens[self.pos][0]
            self.pos += 1
        block_start = self.pos
        body = self.block()
        if body is None:
            if self.call_invalid_rules:
                self.pos = block_start
                self.invalid_block("for", start_token)
            return None
        orelse = []
        if keys[self.pos] == "else":
            orelse = self.else_block()
            if orelse is None:
                return None
        node_class = ast.AsyncFor if is_async else ast.For
        return _located(node_class(target, iterator, body, orelse, type_comment),
                        start_token, self._last_token())

    def with_stmt(self):
        # with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
        #          | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
        start_token = self.tokens[self.pos]
        keys = self.keys
        is_async = keys[self.pos] == "async"
        self.pos += 2 if is_async else 1
        items = None
        type_comment = None
        if keys[self.pos] == "(":
            items_start = self.pos
            self.pos += 1
            items = self.with_items(")")
            if items is not None and keys[self.pos] == ")" and keys[self.pos + 1] == ":":
                self.pos += 1
            else:
                items = None
                self.pos = items_start
        if items is None:
            items = self.with_items(":")
            if items is None:
                if self.call_invalid_rules:
                    self.invalid_with_stmt(start_token)
                return None
            if keys[self.pos] != ":":
                if self.call_invalid_rules:
                    self.invalid_expected_colon("with")
                return None
            self.pos += 1
            if keys[self.pos] is TYPE_COMMENT:
                type_comment = self.tokens[self.pos][0]
                self.pos += 1
        else:
            self.pos += 1
        block_start = self.pos
        body = self.block()
        if body is None:
            if self.call_invalid_rules:
                self.pos = block_start
                self.invalid_block("with", start_token)
            return None
        node_class = ast.AsyncWith if is_async else ast.With
        return _located(node_class(items, body, type_comment), start_token,
                        self._last_token())

    def with_items(self, closing):
        """','.with_item+, with a trailing ',' allowed before ')' (`closing`)."""
        keys = self.keys
        items = []
        while True:
            item = self.with_item()
            if item is None:
                return None
            items.append(item)
            if keys[self.pos] != ",":
                return items
            if closing == ")" and keys[self.pos + 1] == ")":
                self.pos += 1
                return items
            self.pos += 1

    def with_item(self):
        # with_item: expression 'as' star_target &(',' | ')' | ':') | expression
        context = self.expression()
        if context is None:
            return None
        keys = self.keys
        if keys[self.pos] == "as":
            self.pos += 1
            target_start = self.pos
            target = self.star_target()
            key = keys[self.pos]
            if target is None or (key != "," and key != ")" and key != ":"):
                if self.call_invalid_rules:
                    self.pos = target_start
                    self.invalid_with_item_target()
                return None
            return ast.withitem(context, target)
        return ast.withitem(context, None)

    def try_stmt(self):
        # try_stmt: 'try' ':' block finally_block
        #         | 'try' ':' block except_block+ [else_block] [finally_block]
        #         | 'try' ':' block except_star_block+ [else_block] [finally_block]
        start_token = self.tokens[self.pos]
        self.pos += 1
        body = self._colon_block("try", start_token)
        if body is None:
            return None
        keys = self.keys
        handlers = []
        star = None
        while keys[self.pos] == "except":
            is_star = keys[self.pos + 1] == "*"
            if star is None:
                star = is_star
            elif star is not is_star:
                if self.call_invalid_rules:
                    self.invalid_except_mix(self.tokens[self.pos], is_star)
                return None
            handler = self.except_block(is_star)
            if handler is None:
                return None
            handlers.append(handler)
        orelse = []
        if handlers and keys[self.pos] == "else":
            orelse = self.else_block()
            if orelse is None:
                return None
        final_body = []
        if keys[self.pos] == "finally":
            finally_token = self.tokens[self.pos]
            self.pos += 1
            final_body = self._colon_block("finally", finally_token)
            if final_body is None:
                return None
        elif not handlers:
            if self.call_invalid_rules:
                self.invalid_try_stmt()
            return None
        node_class = ast.TryStar if star else ast.Try
        return _located(node_class(body, handlers, orelse, final_body), start_token,
                        self._last_token())

    def except_block(self, is_star):
        # except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
        # except_star_block: 'except' '*' expression ['as' NAME] ':' block
        start_token = self.tokens[self.pos]
        self.pos += 2 if is_star else 1
        keys = self.keys
        exception_type = None
        name = None
        if self.call_invalid_rules:
            self.invalid_except_stmt(is_star)
        if is_star or keys[self.pos] != ":":
            exception_type = self.expression()
            if exception_type is None:
                return None
            if keys[self.pos] == "as":
                self.pos += 1
                token = self._expect_name()
                if token is None:
                    return None
                name = token[0]
            elif keys[self.pos] == "," and self.call_invalid_rules:
                self.invalid_except_parentheses(exception_type)
        body = self._colon_block("except*" if is_star else "except", start_token)
        if body is None:
            return None
        return _located(ast.ExceptHandler(exception_type, name, body), start_token,
                        self._last_token())

    # The match statement -------------------------------------------------------------

    def match_stmt(self):
        # match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
        start_token = self.tokens[self.pos]
        self.pos += 1
        subject = self.subject_expr()
        if subject is None:
            return None
        keys = self.keys
        if keys[self.pos] != ":":
            if self.call_invalid_rules:
                self.invalid_expected_colon("match")
            return None
        if keys[self.pos + 1] is not NEWLINE or keys[self.pos + 2] is not INDENT:
            if self.call_invalid_rules:
                self.pos += 1
                self.invalid_block("match", start_token)
            return None
        self.pos += 3
        cases = []
        while keys[self.pos] is NAME and self.tokens[self.pos][0] == "case":
            case = self.case_block()
            if case is None:
                return None
            cases.append(case)
        if not cases or keys[self.pos] is not DEDENT:
            return None
        self.pos += 1
        return _located(ast.Match(subject, cases), start_token, self._last_token())

    def subject_expr(self):
        # subject_expr: star_named_expression ',' star_named_expressions? | named_expression
        start_token = self.tokens[self.pos]
        first = self.star_named_expression()
        if first is None:
            return None
        if self.keys[self.pos] != ",":
            if type(first) is ast.Starred:
                return None
            return first
        return self._tuple_rest(first, start_token)

    def case_block(self):
        # case_block: "case" patterns guard? ':' block
        start_token = self.tokens[self.pos]
        self.pos += 1
        pattern = self.patterns()
        if pattern is None:
            return None
        guard = None
        if self.keys[self.pos] == "if":
            self.pos += 1
            guard = self.named_expression()
            if guard is None:
                return None
        body = self._colon_block("case", start_token)
        if body is None:
            return None
        return ast.match_case(pattern, guard, body)

    def patterns(self):
        # patterns: open_sequence_pattern | pattern
        start_token = self.tokens[self.pos]
        first = self.maybe_star_pattern()
        if first is None:
            return None
        if self.keys[self.pos] != ",":
            if type(first) is ast.MatchStar:
                return None
            return first
        elements = self.maybe_sequence_pattern_rest(first, ":")
        if elements is None:
            return None
        return _located(ast.MatchSequence(elements), start_token, self.tokens[self.pos - 1])

    def maybe_sequence_pattern_rest(self, first, closing):
        """The rest of ','.maybe_star_pattern+ ','? after its `first` element."""
        keys = self.keys
        elements = [first]
        while keys[self.pos] == ",":
            self.pos += 1
            if keys[self.pos] is closing:
                break
            element = self.maybe_star_pattern()
            if element is None:
                return None
            elements.append(element)
        return elements

    def maybe_star_pattern(self):
        # maybe_star_pattern: star_pattern | pattern
        if self.keys[self.pos] == "*":
            return self.star_pattern()
        return self.pattern()

    def star_pattern(self):
        # star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
        start_token = self.tokens[self.pos]
        self.pos += 1
        token = self._expect_name()
        if token is None:
            return None
        name = None if token[0] == "_" else token[0]
        return _located(ast.MatchStar(name), start_token, token)

    def pattern(self):
        # pattern: as_pattern | or_pattern
        # as_pattern: or_pattern 'as' pattern_capture_target
        start_token = self.tokens[self.pos]
        node = self.or_pattern()
        if node is None:
            return None
        if self.keys[self.pos] == "as":
            self.pos += 1
            token = self._expect_name()
            if token is None or token[0] == "_":
                if self.call_invalid_rules:
                    self.invalid_as_pattern(token)
                return None
            key = self.keys[self.pos]
            if key == "." or key == "(" or key == "=":
                return None
            return _located(ast.MatchAs(node, token[0]), start_token, token)
        return node

    def or_pattern(self):
        # or_pattern: '|'.closed_pattern+
        start_token = self.tokens[self.pos]
        first = self.closed_pattern()
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != "|":
            return first
        alternatives = [first]
        while keys[self.pos] == "|":
            self.pos += 1
            node = self.closed_pattern()
            if node is None:
                return None
            alternatives.append(node)
        return _located(ast.MatchOr(alternatives), start_token, self.tokens[self.pos - 1])

    def closed_pattern(self):
        # closed_pattern: literal_pattern | capture_pattern | wildcard_pattern
        #   | value_pattern | group_pattern | sequence_pattern | mapping_pattern
        #   | class_pattern
        keys = self.keys
        key = keys[self.pos]
        token = self.tokens[self.pos]
        if key is NAME:
            following = keys[self.pos + 1]
            if following == "." or following == "(":
                return self.value_or_class_pattern()
            if following == "=":
                return None
            self.pos += 1
            if token[0] == "_":
                return _located(ast.MatchAs(None, None), token, token)
            return _located(ast.MatchAs(None, token[0]), token, token)
        if key == "(":
            return self.group_or_sequence_pattern()
        if key == "[":
            self.pos += 1
            elements = []
            if keys[self.pos] != "]":
                first = self.maybe_star_pattern()
                if first is None:
                    return None
                elements = self.maybe_sequence_pattern_rest(first, "]")
                if elements is None:
                    return None
            if keys[self.pos] != "]":
                return None
            self.pos += 1
            return _located(ast.MatchSequence(elements), token, self.tokens[self.pos - 1])
        if key == "{":
            return self.mapping_pattern()
        if key == "None" or key == "True" or key == "False":
            self.pos += 1
            value = None if key == "None" else key == "True"
            return _located(ast.MatchSingleton(value), token, token)
        value = self.literal_expr()
        if value is None:
            return None
        return _located(ast.MatchValue(value), token, self.tokens[self.pos - 1])

    def literal_expr(self):
        # literal_expr: signed_number !('+' | '-') | complex_number | strings
        #   (None, True and False are handled by the callers)
        keys = self.keys
        key = keys[self.pos]
        if key is STRING:
            return self.strings()
        if key == "None" or key == "True" or key == "False":
            return self.atom()
        start_token = self.tokens[self.pos]
        real = self.signed_number()
        if real is None:
            return None
        key = keys[self.pos]
        if key == "+" or key == "-":
            # complex_number: signed_real_number ('+' | '-') imaginary_number
            self.pos += 1
            imaginary_token = self.tokens[self.pos]
            if keys[self.pos] is not NUMBER:
                return None
            imaginary_value = self._number_value(imaginary_token)
            if type(imaginary_value) is not complex:
                return None
            if type(number_value(self.tokens[self.pos - 2][0])) is complex:
                return None
            self.pos += 1
            imaginary = _located(ast.Constant(imaginary_value), imaginary_token,
                                 imaginary_token)
            operator = BINARY_OPERATORS[key][1]
            return _located(ast.BinOp(real, operator, imaginary), start_token,
                            imaginary_token)
        return real

    def signed_number(self):
        # signed_number: NUMBER | '-' NUMBER
        keys = self.keys
        token = self.tokens[self.pos]
        if keys[self.pos] is NUMBER:
            self.pos += 1
            return _located(ast.Constant(self._number_value(token)), token, token)
        if keys[self.pos] == "-" and keys[self.pos + 1] is NUMBER:
            number_token = self.tokens[self.pos + 1]
            self.pos += 2
            number = _located(ast.Constant(self._number_value(number_token)), number_token,
                              number_token)
            return _located(ast.UnaryOp(UNARY_OPERATORS["-"], number), token, number_token)
        return None

    def value_or_class_pattern(self):
        # value_pattern: attr !('.' | '(' | '=')
        # class_pattern: name_or_attr '(' [positional and keyword patterns] ')'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        node = _located(ast.Name(start_token[0], LOAD), start_token, start_token)
        while keys[self.pos] == ".":
            self.pos += 1
            token = self._expect_name()
            if token is None:
                return None
            node = _located(ast.Attribute(node, token[0], LOAD), start_token, token)
        if keys[self.pos] != "(":
            if type(node) is ast.Name or keys[self.pos] == "=":
                return None
            return _located(ast.MatchValue(node), start_token, self.tokens[self.pos - 1])
        self.pos += 1
        patterns = []
        keyword_names = []
        keyword_patterns = []
        while keys[self.pos] != ")":
            if keys[self.pos] is NAME and keys[self.pos + 1] == "=":
                keyword_names.append(self.tokens[self.pos][0])
                self.pos += 2
                pattern = self.pattern()
                if pattern is None:
                    return None
                keyword_patterns.append(pattern)
            else:
                if keyword_names:
                    if self.call_invalid_rules:
                        self.invalid_class_pattern()
                    return None
                pattern = self.pattern()
                if pattern is None:
                    return None
                patterns.append(pattern)
            if keys[self.pos] == ",":
                self.pos += 1
            elif keys[self.pos] != ")":
                return None
        self.pos += 1
        return _located(ast.MatchClass(node, patterns, keyword_names, keyword_patterns),
                        start_token, self.tokens[self.pos - 1])

    def group_or_sequence_pattern(self):
        # group_pattern: '(' pattern ')'
        # sequence_pattern: '(' open_sequence_pattern? ')'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        if keys[self.pos] == ")":
            self.pos += 1
            return _located(ast.MatchSequence([]), start_token,
                            self.tokens[self.pos - 1])
        first = self.maybe_star_pattern()
        if first is None:
            return None
        if keys[self.pos] == ")":
            if type(first) is ast.MatchStar:
                return None
            self.pos += 1
            return first
        elements = self.maybe_sequence_pattern_rest(first, ")")
        if elements is None or keys[self.pos] != ")":
            return None
        self.pos += 1
        return _located(ast.MatchSequence(elements), start_token, self.tokens[self.pos - 1])

    def mapping_pattern(self):
        # mapping_pattern: '{' [items_pattern ','] ['**' pattern_capture_target] ','? '}'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        mapping_keys = []
        patterns = []
        rest = None
        while keys[self.pos] != "}":
            if keys[self.pos] == "**":
                self.pos += 1
                token = self._expect_name()
                if token is None or token[0] == "_":
                    return None
                rest = token[0]
                if keys[self.pos] == ",":
                    self.pos += 1
                break
            # key_value_pattern: (literal_expr | attr) ':' pattern
            if keys[self.pos] is NAME:
                key = self.attr()
            else:
                key = self.literal_expr()
            if key is None or keys[self.pos] != ":":
                return None
            self.pos += 1
            pattern = self.pattern()
            if pattern is None:
                return None
            mapping_keys.append(key)
            patterns.append(pattern)
            if keys[self.pos] == ",":
                self.pos += 1
            elif keys[self.pos] != "}":
                return None
        if keys[self.pos] != "}":
            return None
        self.pos += 1
        return _located(ast.MatchMapping(mapping_keys, patterns, rest), start_token,
                        self.tokens[self.pos - 1])

    def attr(self):
        # attr: name_or_attr '.' NAME
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        node = _located(ast.Name(start_token[0], LOAD), start_token, start_token)
        if keys[self.pos] != ".":
            return None
        while keys[self.pos] == ".":
            self.pos += 1
            token = self._expect_name()
            if token is None:
                return None
            node = _located(ast.Attribute(node, token[0], LOAD), start_token, token)
        return node

    # Expressions ---------------------------------------------------------------------

    def expressions(self):
        # expressions: expression (',' expression)* [',']
        start_token = self.tokens[self.pos]
        first = self.expression()
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != ",":
            return first
        elements = [first]
        while keys[self.pos] == ",":
            self.pos += 1
            position = self.pos
            node = self.expression()
            if node is None:
                self.pos = position
                break
            elements.append(node)
        return _located(ast.Tuple(elements, LOAD), start_token, self.tokens[self.pos - 1])

    def star_expressions(self):
        # star_expressions: star_expression (',' star_expression)* [',']
        start_token = self.tokens[self.pos]
        first = self.star_expression()
        if first is None:
            return None
        if self.keys[self.pos] != ",":
            return first
        return self._tuple_rest(first, start_token)

    def _tuple_rest(self, first, start_token):
        """An unparenthesized tuple whose first element is parsed, at its first ','."""
        keys = self.keys
        elements = [first]
        while keys[self.pos] == ",":
            self.pos += 1
            key = keys[self.pos]
            if key in TUPLE_ENDS:
                break
            position = self.pos
            node = self.star_expression()
            if node is None:
                self.pos = position
                break
            elements.append(node)
        return _located(ast.Tuple(elements, LOAD), start_token, self.tokens[self.pos - 1])

    def star_expression(self):
        # star_expression: '*' bitwise_or | expression
        if self.keys[self.pos] == "*":
            start_token = self.tokens[self.pos]
            self.pos += 1
            value = self.bitwise_or()
            if value is None:
                return None
            return _located(ast.Starred(value, LOAD), start_token, self.tokens[self.pos - 1])
        return self.expression()

    def star_named_expression(self):
        # star_named_expression: '*' bitwise_or | named_expression
        if self.keys[self.pos] == "*":
            start_token = self.tokens[self.pos]
            self.pos += 1
            value = self.bitwise_or()
            if value is None:
                return None
            return _located(ast.Starred(value, LOAD), start_token, self.tokens[self.pos - 1])
        return self.named_expression()

    def star_named_expressions(self, closing):
        """','.star_named_expression+ [','] up to `closing`, as a list."""
        keys = self.keys
        elements = []
        while keys[self.pos] is not closing:
            node = self.star_named_expression()
            if node is None:
                return None
            elements.append(node)
            if keys[self.pos] != ",":
                break
            self.pos += 1
        return elements

    def named_expression(self):
        # named_expression: assignment_expression | expression !':='
        # assignment_expression: NAME ':=' ~ expression
        keys = self.keys
        if keys[self.pos] is NAME and keys[self.pos + 1] == ":=":
            token = self.tokens[self.pos]
            self.pos += 2
            value = self.expression()
            if value is None:
                return None
            target = _located(ast.Name(token[0], STORE), token, token)
            return _located(ast.NamedExpr(target, value), token, self.tokens[self.pos - 1])
        node = self.expression()
        if node is not None and self.call_invalid_rules:
            if keys[self.pos] == ":=":
                self.invalid_named_expression(node)
            elif keys[self.pos] == "=":
                self.invalid_equals_in_condition(node)
        return node

    def expression(self):
        # expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
        keys = self.keys
        key = keys[self.pos]
        if key == "lambda":
            return self.lambdef()
        start = self.pos
        start_token = self.tokens[start]
        if key in PRIMARY_STARTS:
            # Most expressions are a lone primary ("x", "self.name", "f(a)"): parse it,
            # and only if an operator follows go down the levels, handing it over as
            # their first operand.
            first = self.primary()
            if first is None:
                return None
            if keys[self.pos] in EXPRESSION_ENDS:
                return first
            body = self.disjunction(start_token, first)
        else:
            body = self.disjunction()
        if body is None:
            return None
        if keys[self.pos] != "if":
            if self.call_invalid_rules:
                self.invalid_expression(body, start)
            return body
        position = self.pos
        self.pos += 1
        test = self.disjunction()
        if test is None or keys[self.pos] != "else":
            if test is not None and self.call_invalid_rules:
                self.invalid_conditional_expression(body, test)
            self.pos = position
            return body
        self.pos += 1
        self._enter_nesting(1)
        orelse = self.expression()
        self.nesting -= 1
        if orelse is None:
            self.pos = position
            return body
        return _located(ast.IfExp(test, body, orelse), start_token, self.tokens[self.pos - 1])

    def yield_expr(self):
        # yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
        start_token = self.tokens[self.pos]
        self.pos += 1
        key = self.keys[self.pos]
        if key == "from":
            self.pos += 1
            value = self.expression()
            if value is None:
                return None
            return _located(ast.YieldFrom(value), start_token, self.tokens[self.pos - 1])
        value = None
        if key not in YIELD_VALUE_ENDS:
            position = self.pos
            value = self.star_expressions()
            if value is None:
                self.pos = position
        return _located(ast.Yield(value), start_token, self.tokens[self.pos - 1])

    def lambdef(self):
        # lambdef: 'lambda' [lambda_params] ':' expression
        start_token = self.tokens[self.pos]
        self.pos += 1
        parameters = self.parameters(":", annotated=False)
        if parameters is None or self.keys[self.pos] != ":":
            return None
        self.pos += 1
        self._enter_nesting(2)
        body = self.expression()
        self.nesting -= 2
        if body is None:
            return None
        return _located(ast.Lambda(parameters, body), start_token, self.tokens[self.pos - 1])

    # From disjunction down to power, each method may be handed its first operand
    # already parsed (`first`, a primary that began at `start_token`): see expression.

    def disjunction(self, start_token=None, first=None):
        # disjunction: conjunction ('or' conjunction)+ | conjunction
        if first is None:
            start_token = self.tokens[self.pos]
        first = self.conjunction(start_token, first)
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != "or":
            return first
        values = [first]
        while keys[self.pos] == "or":
            position = self.pos
            self.pos += 1
            node = self.conjunction()
            if node is None:
                self.pos = position
                break
            values.append(node)
        return _located(ast.BoolOp(OR, values), start_token, self.tokens[self.pos - 1])

    def conjunction(self, start_token=None, first=None):
        # conjunction: inversion ('and' inversion)+ | inversion
        if first is None:
            start_token = self.tokens[self.pos]
            first = self.inversion()
        else:
            first = self.comparison(start_token, first)
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != "and":
            return first
        values = [first]
        while keys[self.pos] == "and":
            position = self.pos
            self.pos += 1
            node = self.inversion()
            if node is None:
                self.pos = position
                break
            values.append(node)
        return _located(ast.BoolOp(AND, values), start_token, self.tokens[self.pos - 1])

    def inversion(self):
        # inversion: 'not' inversion | comparison
        if self.keys[self.pos] == "not":
            start_token = self.tokens[self.pos]
            self.pos += 1
            self._enter_nesting(1)
            operand = self.inversion()
            self.nesting -= 1
            if operand is None:
                return None
            return _located(ast.UnaryOp(NOT, operand), start_token, self.tokens[self.pos - 1])
        return self.comparison()

    def comparison(self, start_token=None, first=None):
        # comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
        if first is None:
            start_token = self.tokens[self.pos]
        left = self.bitwise_or(1, start_token, first)
        if left is None:
            return None
        keys = self.keys
        operator = COMPARISON_OPERATORS.get(keys[self.pos])
        if operator is None:
            return left
        operators = []
        comparators = []
        while operator is not None:
            position = self.pos
            key = keys[position]
            if key == "not":
                if keys[position + 1] != "in":
                    break
                self.pos += 2
            elif key == "is" and keys[position + 1] == "not":
                operator = IS_NOT
                self.pos += 2
            else:
                self.pos += 1
            right = self.bitwise_or()
            if right is None:
                self.pos = position
                break
            operators.append(operator)
            comparators.append(right)
            operator = COMPARISON_OPERATORS.get(keys[self.pos])
        if not operators:
            return left
        return _located(ast.Compare(left, operators, comparators), start_token,
                        self.tokens[self.pos - 1])

    def bitwise_or(self, minimum_precedence=1, start_token=None, first=None):
        """bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term, climbing.

        Each level of the grammar is `level: level OPERATOR next_level | next_level`
        (left-recursive, so left-associative); this loop builds the same trees.
        """
        tokens = self.tokens
        if first is None:
            start_token = tokens[self.pos]
            left = self.factor()
            if left is None:
                return None
        else:
            left = self.power(start_token, first)
        keys = self.keys
        operators = BINARY_OPERATORS
        while True:
            entry = operators.get(keys[self.pos])
            if entry is None:
                return left
            precedence, operator = entry
            if precedence < minimum_precedence:
                return left
            position = self.pos
            self.pos += 1
            right = self.bitwise_or(precedence + 1)
            if right is None:
                self.pos = position
                return left
            left = _located(ast.BinOp(left, operator, right), start_token, tokens[self.pos - 1])

    def factor(self):
        # factor: '+' factor | '-' factor | '~' factor | power
        keys = self.keys
        operator = UNARY_OPERATORS.get(keys[self.pos])
        if operator is None:
            return self.power()
        start_token = self.tokens[self.pos]
        self.pos += 1
        self._enter_nesting(1)
        operand = self.factor()
        self.nesting -= 1
        if operand is None:
            return None
        return _located(ast.UnaryOp(operator, operand), start_token, self.tokens[self.pos - 1])

    def power(self, start_token=None, base=None):
        # power: await_primary '**' factor | await_primary
        # await_primary: AWAIT primary | primary
        if base is None:
            start_token = self.tokens[self.pos]
            if self.keys[self.pos] == "await":
                self.pos += 1
                value = self.primary()
                if value is None:
                    return None
                base = _located(ast.Await(value), start_token, self.tokens[self.pos - 1])
            else:
                base = self.primary()
                if base is None:
                    return None
        if self.keys[self.pos] != "**":
            return base
        position = self.pos
        self.pos += 1
        self._enter_nesting(2)
        exponent = self.factor()
        self.nesting -= 2
        if exponent is None:
            self.pos = position
            return base
        return _located(ast.BinOp(base, POWER, exponent), start_token, self.tokens[self.pos - 1])

    def primary(self):
        # primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
        #        | primary '[' slices ']' | atom
        tokens = self.tokens
        keys = self.keys
        start_token = tokens[self.pos]
        if keys[self.pos] is NAME:
            # The commonest atom, inlined.
            self.pos += 1
            node = ast.Name(start_token[0], LOAD)
            node.lineno = start_token[1]
            node.col_offset = start_token[2]
            node.end_lineno = start_token[3]
            node.end_col_offset = start_token[4]
        else:
            node = self.atom()
            if node is None:
                return None
        while True:
            key = keys[self.pos]
            if key not in TRAILER_STARTS:
                return node
            if key == ".":
                if keys[self.pos + 1] is not NAME:
                    return node
                token = tokens[self.pos + 1]
                self.pos += 2
                node = ast.Attribute(node, token[0], LOAD)
                node.lineno = start_token[1]
                node.col_offset = start_token[2]
                node.end_lineno = token[3]
                node.end_col_offset = token[4]
            elif key == "(":
                position = self.pos
                self.pos += 1
                if keys[self.pos] == ")":
                    arguments = [], []
                else:
                    arguments = self.arguments(genexp_start=tokens[position])
                    if arguments is None or keys[self.pos] != ")":
                        self.pos = position
                        return node
                self.pos += 1
                node = _located(ast.Call(node, arguments[0], arguments[1]), start_token,
                                tokens[self.pos - 1])
            else:
                position = self.pos
                self.pos += 1
                index = self.slices()
                if index is None or keys[self.pos] != "]":
                    self.pos = position
                    return node
                self.pos += 1
                node = _located(ast.Subscript(node, index, LOAD), start_token,
                                tokens[self.pos - 1])

    def slices(self):
        # slices: slice !',' | ','.(slice | starred_expression)+ [',']
        start_token = self.tokens[self.pos]
        first = self.slice()
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != ",":
            if type(first) is ast.Starred:
                # A starred index is always the element of a tuple (PEP 646).
                return _located(ast.Tuple([first], LOAD), start_token,
                                self.tokens[self.pos - 1])
            return first
        elements = [first]
        while keys[self.pos] == ",":
            self.pos += 1
            if keys[self.pos] == "]":
                break
            node = self.slice()
            if node is None:
                return None
            elements.append(node)
        return _located(ast.Tuple(elements, LOAD), start_token, self.tokens[self.pos - 1])

    def slice(self):
        # slice: [expression] ':' [expression] [':' [expression]] | named_expression
        # (a starred_expression is allowed here too, for the tuple form)
        keys = self.keys
        key = keys[self.pos]
        start_token = self.tokens[self.pos]
        if key == "*":
            return self.star_expression()
        lower = None
        if key != ":":
            lower = self.named_expression()
            if lower is None:
                return None
            if keys[self.pos] != ":":
                return lower
            if type(lower) is ast.NamedExpr and key != "(":
                return None
        self.pos += 1
        upper = step = None
        key = keys[self.pos]
        if key != ":" and key != "," and key != "]":
            upper = self.expression()
            if upper is None:
                return None
        if keys[self.pos] == ":":
            self.pos += 1
            key = keys[self.pos]
            if key != "," and key != "]":
                step = self.expression()
                if step is None:
                    return None
        return _located(ast.Slice(lower, upper, step), start_token, self.tokens[self.pos - 1])

    def atom(self):
        # atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
        #     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp
        #     | setcomp) | '...'
        key = self.keys[self.pos]
        token = self.tokens[self.pos]
        if key is NAME:
            self.pos += 1
            node = ast.Name(token[0], LOAD)
        elif key is NUMBER:
            self.pos += 1
            node = ast.Constant(self._number_value(token))
        elif key is STRING:
            return self.strings()
        elif key == "(":
            return self.tuple_group_or_genexp()
        elif key == "[":
            return self.list_or_listcomp()
        elif key == "{":
            return self.dict_set_or_comprehension()
        elif key == "None":
            self.pos += 1
            node = ast.Constant(None)
        elif key == "True":
            self.pos += 1
            node = ast.Constant(True)
        elif key == "False":
            self.pos += 1
            node = ast.Constant(False)
        elif key == "...":
            self.pos += 1
            node = ast.Constant(Ellipsis)
        else:
            return None
        node.lineno = token[1]
        node.col_offset = token[2]
        node.end_lineno = token[3]
        node.end_col_offset = token[4]
        return node

    def strings(self):
        # strings: STRING+ (adjacent literals are one node)
        keys = self.keys
        start = self.pos
        end = start + 1
        while keys[end] is STRING:
            end += 1
        self.pos = end
        try:
            return parse_string_group(self.tokens[start:end], self.parse_fstring_expression,
                                      self.filename, emit_warnings=self.warns)
        except StringGroupError as error:
            # Placed at the string token concerned, or else where CPython's parser
            # stands: at the token after the group.
            if error.token is not None:
                failure = located_error(error.msg, self.stream, error.token)
            else:
                failure = located_error(error.msg, self.stream, self.tokens[end],
                                        is_newline=self.keys[end] is NEWLINE)
            if not failure.text.isascii():
                # CPython shows the line's bytes that are not UTF-8 as U+FFFD.
                failure.text = failure.text.encode("utf-8", "surrogateescape").decode(
                    "utf-8", "replace")
            raise failure from None

    def parse_fstring_expression(self, text):
        """Parse an f-string replacement field's text; positions count from its start."""
        from pvm.parser import parse_fstring_expression
        return parse_fstring_expression(text, self.filename)

    def tuple_group_or_genexp(self):
        # tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
        # group: '(' (yield_expr | named_expression) ')'
        # genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        key = keys[self.pos]
        if key == ")":
            self.pos += 1
            return _located(ast.Tuple([], LOAD), start_token, self.tokens[self.pos - 1])
        if key == "yield":
            node = self.yield_expr()
            if node is None or keys[self.pos] != ")":
                return None
            self.pos += 1
            return node
        if key == "**" and self.call_invalid_rules:
            self.invalid_group_double_starred()
        first = self.star_named_expression()
        if first is None:
            return None
        key = keys[self.pos]
        if key == ")":
            if type(first) is ast.Starred:
                if self.call_invalid_rules:
                    self.invalid_group_starred(first)
                return None
            self.pos += 1
            return first
        if key == ",":
            self.pos += 1
            elements = self.star_named_expressions(")")
            if elements is None or keys[self.pos] != ")":
                return None
            elements.insert(0, first)
            self.pos += 1
            return _located(ast.Tuple(elements, LOAD), start_token, self.tokens[self.pos - 1])
        if (key == "for" or key == "async") and type(first) is not ast.Starred:
            generators = self.for_if_clauses()
            if generators is None or keys[self.pos] != ")":
                return None
            self.pos += 1
            return _located(ast.GeneratorExp(first, generators), start_token,
                            self.tokens[self.pos - 1])
        return None

    def list_or_listcomp(self):
        # list: '[' [star_named_expressions] ']'
        # listcomp: '[' named_expression for_if_clauses ']'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        if keys[self.pos] == "]":
            self.pos += 1
            return _located(ast.List([], LOAD), start_token, self.tokens[self.pos - 1])
        first = self.star_named_expression()
        if first is None:
            return None
        key = keys[self.pos]
        if (key == "for" or key == "async") and self.call_invalid_rules:
            self.invalid_comprehension_element(first)
        if (key == "for" or key == "async") and type(first) is not ast.Starred:
            generators = self.for_if_clauses()
            if generators is None or keys[self.pos] != "]":
                return None
            self.pos += 1
            return _located(ast.ListComp(first, generators), start_token,
                            self.tokens[self.pos - 1])
        elements = [first]
        if key == ",":
            comma = self.tokens[self.pos]
            self.pos += 1
            if self.call_invalid_rules and keys[self.pos] in ("for", "async"):
                self.invalid_comprehension_target(elements, comma)
            rest = self.star_named_expressions("]")
            if rest is None:
                return None
            elements.extend(rest)
            if self.call_invalid_rules and keys[self.pos] == "for":
                self.invalid_comprehension_target(elements, comma)
        if keys[self.pos] != "]":
            return None
        self.pos += 1
        return _located(ast.List(elements, LOAD), start_token, self.tokens[self.pos - 1])

    def dict_set_or_comprehension(self):
        # dict: '{' [double_starred_kvpairs] '}'
        # set: '{' star_named_expressions '}'
        # dictcomp: '{' kvpair for_if_clauses '}'
        # setcomp: '{' named_expression for_if_clauses '}'
        keys = self.keys
        start_token = self.tokens[self.pos]
        self.pos += 1
        key = keys[self.pos]
        if key == "}":
            self.pos += 1
            return _located(ast.Dict([], []), start_token, self.tokens[self.pos - 1])
        if key == "**":
            if self.call_invalid_rules:
                self.invalid_dict_comprehension()
            return self.dict_rest(start_token, [], [])
        first_key = keys[self.pos]
        first = self.star_named_expression()
        if first is None:
            return None
        key = keys[self.pos]
        if key == ":":
            # A key is an `expression`: no star, and a walrus only in parentheses.
            if type(first) is ast.Starred or (type(first) is ast.NamedExpr
                                              and first_key != "("):
                return None
            self.pos += 1
            value = self.expression()
            if value is None:
                if self.call_invalid_rules:
                    self.invalid_dict_value(self.tokens[self.pos - 1])
                return None
            key = keys[self.pos]
            if key == "for" or key == "async":
                generators = self.for_if_clauses()
                if generators is None or keys[self.pos] != "}":
                    return None
                self.pos += 1
                return _located(ast.DictComp(first, value, generators), start_token,
                                self.tokens[self.pos - 1])
            if key == "}":
                self.pos += 1
                return _located(ast.Dict([first], [value]), start_token,
                                self.tokens[self.pos - 1])
            if key != ",":
                return None
            self.pos += 1
            return self.dict_rest(start_token, [first], [value])
        if (key == "for" or key == "async") and type(first) is not ast.Starred:
            generators = self.for_if_clauses()
            if generators is None or keys[self.pos] != "}":
                return None
            self.pos += 1
            return _located(ast.SetComp(first, generators), start_token,
                            self.tokens[self.pos - 1])
        elements = [first]
        if key == ",":
            comma = self.tokens[self.pos]
            self.pos += 1
            if self.call_invalid_rules and keys[self.pos] in ("for", "async"):
                self.invalid_comprehension_target(elements, comma)
            rest = self.star_named_expressions("}")
            if rest is None:
                return None
            elements.extend(rest)
            if self.call_invalid_rules and keys[self.pos] == "for":
                self.invalid_comprehension_target(elements, comma)
        if keys[self.pos] != "}":
            return None
        self.pos += 1
        return _located(ast.Set(elements), start_token, self.tokens[self.pos - 1])

    def dict_rest(self, start_token, dict_keys, values):
        # double_starred_kvpairs: ','.double_starred_kvpair+ [',']
        # double_starred_kvpair: '**' bitwise_or | expression ':' expression
        keys = self.keys
        while keys[self.pos] != "}":
            if keys[self.pos] == "**":
                self.pos += 1
                value = self.bitwise_or()
                if value is None:
                    return None
                dict_keys.append(None)
                values.append(value)
            else:
                key = self.expression()
                if key is None or keys[self.pos] != ":":
                    if key is not None and self.call_invalid_rules:
                        self.invalid_kvpair(key)
                    return None
                self.pos += 1
                value = self.expression()
                if value is None:
                    if self.call_invalid_rules:
                        self.invalid_dict_value(self.tokens[self.pos - 1])
                    return None
                dict_keys.append(key)
                values.append(value)
            if keys[self.pos] != ",":
                break
            self.pos += 1
        if keys[self.pos] != "}":
            return None
        self.pos += 1
        return _located(ast.Dict(dict_keys, values), start_token, self.tokens[self.pos - 1])

    def for_if_clauses(self):
        # for_if_clauses: for_if_clause+
        # for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
        keys = self.keys
        generators = []
        while True:
            key = keys[self.pos]
            if key == "async" and keys[self.pos + 1] == "for":
                is_async = 1
                self.pos += 2
            elif key == "for":
                is_async = 0
                self.pos += 1
            else:
                return generators
            targets_start = self.pos
            target = self.star_targets()
            if target is None or keys[self.pos] != "in":
                if self.call_invalid_rules:
                    self.invalid_for_target(targets_start)
                return None
            self.pos += 1
            iterator = self.disjunction()
            if iterator is None:
                return None
            conditions = []
            while keys[self.pos] == "if":
                self.pos += 1
                condition = self.disjunction()
                if condition is None:
                    return None
                conditions.append(condition)
            generators.append(ast.comprehension(target, iterator, conditions, is_async))

    def arguments(self, genexp_start=None):
        """args [','] &')', as (positional, keywords); a lone genexp if `genexp_start`.

        args: ','.(starred_expression | (assignment_expression | expression !':=')
              !'=')+ [',' kwargs] | kwargs
        kwargs: kwarg_or_starred (',' ...)* then kwarg_or_double_starred (',' ...)*
        """
        keys = self.keys
        tokens = self.tokens
        first_token = tokens[self.pos]
        positional = []
        keywords = []
        seen_double_star = False
        while True:
            key = keys[self.pos]
            start_token = tokens[self.pos]
            if key == "*":
                if seen_double_star:
                    if self.call_invalid_rules:
                        self.invalid_arguments_order(start_token, first_token,
                                                     tokens[self.pos - 2])
                    return None
                self.pos += 1
                value = self.expression()
                if value is None:
                    return None
                positional.append(_located(ast.Starred(value, LOAD), start_token,
                                           self.tokens[self.pos - 1]))
            elif key == "**":
                self.pos += 1
                value = self.expression()
                if value is None:
                    return None
                seen_double_star = True
                keywords.append(_located(ast.keyword(None, value), start_token,
                                         self.tokens[self.pos - 1]))
            elif key is NAME and keys[self.pos + 1] == "=":
                self.pos += 2
                value = self.expression()
                if value is None:
                    return None
                if self.call_invalid_rules and keys[self.pos] in ("for", "async"):
                    self.invalid_keyword_argument(value, start_token, tokens[
                        tokens.index(start_token) + 1])
                keywords.append(_located(ast.keyword(start_token[0], value),
                                         start_token, self.tokens[self.pos - 1]))
            else:
                # (assignment_expression | expression !':='): a named_expression, but
                # without its invalid rules, which do not apply here.
                if key is NAME and keys[self.pos + 1] == ":=":
                    value = self.named_expression()
                else:
                    value = self.expression()
                if value is None:
                    return None
                key = keys[self.pos]
                if (key == "for" or key == "async") and genexp_start is not None:
                    generators = self.for_if_clauses()
                    if generators is None:
                        return None
                    if positional or keywords or keys[self.pos] != ")":
                        if self.call_invalid_rules:
                            self.invalid_unparenthesized_genexp(_located(
                                ast.GeneratorExp(value, generators), start_token,
                                tokens[self.pos - 1]), not (positional or keywords))
                        return None
                    generator = ast.GeneratorExp(value, generators)
                    return [_located(generator, genexp_start, tokens[self.pos])], []
                if key == "=" and self.call_invalid_rules:
                    self.invalid_keyword_argument(value, None, tokens[self.pos])
                if keywords:
                    if self.call_invalid_rules:
                        self.invalid_positional_after_keyword(seen_double_star)
                    return None
                positional.append(value)
            if keys[self.pos] != ",":
                return positional, keywords
            self.pos += 1
            if keys[self.pos] == ")":
                return positional, keywords

    def star_targets(self):
        # star_targets: star_target !',' | star_target (',' star_target)* [',']
        start_token = self.tokens[self.pos]
        first = self.star_target()
        if first is None:
            return None
        keys = self.keys
        if keys[self.pos] != ",":
            return first
        elements = [first]
        while keys[self.pos] == ",":
            self.pos += 1
            position = self.pos
            node = self.star_target()
            if node is None:
                self.pos = position
                break
            elements.append(node)
        return _located(ast.Tuple(elements, STORE), start_token, self.tokens[self.pos - 1])

    def star_target(self):
        # star_target: '*' (!'*' star_target) | target_with_star_atom
        if self.keys[self.pos] == "*":
            start_token = self.tokens[self.pos]
            self.pos += 1
            if self.keys[self.pos] == "*":
                return None
            value = self.star_target()
            if value is None:
                return None
            return _located(ast.Starred(value, STORE), start_token, self.tokens[self.pos - 1])
        node = self.primary()
        if node is None:
            return None
        return self.targets_from(node, STORE)


# The first token of a statement decides most of them.
COMPOUND_STATEMENTS = {
    "def": Parser.function_def,
    "if": Parser.if_stmt,
    "class": Parser.class_def,
    "with": Parser.with_stmt,
    "for": Parser.for_stmt,
    "try": Parser.try_stmt,
    "while": Parser.while_stmt,
    "@": Parser.decorated,
}


def _async_statement(parser):
    # async_stmt: ASYNC (function_def | with_stmt | for_stmt)
    following = parser.keys[parser.pos + 1]
    if following == "def":
        return parser.function_def()
    if following == "with":
        return parser.with_stmt()
    if following == "for":
        return parser.for_stmt()
    return None


COMPOUND_STATEMENTS["async"] = _async_statement

SIMPLE_STATEMENTS = {
    "return": Parser.return_stmt,
    "import": Parser.import_name,
    "from": Parser.import_from,
    "raise": Parser.raise_stmt,
    "pass": Parser.pass_stmt,
    "del": Parser.del_stmt,
    "yield": Parser.yield_stmt,
    "assert": Parser.assert_stmt,
    "break": Parser.break_stmt,
    "continue": Parser.continue_stmt,
    "global": Parser.global_stmt,
    "nonlocal": Parser.nonlocal_stmt,
}

# Tokens that end a simple statement: 'return' or 'raise' before them has no value.
STATEMENT_END = frozenset((NEWLINE, ";"))
# Tokens after which `yield` has no value.
YIELD_VALUE_ENDS = frozenset((NEWLINE, ";", ")", "]", "}", "=", ":"))
# Tokens that start an atom (hence a primary).
PRIMARY_STARTS = frozenset((NAME, NUMBER, STRING, "(", "[", "{", "None", "True", "False",
                            "..."))
# Tokens that start a primary's trailer: attribute, call, subscript.
TRAILER_STARTS = frozenset((".", "(", "["))
# Tokens that cannot continue an expression after a primary: no operator, no 'if'.
EXPRESSION_ENDS = frozenset((",", ")", "]", "}", ":", NEWLINE, "=", ";", "for", "as",
                             "from", "async", TYPE_COMMENT, *AUGMENTED_OPERATORS))
# Tokens that close an unparenthesized tuple after a trailing comma.
TUPLE_ENDS = frozenset((NEWLINE, ";", "=", ")", "]", "}", ":", "in", TYPE_COMMENT))


class _ReadTrackingKeys(list):
    """The keys list for the error passes: it remembers the furthest token read.

    CPython's parser pulls tokens one at a time and reports a generic syntax error at
    the last token it pulled; reading through this list gives the same position
    without slowing the first pass. Reading the ERROR token that ends a stream cut
    short by a tokenizer error raises that error, as pulling it does in CPython.
    """

    def __init__(self, stream):
        super().__init__(stream.keys)
        self.furthest = -1
        self.stream = stream

    def __getitem__(self, index):
        if type(index) is slice:
            return list.__getitem__(self, index)
        if index > self.furthest:
            self.furthest = index
            if index >= self.stream.error_index:
                raise self.stream.error
        return list.__getitem__(self, index)


def syntax_error(stream, start_rule, filename, feature_version, allow_incomplete_input=False):
    """The SyntaxError for a stream whose first parse failed (returned, not raised)."""
    try:
        # The second pass finds where the first one gave up...
        tracking_parser = Parser(stream, filename, feature_version)
        tracking_parser.keys = keys = _ReadTrackingKeys(stream)
        tracking_parser.warns = False
        try:
            succeeded = start_rule(tracking_parser) is not None
        except SyntaxError:
            # The tokenizer's error, read at the ERROR token: final, unless the input
            # only ended too soon.
            if not allow_incomplete_input:
                raise
            succeeded = False
        if allow_incomplete_input and keys.furthest >= stream.end_of_input_index():
            # It gave up where the input ends: more lines could complete it.
            return incomplete_input_error(stream, keys.furthest, filename)
        if succeeded:
            raise AssertionError("a failed parse succeeded on the second pass")
        furthest = keys.furthest
        # ...and the third runs the invalid_* rules, which raise a precise error.
        invalid_rules_parser = Parser(stream, filename, feature_version)
        invalid_rules_parser.keys = keys = _ReadTrackingKeys(stream)
        invalid_rules_parser.call_invalid_rules = True
        invalid_rules_parser.warns = WARNS_AGAIN_ON_ERROR
        start_rule(invalid_rules_parser)
    except SyntaxError as error:
        if error is stream.error:
            return _with_filename(error, filename)
        last_line = stream.tokens[keys.furthest][1]
        return _with_filename(_tokenizer_error_first(stream, error, last_line), filename)
    token = stream.tokens[furthest]
    key = stream.keys[furthest]
    if key is INDENT:
        return _with_filename(_unexpected_indentation("unexpected indent", stream, token),
                              filename)
    if key is DEDENT:
        return _with_filename(_unexpected_indentation("unexpected unindent", stream, token),
                              filename)
    if key is ENDMARKER:
        return _with_filename(_tokenizer_error_first(stream, _end_marker_error(stream),
                                                     token[1]), filename)
    if is_added_newline(stream, furthest):
        error = no_column_error("invalid syntax", stream, token[1])
    else:
        error = located_error("invalid syntax", stream, token, is_newline=key is NEWLINE)
    return _with_filename(_tokenizer_error_first(stream, error, token[1]), filename)


def incomplete_input_error(stream, index, filename):
    """The error for a parse that gave up at token ``index``, where the input ends."""
    index = min(index, len(stream.tokens) - 1)
    key = stream.keys[index]
    if key is ERROR and stream.error_kind == "raised":
        # A string left open: CPython's error token starts where the string does, and
        # its end is unknown.
        error = no_column_error("incomplete input", stream, stream.error.lineno)
        error.offset = stream.error.offset
        error.end_offset = -1
        return _with_filename(error, filename)
    if not (key is ENDMARKER or key is ERROR or is_added_newline(stream, index)):
        return _with_filename(located_error("incomplete input", stream,
                                            stream.tokens[index]), filename)
    # A token CPython's parser has no column for: the error is where its tokenizer
    # stopped, at the end of the last line read (after its newline, if it has one).
    lines = stream.lines
    line_number = len(lines) - (lines[-1] == "")
    error = no_column_error("incomplete input", stream, line_number)
    error.end_offset = -1
    if line_number:
        line = lines[line_number - 1]
        end_of_line = _character_offset(stream, line,
                                        len(line.encode("utf-8", "surrogateescape")))
        error.offset = end_of_line if error.text.endswith("\n") else end_of_line - 1
    return _with_filename(error, filename)


def report_syntax_error(stream, error, filename):
    """The error to raise for `error`, raised by the parser's first pass."""
    if error is not stream.error:
        error = _tokenizer_error_first(stream, error, error.lineno)
    return _with_filename(error, filename)


def _tokenizer_error_first(stream, parser_error, last_line):
    """The error to report: CPython tokenizes the rest of the file first (see lexer).

    `last_line` is the line of the last token the parser read."""
    if stream.error is None or stream.error_kind == "quiet":
        return parser_error
    if stream.error_kind == "unclosed" and stream.error.lineno >= last_line:
        return parser_error
    return stream.error


def _unexpected_indentation(message, stream, token):
    if token[1] > len(stream.lines) - (stream.lines[-1] == ""):
        return _end_of_file_error(message, stream, IndentationError)
    line = stream.lines[token[1] - 1]
    indent = len(line) - len(line.lstrip(" \t\f"))
    error = IndentationError(message)
    error.lineno = error.end_lineno = token[1]
    error.offset = indent
    error.end_offset = -1
    error.text = line + "\n"
    return error


def located_error(message, stream, first, error_class=SyntaxError, last=None,
                  is_newline=False):
    """A SyntaxError spanning tokens `first` to `last` (default: `first` alone);
    `is_newline`: `first` is a NEWLINE, spanned as CPython's tokenizer spans it."""
    if last is None:
        last = first
    if is_newline:
        if first[0] == "" and not stream.exec_input:
            return position_unknown_error(message, stream, first, error_class)
        # A NEWLINE: CPython's ends at the line's end, where it starts too unless the
        # line has a comment (see pvm.parser.lexer).
        last = (None, None, None, first[3], first[4] - 1)
    if first[0] == "" and first[1] > len(stream.lines) - (stream.lines[-1] == ""):
        # The end of the file: CPython puts it at the end of the last line.
        return _end_of_file_error(message, stream, error_class)
    lines = stream.lines
    line_number = first[1]
    line = lines[line_number - 1] if line_number <= len(lines) else ""
    error = error_class(message)
    error.lineno = line_number
    error.offset = _character_offset(stream, line, first[2])
    error.end_lineno = last[3]
    if last[3] == line_number:
        error.end_offset = _character_offset(stream, line, last[4])
    elif stream.undeclared_bytes:
        error.end_offset = last[4] + 1
    else:
        # CPython converts the end column to characters with the error's first line
        # (_PyPegen_raise_error_known_location), which stops it at that line's end;
        # bytes of no declared encoding keep their columns unconverted, as they are.
        line_length = len(line.encode("utf-8", "surrogateescape"))
        error.end_offset = _character_offset(stream, line, min(last[4], line_length))
    unterminated_last_line = line_number == len(lines) and lines[-1] != ""
    # CPython shows the line with its newline, which it adds to a file (exec mode)
    # that lacks one, but not to an expression or an interactive statement.
    error.text = line if unterminated_last_line and not stream.exec_input else line + "\n"
    return error


def position_unknown_error(message, stream, token, error_class):
    # CPython's error for a token without a position: the offset is where its
    # tokenizer stands, the end unknown.
    if token[1] > len(stream.lines) - (stream.lines[-1] == ""):
        return _end_of_file_error(message, stream, error_class)
    line = stream.lines[token[1] - 1]
    error = error_class(message)
    error.lineno = error.end_lineno = token[1]
    error.offset = _character_offset(stream, line, token[2]) - 1
    error.end_offset = -1
    unterminated_last_line = token[1] == len(stream.lines) and line != ""
    error.text = line if unterminated_last_line and not stream.exec_input else line + "\n"
    return error


def _end_marker_error(stream):
    """The generic error at the token that ends the input (a decorator on the last
    line, say).  CPython's ENDMARKER sits on its tokenizer's last line, the last line
    read, not the empty one after it."""
    lines = stream.lines
    return no_column_error("invalid syntax", stream, len(lines) - (lines[-1] == ""))


def is_added_newline(stream, index):
    """Whether token ``index`` is the NEWLINE CPython's parser adds where 'single' or
    'eval' input ends within a line (a file gets a newline character instead)."""
    return (not stream.exec_input and stream.keys[index] is NEWLINE
            and stream.tokens[index][0] == "")


def no_column_error(message, stream, line_number, error_class=SyntaxError):
    """An error located at a token CPython's parser gives no column (its ENDMARKER,
    the NEWLINE it adds where 'single' or 'eval' input ends): offset and end offset
    0 on its line, which is shown as located_error shows it."""
    lines = stream.lines
    error = error_class(message)
    error.lineno = error.end_lineno = line_number
    error.offset = error.end_offset = 0
    if line_number == 0:
        error.text = ""
    else:
        line = lines[line_number - 1]
        unterminated_last_line = line_number == len(lines)
        error.text = line if unterminated_last_line and not stream.exec_input else line + "\n"
    return error


def _end_of_file_error(message, stream, error_class):
    # Where CPython's tokenizer stopped: after the last line's newline, which it adds
    # to a file, but not to 'single' or 'eval' input.
    lines = stream.lines
    line_number = len(lines) - 1 if lines[-1] == "" and len(lines) > 1 else len(lines)
    line = lines[line_number - 1]
    error = error_class(message)
    error.lineno = error.end_lineno = line_number
    error.end_offset = -1
    if line_number == len(lines) and line and not stream.exec_input:
        error.offset = len(line)
        error.text = line
    else:
        error.offset = len(line) + 1
        error.text = line + "\n"
    return error


def _character_offset(stream, line, byte_col):
    """The 1-based column of a token's UTF-8 column, in characters as CPython gives it,
    or in bytes for bytes input of no declared encoding (see pvm.parser.parse)."""
    if line.isascii() or stream.byte_offsets:
        return byte_col + 1
    return len(line.encode("utf-8", "surrogateescape")[:byte_col].decode("utf-8", "replace")) + 1


def _with_filename(error, filename):
    error.filename = filename
    if error.args and len(error.args) == 1:
        error.args = (error.msg, (filename, error.lineno, error.offset, error.text,
                                  error.end_lineno, error.end_offset))
    return error
