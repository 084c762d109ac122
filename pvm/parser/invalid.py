"""The invalid_* rules: the parser's third pass, which only raises precise SyntaxErrors.

A parse that fails is run again with ``call_invalid_rules`` set (see parser.py). The
parser then calls these methods at the places where grammar.peg names an invalid_*
rule; each one looks at what was parsed, reads ahead if it must, and either raises the
SyntaxError CPython raises there or returns None to let the parse go on failing. None
of this runs on valid code.

Positions follow pegen's helpers: `_raise_at` is RAISE_SYNTAX_ERROR_KNOWN_LOCATION /
_KNOWN_RANGE (from a node or token to another), `_raise_here` is RAISE_SYNTAX_ERROR
(at the last token read), `_raise_starting_from` is RAISE_SYNTAX_ERROR_STARTING_FROM.
"""

import ast
import sys

from pvm.parser.lexer import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, STRING

# Where "iterable argument unpacking follows keyword argument unpacking" points: at the
# '*' from CPython 3.11.7 on (gh-110696), at the arguments before it until then.  pvm
# follows the release it runs on.
ARGUMENTS_ORDER_ERROR_AT_STAR = sys.version_info >= (3, 11, 7)

SOFT_KEYWORDS = ("match", "case", "_")
# Tokens that can start an expression (after one that is complete: a missing comma).
EXPRESSION_STARTS = frozenset((NAME, NUMBER, STRING, "(", "[", "{", "None", "True",
                               "False", "...", "-", "+", "~", "not", "lambda", "await"))

# What CPython calls each kind of expression in its messages.
EXPRESSION_NAMES = {
    ast.Attribute: "attribute", ast.Subscript: "subscript", ast.Starred: "starred",
    ast.Name: "name", ast.List: "list", ast.Tuple: "tuple", ast.Lambda: "lambda",
    ast.Call: "function call", ast.BoolOp: "expression", ast.BinOp: "expression",
    ast.UnaryOp: "expression", ast.GeneratorExp: "generator expression",
    ast.Yield: "yield expression", ast.YieldFrom: "yield expression",
    ast.Await: "await expression", ast.ListComp: "list comprehension",
    ast.SetComp: "set comprehension", ast.DictComp: "dict comprehension",
    ast.Dict: "dict literal", ast.Set: "set display", ast.JoinedStr: "f-string expression",
    ast.FormattedValue: "f-string expression", ast.Compare: "comparison",
    ast.IfExp: "conditional expression", ast.NamedExpr: "named expression",
}

# The expressions `bitwise_or` can produce (what may stand before a misplaced '=').
BITWISE_OR_LEVEL = (ast.BinOp, ast.Await, ast.Call, ast.Attribute, ast.Subscript, ast.Name,
                    ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.ListComp,
                    ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.JoinedStr, ast.Yield,
                    ast.YieldFrom, ast.NamedExpr, ast.Starred)

# The statement names of "expected an indented block after ... on line N".
BLOCK_OWNERS = {
    "if": "'if' statement", "elif": "'elif' statement", "else": "'else' statement",
    "while": "'while' statement", "for": "'for' statement", "with": "'with' statement",
    "try": "'try' statement", "except": "'except' statement",
    "except*": "'except*' statement", "finally": "'finally' statement",
    "def": "function definition", "class": "class definition",
    "match": "'match' statement", "case": "'case' statement",
}


def expression_name(node):
    if type(node) is ast.Constant:
        value = node.value
        if value is None or value is True or value is False:
            return str(value)
        if value is Ellipsis:
            return "ellipsis"
        return "literal"
    if type(node) is ast.UnaryOp and type(node.op) is ast.Not:
        return "expression"
    return EXPRESSION_NAMES.get(type(node), "expression")


def invalid_target(node, kind):
    """The part of `node` that cannot be a target ("store", "delete" or "for"), or None.

    A for-loop target is parsed up to 'in' as a comparison, hence the Compare case.
    """
    node_class = type(node)
    if node_class is ast.List or node_class is ast.Tuple:
        for element in node.elts:
            found = invalid_target(element, kind)
            if found is not None:
                return found
        return None
    if node_class is ast.Starred:
        if kind == "delete":
            return node
        return invalid_target(node.value, kind)
    if node_class is ast.Compare:
        if kind == "for":
            if type(node.ops[0]) is ast.In:
                return invalid_target(node.left, kind)
            return None
        return node
    if node_class is ast.Name or node_class is ast.Subscript or node_class is ast.Attribute:
        return None
    return node


def _span(item):
    """(line, col, end_line, end_col) of a token tuple or a node."""
    if type(item) is tuple:
        return item[1], item[2], item[3], item[4]
    return item.lineno, item.col_offset, item.end_lineno, item.end_col_offset


class InvalidRules:
    """The invalid_* rules, mixed into Parser. Each raises or returns None."""

    # Raising, the three ways pegen does ----------------------------------------------

    def _raise_at(self, message, first, last=None, error_class=SyntaxError):
        from pvm.parser.parser import located_error
        _, _, end_line, end_col = _span(first if last is None else last)
        line, col, _, _ = _span(first)
        raise located_error(message, self.stream, (None, line, col, end_line, end_col),
                            error_class)

    def _raise_here(self, message, error_class=SyntaxError):
        from pvm.parser.parser import located_error
        index = self.keys.furthest
        token = self.tokens[index]
        raise located_error(message, self.stream, token, error_class,
                            is_newline=self.keys[index] is NEWLINE)

    def _raise_starting_from(self, message, first):
        from pvm.parser.parser import located_error
        last = self.tokens[self.keys.furthest]
        line, col, _, _ = _span(first)
        raise located_error(message, self.stream, (None, line, col, last[3], last[4] - 1))

    def _raise_invalid_target(self, node, kind):
        # With nothing invalid in it, 3.11's RAISE_SYNTAX_ERROR_INVALID_TARGET fails the
        # alternative without an error: the generic error at the first pass's stop
        # stands (3.10 raised "invalid syntax" at the furthest token here).
        target = invalid_target(node, kind)
        if target is None:
            return
        verb = "delete" if kind == "delete" else "assign to"
        self._raise_at(f"cannot {verb} {expression_name(target)}", target)

    # Statements ----------------------------------------------------------------------

    def invalid_assignment_target(self, target, targets_so_far=()):
        """An expression before '=' that cannot be assigned to (invalid_assignment)."""
        if type(target) in (ast.Yield, ast.YieldFrom) and self.keys[self.pos] == "=":
            if self.keys[self._token_index_at(target) - 1] != "(":
                self._raise_at("assignment to yield expression not possible", target)
        if not targets_so_far:
            self._named_expression_misuse(target)
        self._raise_invalid_target(target, "store")

    def _named_expression_misuse(self, target):
        # invalid_named_expression, as reached through star_named_expression: the last
        # element before the '=' was a named_expression candidate.
        last = target
        if type(target) is ast.Tuple and not self._parenthesized_tuple(target):
            last = target.elts[-1]
        if type(last) is ast.Starred:
            return
        start = self.pos
        self.pos += 1  # the '='
        value = self.bitwise_or()
        following = self.keys[self.pos]
        self.pos = start
        if value is None or following == "=" or following == ":=":
            return
        if type(last) is ast.Name and not self._is_parenthesized(last):
            self._raise_at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                           last, value)
        if (isinstance(last, BITWISE_OR_LEVEL) and not self._is_excluded_from_misuse(last)):
            self._raise_at(f"cannot assign to {expression_name(last)} here. Maybe you meant "
                           "'==' instead of '='?", last)

    def _is_excluded_from_misuse(self, node):
        # !(list | tuple | genexp | 'True' | 'None' | 'False') before the bitwise_or
        if type(node) is ast.Constant and node.value in (True, False, None) \
                and type(node.value) is not int:
            return True
        first_key = self._key_at(node)
        if first_key == "[" and type(node) is ast.List:
            return True
        if first_key == "(" and type(node) in (ast.Tuple, ast.GeneratorExp):
            return True
        return False

    def _key_at(self, node):
        """The key of the token where `node` starts."""
        return self.keys[self._token_index_at(node)]

    def _token_index_at(self, node):
        tokens = self.tokens
        line, col = node.lineno, node.col_offset
        index = self.pos - 1
        while index > 0 and (tokens[index][1], tokens[index][2]) > (line, col):
            index -= 1
        return index

    def _is_parenthesized(self, node):
        """Whether a '(' stands just before `node` (whose span leaves it out)."""
        return self.keys[self._token_index_at(node) - 1] == "("

    def _parenthesized_tuple(self, node):
        return type(node) is ast.Tuple and self._key_at(node) == "(" and (
            not node.elts or _span(node)[:2] != _span(node.elts[0])[:2])

    def invalid_augmented_target(self, target):
        self._raise_at(f"'{expression_name(target)}' is an illegal expression for augmented "
                       "assignment", target)

    def invalid_annotated_target(self, target):
        # Each alternative ends in ':' expression.
        start = self.pos
        self.pos += 1
        annotation = self.expression()
        self.pos = start
        if annotation is None:
            return
        node_class = type(target)
        if node_class is ast.Tuple and not self._parenthesized_tuple(target):
            self._raise_at("only single target (not tuple) can be annotated", target.elts[0])
        if node_class is ast.List or node_class is ast.Tuple:
            self._raise_at(f"only single target (not {expression_name(target)}) can be "
                           "annotated", target)
        self._raise_at("illegal target for annotation", target)

    def invalid_del_stmt(self):
        # 'del' star_expressions -> RAISE_SYNTAX_ERROR_INVALID_TARGET(DEL_TARGETS, ...)
        targets = self.star_expressions()
        if targets is not None:
            self._raise_invalid_target(targets, "delete")

    def invalid_import_from_targets(self):
        # import_from_as_names ',' NEWLINE
        if self.keys[self.pos] is NEWLINE:
            self._raise_here("trailing comma not allowed without surrounding parentheses")

    # Compound statements -------------------------------------------------------------

    def invalid_expected_colon(self, owner):
        """The owner's header is complete but no ':' follows: CPython says so when a
        NEWLINE stands there (or always, where the grammar forces the ':').  A forced
        ':' reports the token found (RAISE_ERROR_KNOWN_LOCATION); the others, the
        NEWLINE as the last token read (RAISE_SYNTAX_ERROR), which tells apart the
        NEWLINE CPython's parser adds at the end of 'single' input."""
        from pvm.parser.parser import is_added_newline, located_error, no_column_error
        token = self.tokens[self.pos]
        if owner in ("def", "else", "finally", "try"):
            if is_added_newline(self.stream, self.pos):
                raise no_column_error("expected ':'", self.stream, token[1])
            self._raise_at("expected ':'", token, self._cpython_span_if_newline(self.pos))
        if self.keys[self.pos] is NEWLINE:
            raise located_error("expected ':'", self.stream, token, is_newline=True)

    def _cpython_span_if_newline(self, index):
        """Token ``index``, a NEWLINE spanned as CPython's tokenizer spans it (from the
        line's comment, if any, to the line's end)."""
        token = self.tokens[index]
        if self.keys[index] is NEWLINE:
            return (None, token[1], token[2], token[3], token[4] - 1)
        return token

    def invalid_block(self, owner, owner_token):
        """':' NEWLINE !INDENT: "expected an indented block after ...". Reached after the
        ':' of `owner`, whose first token is `owner_token`."""
        keys = self.keys
        if keys[self.pos] is NEWLINE and keys[self.pos + 1] is not INDENT:
            token = self.tokens[self.pos + 1]
            message = (f"expected an indented block after {BLOCK_OWNERS[owner]} on line "
                       f"{owner_token[1]}")
            if keys[self.pos + 1] is DEDENT or keys[self.pos + 1] is ENDMARKER:
                # A DEDENT has no position of its own in CPython, nor the end of input.
                from pvm.parser.parser import position_unknown_error
                raise position_unknown_error(message, self.stream, token, IndentationError)
            self._raise_at(message, token, error_class=IndentationError)

    def invalid_with_stmt(self, with_token):
        # [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE -> "expected ':'"
        # and the same in parentheses.
        keys = self.keys
        self.pos = self.tokens.index(with_token) + 1
        parenthesized = keys[self.pos] == "("
        if parenthesized:
            self.pos += 1
        while True:
            if self.expression() is None:
                return
            if keys[self.pos] == "as":
                self.pos += 1
                if self.star_target() is None:
                    return
            if keys[self.pos] != ",":
                break
            self.pos += 1
        if parenthesized:
            if keys[self.pos] != ")":
                return
            self.pos += 1
        if keys[self.pos] is NEWLINE:
            self._raise_here("expected ':'")

    def invalid_except_stmt(self, is_star):
        # 'except' NEWLINE -> "expected ':'"
        # 'except' '*' (NEWLINE | ':') -> "expected one or more exception types"
        key = self.keys[self.pos]
        if is_star and (key is NEWLINE or key == ":"):
            self._raise_here("expected one or more exception types")
        if not is_star and key is NEWLINE:
            self._raise_here("expected ':'")

    def invalid_try_stmt(self):
        # 'try' ':' block !('except' | 'finally')
        self._raise_here("expected 'except' or 'finally' block")

    def invalid_except_mix(self, except_token, is_star):
        if is_star:
            self._raise_at("cannot have both 'except' and 'except*' on the same 'try'",
                           except_token, self.tokens[self.pos + 1])
        self._raise_at("cannot have both 'except' and 'except*' on the same 'try'",
                       except_token)

    def invalid_except_parentheses(self, exception_type):
        # 'except' expression ',' expressions ['as' NAME] ':'
        start = self.pos
        self.pos += 1
        rest = self.expressions()
        if rest is not None:
            if self.keys[self.pos] == "as" and self.keys[self.pos + 1] is NAME:
                self.pos += 2
            if self.keys[self.pos] == ":":
                self.keys[self.pos]
                self._raise_starting_from("multiple exception types must be parenthesized",
                                          exception_type)
        self.pos = start

    def invalid_for_target(self, targets_start):
        # 'async'? 'for' star_expressions -> INVALID_TARGET(FOR_TARGETS, ...)
        self.pos = targets_start
        target = self.star_expressions()
        if target is not None:
            self._raise_invalid_target(target, "for")

    def invalid_with_item_target(self):
        # expression 'as' a=expression &(',' | ')' | ':') -> INVALID_TARGET
        target = self.expression()
        if target is not None and self.keys[self.pos] in (",", ")", ":"):
            self._raise_invalid_target(target, "store")

    # Function parameters -------------------------------------------------------------

    def invalid_parameters(self, problem, token):
        """A parameter list the grammar rejects; `problem` names what was seen."""
        messages = {
            "slash twice": "/ may appear only once",
            "star twice": "* argument may appear only once",
            "slash after star": "/ must be ahead of *",
            "nothing before slash": "at least one argument must precede /",
            "default missing": "non-default argument follows default argument",
            "bare star": "named arguments must follow bare *",
            "star default": "var-positional argument cannot have default value",
            "double star default": "var-keyword argument cannot have default value",
            "after double star": "arguments cannot follow var-keyword argument",
            "default value missing": "expected default value expression",
        }
        self._raise_at(messages[problem], token)

    def invalid_parenthesized_parameters(self, opening_index, lambda_parameters):
        # param_no_default* '(' param_no_default+ ','? ')'
        keys = self.keys
        index = opening_index + 1
        while keys[index] is NAME and keys[index + 1] in (",", ")"):
            index += 1
            if keys[index] == ")":
                break
            index += 1
        if keys[index] == ")" and index > opening_index + 1:
            what = "Lambda expression parameters" if lambda_parameters else "Function parameters"
            self._raise_at(f"{what} cannot be parenthesized", self.tokens[opening_index],
                           self.tokens[index])

    # Expressions ---------------------------------------------------------------------

    def invalid_named_expression(self, node):
        # a=expression ':=' expression -> "cannot use assignment expressions with %s"
        start = self.pos
        self.pos += 1
        value = self.expression()
        self.pos = start
        if value is not None:
            self._raise_at(f"cannot use assignment expressions with {expression_name(node)}",
                           node)

    def invalid_equals_in_condition(self, node):
        # invalid_named_expression's other two alternatives, where a condition (or
        # another named_expression) is followed by a single '='.
        self._named_expression_misuse(node)

    def invalid_conditional_expression(self, body, test):
        # disjunction 'if' disjunction !('else' | ':')
        if self.keys[self.pos] not in ("else", ":"):
            self._raise_at("expected 'else' after 'if' expression", body, test)

    def invalid_expression(self, expression, start):
        """An expression (from token `start`) followed by what cannot follow it.

        invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction expression
            -> "Perhaps you forgot a comma?", inside brackets only
        invalid_legacy_expression: NAME !'(' star_expressions, for print and exec
        """
        keys = self.keys
        if keys[self.pos] not in EXPRESSION_STARTS:
            return
        resume = self.pos
        self.call_invalid_rules = False
        try:
            following = self.expression()
            self.pos = resume
            legacy = None
            if (type(expression) is ast.Name and expression.id in ("print", "exec")
                    and keys[start + 1] != "("):
                legacy = self.star_expressions()
        finally:
            self.call_invalid_rules = True
            self.pos = resume
        first_is_excluded = keys[start] is NAME and (
            keys[start + 1] is STRING or self.tokens[start][0] in SOFT_KEYWORDS)
        if (following is not None and not first_is_excluded and legacy is None
                and self._inside_brackets(resume)):
            self._raise_at("invalid syntax. Perhaps you forgot a comma?", expression,
                           following)
        if legacy is not None:
            self._raise_at(f"Missing parentheses in call to '{expression.id}'. "
                           f"Did you mean {expression.id}(...)?", expression, legacy)

    def _inside_brackets(self, index):
        depth = 0
        keys = self.keys
        for key in keys[:index]:
            if key in ("(", "[", "{"):
                depth += 1
            elif key in (")", "]", "}"):
                depth -= 1
        return depth > 0

    def invalid_group_starred(self, starred):
        self._raise_at("cannot use starred expression here", starred)

    def invalid_group_double_starred(self):
        # '(' a='**' expression ')'
        double_star = self.tokens[self.pos]
        self.pos += 1
        if self.expression() is not None and self.keys[self.pos] == ")":
            self._raise_at("cannot use double starred expression here", double_star)
        self.pos -= 1

    def invalid_kvpair(self, key):
        # a=expression !(':') -> "':' expected after dictionary key" (end offset -1)
        from pvm.parser.parser import located_error
        error = located_error("':' expected after dictionary key", self.stream,
                              (None, key.lineno, key.end_col_offset - 1, key.end_lineno,
                               key.end_col_offset - 1))
        error.end_offset = 0
        raise error

    def invalid_dict_value(self, colon_token):
        if self.keys[self.pos] in ("}", ","):
            self._raise_at("expression expected after dictionary key and ':'", colon_token)
        if self.keys[self.pos] == "*" or self.keys[self.pos] == "**":
            star = self.tokens[self.pos]
            self._raise_starting_from_token(star)

    def invalid_dict_comprehension(self):
        # '{' a='**' bitwise_or for_if_clauses '}'
        start = self.pos
        double_star = self.tokens[start]
        self.pos += 1
        if (self.bitwise_or() is not None and self.keys[self.pos] in ("for", "async")
                and self.for_if_clauses() is not None and self.keys[self.pos] == "}"):
            self._raise_at("dict unpacking cannot be used in dict comprehension", double_star)
        self.pos = start

    def _raise_starting_from_token(self, star):
        self.pos += 1
        self.bitwise_or()
        message = ("cannot use a starred expression in a dictionary value" if star[0] == "*"
                   else "cannot use dict unpacking in a dictionary value")
        self._raise_starting_from(message, star)

    # Call arguments ------------------------------------------------------------------

    def invalid_arguments_order(self, star_token, first_token, last_token):
        # invalid_arguments: a=args ',' '*'.  The error is at the '*' since CPython
        # 3.11.7 (gh-110696), before at the arguments `a`, up to the ','.
        message = "iterable argument unpacking follows keyword argument unpacking"
        if ARGUMENTS_ORDER_ERROR_AT_STAR:
            self._raise_at(message, star_token)
        self._raise_at(message, first_token, last_token)

    def invalid_positional_after_keyword(self, after_double_star):
        if after_double_star:
            self._raise_here("positional argument follows keyword argument unpacking")
        self._raise_here("positional argument follows keyword argument")

    def invalid_unparenthesized_genexp(self, generator, first_argument):
        if first_argument and self.keys[self.pos] == ",":
            # expression for_if_clauses ',' [args | expression for_if_clauses]: CPython
            # reads the arguments after the comma first, and an error of the tokenizer
            # there (the input ends inside the call) is the one reported.
            self.pos += 1
            self.arguments()
        self._raise_at("Generator expression must be parenthesized", generator)

    def invalid_keyword_argument(self, value, name_token, equals):
        """`value` '=' in an argument list, where only NAME '=' may stand."""
        if name_token is not None:
            # a=NAME b='=' expression for_if_clauses
            self._raise_at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                           name_token, equals)
        if type(value) is ast.Constant and value.value in (True, False, None) \
                and type(value.value) is not int:
            self._raise_at(f"cannot assign to {value.value}", value, equals)
        self._raise_at('expression cannot contain assignment, perhaps you meant "=="?',
                       value, equals)

    # Patterns ------------------------------------------------------------------------

    def invalid_as_pattern(self, token):
        if token is not None and token[0] == "_":
            self._raise_at("cannot use '_' as a target", token)
        start = self.pos
        if token is not None:
            self.pos -= 1
        target = self.expression()
        self.pos = start
        if target is not None:
            self._raise_at("invalid pattern target", target)

    def invalid_class_pattern(self):
        # name_or_attr '(' [positional_patterns ','] keyword_patterns ',' a=positional_patterns
        keys = self.keys
        patterns = []
        while True:
            pattern = self.pattern()
            if pattern is None:
                return
            patterns.append(pattern)
            if keys[self.pos] != "," or (keys[self.pos + 1] is NAME
                                         and keys[self.pos + 2] == "="):
                break
            self.pos += 1
            if keys[self.pos] == ")":
                break
        self._raise_at("positional patterns follow keyword patterns", patterns[0],
                       patterns[-1])

    def invalid_comprehension_element(self, element):
        # ('[' | '(' | '{') a=starred_expression for_if_clauses
        if type(element) is ast.Starred:
            self._raise_at("iterable unpacking cannot be used in comprehension", element)

    def invalid_comprehension_target(self, elements, comma):
        # ('[' | '{') a=star_named_expression ',' [star_named_expressions] for_if_clauses
        start = self.pos
        clauses = self.for_if_clauses()
        self.pos = start
        if clauses:
            if len(elements) == 1:
                self._raise_at("did you forget parentheses around the comprehension "
                               "target?", elements[0], comma)
            self._raise_at("did you forget parentheses around the comprehension target?",
                           elements[0], elements[-1])
