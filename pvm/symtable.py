"""Symbol tables: the scope every name of a program belongs to.

The stage between the parser and the compiler.  It takes a standard ``ast``
tree and hands on a tree of ``Scope`` objects, one per module, class, function,
lambda, comprehension and generator expression, in two passes as CPython's
Python/symtable.c does:

1. ``_ScopeBuilder`` walks the AST once and records raw facts about each name
   in each scope (bound here, used here, a parameter, declared global...).
   Scope SyntaxErrors that depend only on what came before in the source
   (duplicate arguments, ``global`` after use, the walrus rules) are raised here.
2. ``_analyze`` walks the scope tree and decides, with what the enclosing
   scopes bind, whether each name is local, cell, free, or global (explicit or
   implicit); ``nonlocal`` errors are raised here.

``Scope`` is plain data for the compiler.  ``symtable()`` and the classes
``SymbolTable``, ``Function``, ``Class`` and ``Symbol`` are a thin view over it
with the interface of the stdlib ``symtable`` module, and give the same
answers (CPython 3.11).
"""

import ast
import contextlib
import os
import sys

from pvm.parser import parse as _parse_source

__all__ = ["symtable", "build", "scopes_by_node", "future_features", "mangle",
           "SymbolTable", "Class", "Function", "Symbol", "Scope"]


# ---------------------------------------------------------------------------
# Facts about a name in one scope (pass 1), as bit flags.  The values are
# CPython's, so a table can be checked bit for bit against ``_symtable``.

DEF_GLOBAL = 1           # named in a ``global`` statement
DEF_LOCAL = 2            # assigned to, deleted, or bound by def/class/for/with/except/match
DEF_PARAM = 4            # a parameter
DEF_NONLOCAL = 8         # named in a ``nonlocal`` statement
USE = 16                 # read
DEF_FREE_CLASS = 64      # bound in a class body and also free in one of its methods
DEF_IMPORT = 128         # bound by an import
DEF_ANNOT = 256          # the target of an annotated assignment
DEF_COMP_ITER = 512      # a comprehension's iteration variable
DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT

# Where a name lives (pass 2).
LOCAL = 1                # in the scope's own namespace (fast local in a function)
GLOBAL_EXPLICIT = 2      # module namespace, because of a ``global`` statement
GLOBAL_IMPLICIT = 3      # module namespace or builtins, because nothing encloses a binding
FREE = 4                 # a cell of an enclosing function
CELL = 5                 # local, and a nested scope reads it as free

# ``_symtable`` packs the scope above the flags: flags | scope << SCOPE_OFFSET.
SCOPE_OFFSET = 11
SCOPE_MASK = 15

# Kinds of scope.  An annotation scope holds the annotations of one def or one
# assignment under ``from __future__ import annotations``; those annotations
# become strings, so the scope is never attached to the tree nor analysed.
MODULE = "module"
FUNCTION = "function"
CLASS = "class"
ANNOTATION = "annotation"

# The numbers ``_symtable`` gives the same kinds (its entries' ``type``).
TYPE_NUMBERS = {FUNCTION: 0, CLASS: 1, MODULE: 2, ANNOTATION: 3}

_COMPREHENSION_SCOPE_NAMES = {
    ast.ListComp: "listcomp",
    ast.SetComp: "setcomp",
    ast.DictComp: "dictcomp",
    ast.GeneratorExp: "genexpr",
}
_YIELD_IN_COMPREHENSION_MESSAGES = {
    "listcomp": "'yield' inside list comprehension",
    "setcomp": "'yield' inside set comprehension",
    "dictcomp": "'yield' inside dict comprehension",
    "genexpr": "'yield' inside generator expression",
}

# ``from __future__`` features that are accepted; only the ones with a value
# change how code is compiled.
_FUTURE_FEATURES = {
    "nested_scopes": None, "generators": None, "division": None,
    "absolute_import": None, "with_statement": None, "print_function": None,
    "unicode_literals": None, "generator_stop": None,
    "barry_as_FLUFL": "barry_as_FLUFL", "annotations": "annotations",
}


class Scope:
    """One namespace of the program: what pass 1 saw and pass 2 decided.

    ``flags`` maps each name (mangled in class bodies) to its DEF_*/USE bits,
    in the order the names were first met; ``scopes`` maps the same names to
    LOCAL / CELL / FREE / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT.
    """

    def __init__(self, kind, name, node, lineno, col_offset, is_nested):
        self.kind = kind
        self.name = name
        self.node = node              # the AST node that opens the scope
        self.lineno = lineno
        self.col_offset = col_offset
        self.is_nested = is_nested    # inside a function, however deep
        self.flags = {}
        self.scopes = {}
        self.varnames = []            # parameters, in the order they were declared
        self.children = []            # nested scopes, in source order
        # (name, lineno, col_offset, end_lineno, end_col_offset) of each
        # global/nonlocal declaration, explicit or made by a walrus: the
        # location of a declaration error found in pass 2.
        self.directives = []
        self.comprehension = None     # "listcomp", "setcomp", "dictcomp", "genexpr"
        self.is_generator = False
        self.is_coroutine = False
        self.returns_value = False
        self.has_varargs = False
        self.has_varkeywords = False
        self.has_free = False         # reads a free name, or a global while nested
        self.child_has_free = False   # some nested scope has_free
        self.needs_class_closure = False   # a method reads __class__ (or super)
        self.future_features = frozenset()  # module scope only: see future_features()
        self.future_lineno = -1   # module scope only: the last future import's line

    def __repr__(self):
        return "<Scope %s %r line %d>" % (self.kind, self.name, self.lineno)

    def encoded_flags(self, name):
        """The name's flags and scope packed as ``_symtable`` packs them."""
        return self.flags[name] | self.scopes.get(name, 0) << SCOPE_OFFSET


# ---------------------------------------------------------------------------
# Entry points

def symtable(code, filename, compile_type):
    """The top-level ``SymbolTable`` of ``code``, like the stdlib's ``symtable.symtable``."""
    if compile_type not in ("exec", "eval", "single"):
        raise ValueError("symtable() arg 3 must be 'exec' or 'eval' or 'single'")
    decoded_filename = os.fsdecode(filename)
    tree = _parse_source(code, decoded_filename, compile_type)
    # The views show the filename as given, as the stdlib's do.
    return _table_view(build(tree, decoded_filename), filename, {})


# The features that change how code is compiled, by the CO_FUTURE_ flag that turns one
# on in compile()'s flags and that marks the code compiled under it.
FUTURE_FLAGS = {"barry_as_FLUFL": 0x400000, "annotations": 0x1000000}


def build(tree, filename="<unknown>", future_flags=0):
    """The module ``Scope`` of an ``ast.Module``, ``Expression`` or ``Interactive`` tree;
    ``future_flags`` turns on features as a ``from __future__`` import does."""
    features, future_lineno = future_features(tree, filename)
    features.update(name for name, flag in FUTURE_FLAGS.items() if future_flags & flag)
    builder = _ScopeBuilder(filename, "annotations" in features)
    with _room_to_recurse():
        top = builder.build(tree)
        _analyze(top, filename)
    top.future_features = frozenset(features)
    top.future_lineno = future_lineno
    return top


def scopes_by_node(top):
    """Every scope of the tree under ``top``, keyed by the AST node that opens it."""
    found = {}
    pending = [top]
    while pending:
        scope = pending.pop()
        found[scope.node] = scope
        pending.extend(scope.children)
    return found


def future_features(tree, filename="<unknown>"):
    """(features, line): the set of ``from __future__`` features the module turns
    on, and the line of its last future import (-1 if none).

    Raises CPython's SyntaxError for an unknown feature, for ``braces``, and
    for a future import placed after another statement on that statement's
    line; one on a later line is the compiler's to reject (it knows the line),
    as in CPython.
    """
    features = set()
    future_lineno = -1
    if not isinstance(tree, (ast.Module, ast.Interactive)):
        return features, future_lineno
    body = tree.body
    start = 1 if _has_docstring(body) else 0
    past_futures = False
    previous_line = 0
    for statement in body[start:]:
        if past_futures and statement.lineno > previous_line:
            break
        previous_line = statement.lineno
        if isinstance(statement, ast.ImportFrom) and statement.module == "__future__":
            if past_futures:
                raise _syntax_error(
                    "from __future__ imports must occur at the beginning of the file",
                    filename, statement.lineno, statement.col_offset)
            features.update(_check_future_import(statement, filename))
            future_lineno = statement.lineno
        else:
            past_futures = True
    return features, future_lineno


def _has_docstring(body):
    return (bool(body) and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str))


def _check_future_import(statement, filename):
    for alias in statement.names:
        if alias.name in _FUTURE_FEATURES:
            if _FUTURE_FEATURES[alias.name]:
                yield _FUTURE_FEATURES[alias.name]
            continue
        if alias.name == "braces":
            message = "not a chance"
        else:
            message = "future feature %s is not defined" % alias.name
        raise _syntax_error(message, filename, statement.lineno, statement.col_offset + 1)


# ---------------------------------------------------------------------------
# Errors

def _syntax_error(message, filename, lineno, offset, end_lineno=None, end_offset=None):
    """A SyntaxError located as CPython locates the symbol table's errors.

    Offsets are the AST's (UTF-8 bytes) plus one, not converted to characters.
    Without an end, the end line is the start line.  The text is read back
    from the file named ``filename``, so it is None for "<string>".
    """
    error = SyntaxError(message)
    error.filename = filename
    error.lineno = lineno
    error.offset = offset
    error.end_lineno = lineno if end_lineno is None else end_lineno
    error.end_offset = end_offset
    error.text = _line_of_file(filename, lineno)
    return error


def _node_error(message, filename, node):
    """A SyntaxError spanning ``node``."""
    return _syntax_error(message, filename, node.lineno, node.col_offset + 1,
                         node.end_lineno, node.end_col_offset + 1)


# CPython reads the line back in chunks of this many bytes and keeps the last.
_LINE_CHUNK_BYTES = 999


def _line_of_file(filename, lineno):
    if lineno is None or lineno <= 0:
        return None
    try:
        with open(filename, "rb") as file:
            data = file.read()
    except (OSError, ValueError):
        return None
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    if lineno > len(lines) or (lineno == len(lines) and not lines[-1]):
        return None
    line = lines[lineno - 1] + (b"\n" if lineno < len(lines) else b"")
    while len(line) > _LINE_CHUNK_BYTES:
        line = line[_LINE_CHUNK_BYTES:]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


# ---------------------------------------------------------------------------
# Pass 1: gather the facts

def mangle(class_name, name):
    """``name`` as written inside class ``class_name``: ``__x`` becomes ``_Class__x``."""
    if class_name is None or not name.startswith("__"):
        return name
    if name.endswith("__") or "." in name:
        return name
    stripped = class_name.lstrip("_")
    if not stripped:
        return name
    return "_" + stripped + name


# CPython gives up on a tree nested deeper than three times the recursion
# limit, with a RecursionError.  Walking one level of the tree here takes up
# to _HOST_FRAMES_PER_LEVEL host frames, so the host's limit is raised while
# a table is built to let every tree CPython accepts through.
_DEPTH_PER_RECURSION_LIMIT = 3
_HOST_FRAMES_PER_LEVEL = 4


@contextlib.contextmanager
def _room_to_recurse():
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + limit * _DEPTH_PER_RECURSION_LIMIT * _HOST_FRAMES_PER_LEVEL)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


# node class -> the _ScopeBuilder method that visits it, filled as classes are met.
_VISIT_METHODS = {}
# node class -> the fields ``visit_fields`` walks: all but operators and contexts.
_NAME_BEARING_FIELDS = {}
_FIELDS_WITHOUT_NAMES = frozenset({"ctx", "op", "ops"})


class _ScopeBuilder:
    """Pass 1: one walk over the AST, one method per node type that binds or reads names.

    Node types with no method of their own are walked field by field, which
    is the order CPython visits them in.
    """

    def __init__(self, filename, future_annotations):
        self.filename = filename
        self.future_annotations = future_annotations
        self.stack = []              # the open scopes, innermost last
        self.current = None
        self.module = None
        self.class_name = None       # the innermost class: names are mangled with it
        # Comprehension state of the current scope, saved when a scope opens.
        # A walrus may not appear in the iterable of a comprehension (even
        # inside a nested lambda or comprehension there), and iteration
        # targets are marked DEF_COMP_ITER.
        self.iterable_depth = 0
        self.in_iteration_target = False
        self.saved_states = []
        self.depth = 0
        self.depth_limit = sys.getrecursionlimit() * _DEPTH_PER_RECURSION_LIMIT

    def build(self, tree):
        self.enter_scope(MODULE, "top", tree, 0, 0)
        if isinstance(tree, ast.Expression):
            self.visit(tree.body)
        else:
            self.visit_all(tree.body)
        return self.exit_scope()

    # -- scopes --------------------------------------------------------------

    def enter_scope(self, kind, name, node, lineno, col_offset):
        parent = self.current
        is_nested = parent is not None and (parent.is_nested or parent.kind == FUNCTION)
        scope = Scope(kind, name, node, lineno, col_offset, is_nested)
        self.saved_states.append((self.iterable_depth, self.in_iteration_target))
        self.in_iteration_target = False
        self.stack.append(scope)
        self.current = scope
        if kind == MODULE:
            self.module = scope
        elif kind != ANNOTATION:
            parent.children.append(scope)
        return scope

    def exit_scope(self):
        scope = self.stack.pop()
        self.current = self.stack[-1] if self.stack else None
        self.iterable_depth, self.in_iteration_target = self.saved_states.pop()
        return scope

    # -- recording facts -----------------------------------------------------

    def add_def(self, name, flag, node, scope=None):
        """Record ``flag`` for ``name`` in ``scope`` (the current one by default)."""
        scope = scope or self.current
        name_in_scope = mangle(self.class_name, name)
        flags = scope.flags.get(name_in_scope)
        if flags is None:
            flags = flag
        else:
            if flag & DEF_PARAM and flags & DEF_PARAM:
                raise _node_error("duplicate argument '%s' in function definition" % name,
                                  self.filename, node)
            flags |= flag
        if scope is self.current and self.in_iteration_target:
            if flags & (DEF_GLOBAL | DEF_NONLOCAL):
                raise _node_error(
                    "comprehension inner loop cannot rebind assignment expression "
                    "target '%s'" % name, self.filename, node)
            flags |= DEF_COMP_ITER
        scope.flags[name_in_scope] = flags
        if flag & DEF_PARAM:
            scope.varnames.append(name_in_scope)
        elif flag & DEF_GLOBAL:
            # The module sees every global declaration, wherever it is made.
            module_flags = self.module.flags
            module_flags[name_in_scope] = module_flags.get(name_in_scope, 0) | flag

    def lookup(self, name):
        return self.current.flags.get(mangle(self.class_name, name), 0)

    def record_directive(self, name, node):
        self.current.directives.append((mangle(self.class_name, name), node.lineno,
                                        node.col_offset, node.end_lineno,
                                        node.end_col_offset))

    # -- walking -------------------------------------------------------------

    def visit(self, node):
        self.depth += 1
        if self.depth > self.depth_limit:
            raise RecursionError("maximum recursion depth exceeded during compilation")
        node_class = node.__class__
        method = _VISIT_METHODS.get(node_class)
        if method is None:
            method = _VISIT_METHODS[node_class] = getattr(
                _ScopeBuilder, "visit_" + node_class.__name__, _ScopeBuilder.visit_fields)
        method(self, node)
        self.depth -= 1

    def visit_all(self, nodes):
        for node in nodes:
            if node is not None:
                self.visit(node)

    def visit_fields(self, node):
        node_class = node.__class__
        fields = _NAME_BEARING_FIELDS.get(node_class)
        if fields is None:
            fields = _NAME_BEARING_FIELDS[node_class] = tuple(
                field for field in node_class._fields if field not in _FIELDS_WITHOUT_NAMES)
        for field in fields:
            value = getattr(node, field, None)
            if isinstance(value, ast.AST):
                self.visit(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)

    # Nodes that hold no names at all: contexts, operators, constants.
    def visit_nothing(self, node):
        pass

    visit_Load = visit_Store = visit_Del = visit_Constant = visit_nothing
    visit_Pass = visit_Break = visit_Continue = visit_nothing
    visit_MatchSingleton = visit_nothing

    # -- statements ----------------------------------------------------------

    def visit_FunctionDef(self, node):
        self.add_def(node.name, DEF_LOCAL, node)
        arguments = node.args
        self.visit_all(arguments.defaults)
        self.visit_all(arguments.kw_defaults)
        self.visit_parameter_annotations(node, arguments)
        if node.returns is not None:
            self.visit_annotation(node.returns)
        self.visit_all(node.decorator_list)
        self.enter_scope(FUNCTION, node.name, node, node.lineno, node.col_offset)
        if isinstance(node, ast.AsyncFunctionDef):
            self.current.is_coroutine = True
        self.declare_parameters(arguments)
        self.visit_all(node.body)
        self.exit_scope()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.add_def(node.name, DEF_LOCAL, node)
        self.visit_all(node.bases)
        self.visit_all(node.keywords)
        self.visit_all(node.decorator_list)
        self.enter_scope(CLASS, node.name, node, node.lineno, node.col_offset)
        enclosing_class_name = self.class_name
        self.class_name = node.name
        self.visit_all(node.body)
        self.class_name = enclosing_class_name
        self.exit_scope()

    def visit_Return(self, node):
        if node.value is not None:
            self.visit(node.value)
            self.current.returns_value = True

    def visit_AnnAssign(self, node):
        target = node.target
        if isinstance(target, ast.Name):
            flags = self.lookup(target.id)
            if (flags & (DEF_GLOBAL | DEF_NONLOCAL) and self.current is not self.module
                    and node.simple):
                kind = "global" if flags & DEF_GLOBAL else "nonlocal"
                raise _node_error("annotated name '%s' can't be %s" % (target.id, kind),
                                  self.filename, node)
            if node.simple:
                self.add_def(target.id, DEF_ANNOT | DEF_LOCAL, target)
            elif node.value is not None:
                self.add_def(target.id, DEF_LOCAL, target)
        else:
            self.visit(target)
        self.visit_annotation(node.annotation)
        if node.value is not None:
            self.visit(node.value)

    def visit_Global(self, node):
        self.declare(node, DEF_GLOBAL, "global")

    def visit_Nonlocal(self, node):
        self.declare(node, DEF_NONLOCAL, "nonlocal")

    def declare(self, node, flag, keyword):
        for name in node.names:
            flags = self.lookup(name)
            if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if flags & DEF_PARAM:
                    message = "name '%s' is parameter and %s"
                elif flags & USE:
                    message = "name '%s' is used prior to %s declaration"
                elif flags & DEF_ANNOT:
                    message = "annotated name '%s' can't be %s"
                else:
                    message = "name '%s' is assigned to before %s declaration"
                raise _node_error(message % (name, keyword), self.filename, node)
            self.add_def(name, flag, node)
            self.record_directive(name, node)

    def visit_alias(self, node):
        name = node.asname or node.name
        if name == "*":
            if self.current.kind != MODULE:
                raise _node_error("import * only allowed at module level",
                                  self.filename, node)
            return
        # ``import a.b.c`` binds ``a``.
        self.add_def(name.partition(".")[0], DEF_IMPORT, node)

    def visit_Try(self, node):
        # CPython 3.11 visits the else block before the handlers.
        self.visit_all(node.body)
        self.visit_all(node.orelse)
        self.visit_all(node.handlers)
        self.visit_all(node.finalbody)

    visit_TryStar = visit_Try

    def visit_ExceptHandler(self, node):
        if node.type is not None:
            self.visit(node.type)
        if node.name is not None:
            self.add_def(node.name, DEF_LOCAL, node)
        self.visit_all(node.body)

    # -- match patterns ------------------------------------------------------

    def visit_MatchStar(self, node):
        if node.name is not None:
            self.add_def(node.name, DEF_LOCAL, node)

    def visit_MatchMapping(self, node):
        self.visit_all(node.keys)
        self.visit_all(node.patterns)
        if node.rest is not None:
            self.add_def(node.rest, DEF_LOCAL, node)

    def visit_MatchAs(self, node):
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name is not None:
            self.add_def(node.name, DEF_LOCAL, node)

    # -- parameters and annotations -----------------------------------------

    def declare_parameters(self, arguments):
        for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            self.add_def(argument.arg, DEF_PARAM, argument)
        if arguments.vararg is not None:
            self.add_def(arguments.vararg.arg, DEF_PARAM, arguments.vararg)
            self.current.has_varargs = True
        if arguments.kwarg is not None:
            self.add_def(arguments.kwarg.arg, DEF_PARAM, arguments.kwarg)
            self.current.has_varkeywords = True

    def visit_parameter_annotations(self, node, arguments):
        # Under ``from __future__ import annotations`` all parameter
        # annotations of one def share one (detached) scope.
        if self.future_annotations:
            self.enter_scope(ANNOTATION, "_annotation", node, node.lineno, node.col_offset)
        for argument in arguments.posonlyargs + arguments.args:
            if argument.annotation is not None:
                self.visit(argument.annotation)
        for argument in (arguments.vararg, arguments.kwarg):
            if argument is not None and argument.annotation is not None:
                self.visit(argument.annotation)
        for argument in arguments.kwonlyargs:
            if argument.annotation is not None:
                self.visit(argument.annotation)
        if self.future_annotations:
            self.exit_scope()

    def visit_annotation(self, annotation):
        if self.future_annotations:
            self.enter_scope(ANNOTATION, "_annotation", annotation,
                             annotation.lineno, annotation.col_offset)
            self.visit(annotation)
            self.exit_scope()
        else:
            self.visit(annotation)

    # -- expressions ---------------------------------------------------------

    def visit_Name(self, node):
        is_load = isinstance(node.ctx, ast.Load)
        self.add_def(node.id, USE if is_load else DEF_LOCAL, node)
        # ``super()`` finds its class through the __class__ cell.
        if is_load and node.id == "super" and self.current.kind == FUNCTION:
            self.add_def("__class__", USE, node)

    def visit_NamedExpr(self, node):
        self.forbid_in_annotation("named expression", node)
        if self.iterable_depth > 0:
            raise _node_error("assignment expression cannot be used in a comprehension "
                              "iterable expression", self.filename, node)
        if self.current.comprehension:
            self.bind_walrus_target_outside_comprehension(node.target)
        self.visit(node.value)
        self.visit(node.target)

    def bind_walrus_target_outside_comprehension(self, target):
        """A walrus in a comprehension binds in the nearest enclosing function or module."""
        name = target.id
        for scope in reversed(self.stack):
            if scope.comprehension:
                if scope.flags.get(name, 0) & DEF_COMP_ITER:
                    raise _node_error("assignment expression cannot rebind comprehension "
                                      "iteration variable '%s'" % name, self.filename, target)
                continue
            if scope.kind == FUNCTION:
                if scope.flags.get(name, 0) & DEF_GLOBAL:
                    self.add_def(name, DEF_GLOBAL, target)
                else:
                    self.add_def(name, DEF_NONLOCAL, target)
                self.record_directive(name, target)
                self.add_def(name, DEF_LOCAL, target, scope)
                return
            if scope.kind == MODULE:
                self.add_def(name, DEF_GLOBAL, target)
                self.record_directive(name, target)
                self.add_def(name, DEF_GLOBAL, target, scope)
                return
            if scope.kind == CLASS:
                raise _node_error("assignment expression within a comprehension cannot "
                                  "be used in a class body", self.filename, target)

    def visit_Lambda(self, node):
        arguments = node.args
        self.visit_all(arguments.defaults)
        self.visit_all(arguments.kw_defaults)
        self.enter_scope(FUNCTION, "lambda", node, node.lineno, node.col_offset)
        self.declare_parameters(arguments)
        self.visit(node.body)
        self.exit_scope()

    def visit_ListComp(self, node):
        self.visit_comprehension_scope(node, node.elt)

    visit_SetComp = visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        # CPython visits the value before the key.
        self.visit_comprehension_scope(node, node.key, node.value)

    def visit_comprehension_scope(self, node, element, value=None):
        outermost = node.generators[0]
        # The first iterable is evaluated outside, and handed in as ``.0``.
        self.iterable_depth += 1
        self.visit(outermost.iter)
        self.iterable_depth -= 1
        scope_name = _COMPREHENSION_SCOPE_NAMES[type(node)]
        scope = self.enter_scope(FUNCTION, scope_name, node, node.lineno, node.col_offset)
        scope.comprehension = scope_name
        if outermost.is_async:
            scope.is_coroutine = True
        self.add_def(".0", DEF_PARAM, node)
        self.visit_iteration_target(outermost.target)
        self.visit_all(outermost.ifs)
        for generator in node.generators[1:]:
            self.visit_iteration_target(generator.target)
            self.iterable_depth += 1
            self.visit(generator.iter)
            self.iterable_depth -= 1
            self.visit_all(generator.ifs)
            if generator.is_async:
                scope.is_coroutine = True
        if value is not None:
            self.visit(value)
        self.visit(element)
        is_generator = isinstance(node, ast.GeneratorExp)
        scope.is_generator = is_generator
        self.exit_scope()
        # Awaiting inside a list, set or dict comprehension makes the
        # enclosing function a coroutine too; a generator expression does not.
        if scope.is_coroutine and not is_generator:
            self.current.is_coroutine = True

    def visit_iteration_target(self, target):
        self.in_iteration_target = True
        self.visit(target)
        self.in_iteration_target = False

    def visit_Yield(self, node):
        self.forbid_in_annotation("yield expression", node)
        if node.value is not None:
            self.visit(node.value)
        self.mark_generator(node)

    def visit_YieldFrom(self, node):
        self.forbid_in_annotation("yield expression", node)
        self.visit(node.value)
        self.mark_generator(node)

    def mark_generator(self, node):
        self.current.is_generator = True
        if self.current.comprehension:
            raise _node_error(_YIELD_IN_COMPREHENSION_MESSAGES[self.current.comprehension],
                              self.filename, node)

    def visit_Await(self, node):
        self.forbid_in_annotation("await expression", node)
        self.visit(node.value)
        self.current.is_coroutine = True

    def forbid_in_annotation(self, what, node):
        if self.current.kind == ANNOTATION:
            raise _node_error("'%s' can not be used within an annotation" % what,
                              self.filename, node)


# ---------------------------------------------------------------------------
# Pass 2: decide each name's scope
#
# Each scope is analysed with three sets from its parents: ``bound``, the
# names bound by enclosing functions (None at module level); ``global_names``,
# the names declared global in enclosing scopes; and it adds to ``free`` the
# names it (or a nested scope) needs from an enclosing function.  A class body
# binds names its methods cannot see, so it passes on its parent's sets
# unchanged, plus ``__class__``.  Free sets are dicts used as ordered sets so
# the result never depends on string hashing.

def _analyze(top, filename):
    _analyze_scope(top, None, {}, set(), filename)


def _analyze_scope(scope, bound, free, global_names, filename):
    local = set()
    decided = {}
    bound_for_children = set()
    globals_for_children = set()
    if scope.kind == CLASS:
        globals_for_children |= global_names
        if bound is not None:
            bound_for_children |= bound
    for name, flags in scope.flags.items():
        _analyze_name(scope, decided, name, flags, bound, local, free, global_names,
                      filename)
    if scope.kind == CLASS:
        bound_for_children.add("__class__")
    else:
        if scope.kind == FUNCTION:
            bound_for_children |= local
        if bound is not None:
            bound_for_children |= bound
        globals_for_children |= global_names

    free_in_children = {}
    for child in scope.children:
        child_free = {}
        _analyze_scope(child, set(bound_for_children), child_free,
                       set(globals_for_children), filename)
        free_in_children.update(child_free)
        if child.has_free or child.child_has_free:
            scope.child_has_free = True

    if scope.kind == FUNCTION:
        # A local that a nested scope reads becomes a cell.
        for name, where in decided.items():
            if where == LOCAL and name in free_in_children:
                decided[name] = CELL
                del free_in_children[name]
    elif scope.kind == CLASS and "__class__" in free_in_children:
        del free_in_children["__class__"]
        scope.needs_class_closure = True

    scope.scopes.update(decided)
    for name in free_in_children:
        flags = scope.flags.get(name)
        if flags is not None:
            # Bound in a class body and free in a method: the compiler must
            # look in the class namespace first, then in the cell.
            if scope.kind == CLASS and flags & (DEF_BOUND | DEF_GLOBAL):
                scope.flags[name] = flags | DEF_FREE_CLASS
            continue
        if bound is not None and name not in bound:
            continue
        # Free in a nested scope only: this scope passes the cell through.
        scope.flags[name] = 0
        scope.scopes[name] = FREE
    free.update(free_in_children)


def _analyze_name(scope, decided, name, flags, bound, local, free, global_names, filename):
    if flags & DEF_GLOBAL:
        if flags & DEF_NONLOCAL:
            raise _directive_error(scope, name, "name '%s' is nonlocal and global" % name,
                                   filename)
        decided[name] = GLOBAL_EXPLICIT
        global_names.add(name)
        if bound is not None:
            bound.discard(name)
    elif flags & DEF_NONLOCAL:
        if bound is None:
            raise _directive_error(scope, name,
                                   "nonlocal declaration not allowed at module level",
                                   filename)
        if name not in bound:
            raise _directive_error(scope, name, "no binding for nonlocal '%s' found" % name,
                                   filename)
        decided[name] = FREE
        scope.has_free = True
        free[name] = None
    elif flags & DEF_BOUND:
        decided[name] = LOCAL
        local.add(name)
        global_names.discard(name)
    elif bound is not None and name in bound:
        decided[name] = FREE
        scope.has_free = True
        free[name] = None
    else:
        if scope.is_nested:
            scope.has_free = True
        decided[name] = GLOBAL_IMPLICIT


def _directive_error(scope, name, message, filename):
    for directive_name, lineno, col_offset, end_lineno, end_col_offset in scope.directives:
        if directive_name == name:
            return _syntax_error(message, filename, lineno, col_offset + 1,
                                 end_lineno, end_col_offset + 1)
    raise AssertionError("no declaration recorded for %r" % name)


# ---------------------------------------------------------------------------
# The stdlib interface: views over Scope

def _table_view(scope, filename, views):
    """The one view of ``scope``; ``views`` is shared by a whole table tree."""
    view = views.get(id(scope))
    if view is None:
        if scope.kind == FUNCTION:
            view_class = Function
        elif scope.kind == CLASS:
            view_class = Class
        else:
            view_class = SymbolTable
        view = views[id(scope)] = view_class(scope, filename, views)
    return view


class SymbolTable:
    """A namespace, as the stdlib ``symtable.SymbolTable`` shows it."""

    def __init__(self, scope, filename, views):
        self._scope = scope
        self._filename = filename
        self._views = views
        self._symbols = {}

    def __repr__(self):
        kind = "" if type(self) is SymbolTable else type(self).__name__ + " "
        if self._scope.name == "top":
            return "<%sSymbolTable for module %s>" % (kind, self._filename)
        return "<%sSymbolTable for %s in %s>" % (kind, self._scope.name, self._filename)

    @property
    def scope(self):
        """The underlying ``Scope``."""
        return self._scope

    def get_type(self):
        kind = self._scope.kind
        return kind if kind in (MODULE, FUNCTION, CLASS) else None

    def get_id(self):
        return id(self._scope)

    def get_name(self):
        return self._scope.name

    def get_lineno(self):
        return self._scope.lineno

    def is_optimized(self):
        return self._scope.kind == FUNCTION

    def is_nested(self):
        return self._scope.is_nested

    def has_children(self):
        return bool(self._scope.children)

    def get_identifiers(self):
        return self._scope.flags.keys()

    def lookup(self, name):
        symbol = self._symbols.get(name)
        if symbol is None:
            scope = self._scope
            namespaces = [self._view(child) for child in scope.children
                          if child.name == name]
            symbol = self._symbols[name] = Symbol(
                name, scope.flags[name], scope.scopes.get(name, 0), namespaces,
                module_scope=scope.name == "top")
        return symbol

    def get_symbols(self):
        return [self.lookup(name) for name in self.get_identifiers()]

    def get_children(self):
        return [self._view(child) for child in self._scope.children]

    def _view(self, scope):
        return _table_view(scope, self._filename, self._views)


class Function(SymbolTable):
    """A function, lambda, comprehension or generator expression namespace."""

    def _names_where(self, test):
        scope = self._scope
        return tuple(name for name in scope.flags if test(scope.flags[name],
                                                           scope.scopes.get(name, 0)))

    def get_parameters(self):
        return self._names_where(lambda flags, where: flags & DEF_PARAM)

    def get_locals(self):
        return self._names_where(lambda flags, where: where in (LOCAL, CELL))

    def get_globals(self):
        return self._names_where(
            lambda flags, where: where in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT))

    def get_nonlocals(self):
        return self._names_where(lambda flags, where: flags & DEF_NONLOCAL)

    def get_frees(self):
        return self._names_where(lambda flags, where: where == FREE)


class Class(SymbolTable):
    """A class body namespace."""

    def get_methods(self):
        # As the stdlib does: the name of every nested scope, once each.
        return tuple(dict.fromkeys(child.name for child in self._scope.children))


class Symbol:
    """One name in one namespace, as the stdlib ``symtable.Symbol`` shows it."""

    def __init__(self, name, flags, scope, namespaces=None, *, module_scope=False):
        self._name = name
        self._flags = flags
        self._scope = scope
        # The stdlib keeps the list it was given, or () for none.
        self._namespaces = namespaces or ()
        self._module_scope = module_scope

    def __repr__(self):
        return "<symbol %r>" % self._name

    def get_name(self):
        return self._name

    def is_referenced(self):
        return bool(self._flags & USE)

    def is_parameter(self):
        return bool(self._flags & DEF_PARAM)

    def is_global(self):
        # At module level a bound name is global even though its scope is LOCAL.
        return (self._scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)
                or (self._module_scope and bool(self._flags & DEF_BOUND)))

    def is_nonlocal(self):
        return bool(self._flags & DEF_NONLOCAL)

    def is_declared_global(self):
        return self._scope == GLOBAL_EXPLICIT

    def is_local(self):
        return (self._scope in (LOCAL, CELL)
                or (self._module_scope and bool(self._flags & DEF_BOUND)))

    def is_annotated(self):
        return bool(self._flags & DEF_ANNOT)

    def is_free(self):
        return self._scope == FREE

    def is_imported(self):
        return bool(self._flags & DEF_IMPORT)

    def is_assigned(self):
        return bool(self._flags & DEF_LOCAL)

    def is_namespace(self):
        return bool(self._namespaces)

    def get_namespaces(self):
        return self._namespaces

    def get_namespace(self):
        if not self._namespaces:
            raise ValueError("name is not bound to any namespaces")
        if len(self._namespaces) > 1:
            raise ValueError("name is bound to multiple namespaces")
        return self._namespaces[0]
