"""Code generation: an (optimized) AST and its scopes to a graph of basic blocks per code object.

One ``CodeGenerator`` per code object (module, class body, function, lambda,
comprehension).  It walks the AST of its body and emits pvm instructions
(``pvm.opcodes``) into a ``blocks.Graph``; nested bodies get their own
generator and become constants.  ``Unit`` carries what the assembler needs
besides the graph: names, constants, flags.

The shapes follow CPython 3.11's compiler (the exception-table protocol with
PUSH_EXC_INFO / POP_EXCEPT, comprehensions as nested functions), so the same
programs behave the same; the opcodes are pvm's own.

A "frame block" (``FrameBlock``) records each statement that needs cleanup
when ``return``, ``break`` or ``continue`` leaves it early: loops pop their
iterator, ``try``/``finally`` run the ``finally`` body, ``with`` calls
``__exit__``, handlers restore the exception being handled.
"""

import ast

from pvm import compile_warnings
from pvm import opcodes as op
from pvm import symtable as st
from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NEWLOCALS,
                      CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS)
from pvm.compiler.blocks import Graph

# Kinds of frame block.
WHILE_LOOP = "while"
FOR_LOOP = "for"
TRY_EXCEPT = "try-except"
FINALLY_TRY = "finally-try"
FINALLY_END = "finally-end"
WITH = "with"
ASYNC_WITH = "async-with"
HANDLER_CLEANUP = "handler-cleanup"
POP_VALUE = "pop-value"
EXCEPTION_HANDLER = "exception-handler"
EXCEPTION_GROUP_HANDLER = "exception-group-handler"    # except* clauses
ASYNC_COMPREHENSION_GENERATOR = "async-comprehension"

# Kinds of code unit.
MODULE_UNIT = "module"
CLASS_UNIT = "class"
FUNCTION_UNIT = "function"
LAMBDA_UNIT = "lambda"
COMPREHENSION_UNIT = "comprehension"

_BINARY_OPERATOR_INDEX = {
    ast.Add: 0, ast.BitAnd: 1, ast.FloorDiv: 2, ast.LShift: 3, ast.MatMult: 4, ast.Mult: 5,
    ast.Mod: 6, ast.BitOr: 7, ast.Pow: 8, ast.RShift: 9, ast.Sub: 10, ast.Div: 11,
    ast.BitXor: 12,
}
_UNARY_OPCODES = {ast.UAdd: op.UNARY_POSITIVE, ast.USub: op.UNARY_NEGATIVE,
                  ast.Not: op.UNARY_NOT, ast.Invert: op.UNARY_INVERT}
_COMPARE_INDEX = {ast.Lt: 0, ast.LtE: 1, ast.Eq: 2, ast.NotEq: 3, ast.Gt: 4, ast.GtE: 5}

# Expressions that make a new object of a known type: calling one is surely a bug.
_LITERAL_TYPE_NAMES = {
    ast.Tuple: "tuple", ast.List: "list", ast.ListComp: "list", ast.Dict: "dict",
    ast.DictComp: "dict", ast.Set: "set", ast.SetComp: "set", ast.GeneratorExp: "generator",
    ast.JoinedStr: "str", ast.FormattedValue: "str",
}



def _inferred_type_name(node):
    """The type of the object ``node`` surely makes, as CPython's compiler infers it for
    its "perhaps you missed a comma?" warnings; None when it cannot know."""
    if isinstance(node, ast.Constant):
        return type(node.value).__name__
    if isinstance(node, ast.Lambda):
        return "function"
    return _LITERAL_TYPE_NAMES.get(type(node))


# What CPython warns about subscripting: objects of these types take no subscript,
# objects of the others no tuple (or other non-integer) index.
_UNSUBSCRIPTABLE_NODES = (ast.Set, ast.SetComp, ast.GeneratorExp, ast.Lambda)
_UNSUBSCRIPTABLE_CONSTANTS = (type(None), type(Ellipsis), int, float, complex, frozenset)
_SEQUENCE_NODES = (ast.Tuple, ast.List, ast.ListComp, ast.JoinedStr, ast.FormattedValue)
_SEQUENCE_CONSTANTS = (str, bytes, tuple)

# Artificial instructions (cleanup code) carry no position of their own.
NO_POSITION = (None, None, None, None)


def _syntax_error(message, filename, node):
    # CPython's compiler gives the location in the arguments too (its symbol table
    # only sets the attributes).
    lineno = getattr(node, "lineno", None)
    return SyntaxError(message, (filename, lineno, getattr(node, "col_offset", -1) + 1,
                                 st._line_of_file(filename, lineno),
                                 getattr(node, "end_lineno", None),
                                 getattr(node, "end_col_offset", -1) + 1))


class FrameBlock:
    __slots__ = ("kind", "block", "exit", "datum")

    def __init__(self, kind, block, exit_block, datum):
        self.kind = kind
        self.block = block          # loop start (continue goes here)
        self.exit = exit_block      # loop exit (break goes here)
        self.datum = datum          # the finally body, the with node, the handler's name


class Unit:
    """Everything known about one code object before assembly."""

    def __init__(self, kind, name, qualname, scope, filename, firstlineno):
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.scope = scope
        self.filename = filename
        self.firstlineno = firstlineno
        self.graph = Graph()
        self.consts = []
        self.const_index = {}
        self.names = []
        self.name_index = {}
        self.varnames = list(scope.varnames) if kind in _FUNCTION_LIKE else []
        self.varname_index = {name: index for index, name in enumerate(self.varnames)}
        self.cellvars = sorted(name for name, where in scope.scopes.items() if where == st.CELL)
        if kind == CLASS_UNIT and scope.needs_class_closure:
            self.cellvars.append("__class__")
        self.freevars = sorted(
            name for name, where in scope.scopes.items()
            if where == st.FREE or scope.flags.get(name, 0) & st.DEF_FREE_CLASS)
        self.cell_index = {name: index for index, name in
                           enumerate(self.cellvars + self.freevars)}
        self.argcount = 0
        self.posonlyargcount = 0
        self.kwonlyargcount = 0
        self.flags = 0
        self.private = None         # the class name that mangles __names
        self.is_async = scope.is_coroutine and kind in _FUNCTION_LIKE
        # Names whose load need not check for "unbound": parameters never deleted.
        self.always_bound = set()

    def add_const(self, value):
        key = _constant_key(value)
        index = self.const_index.get(key)
        if index is None:
            index = self.const_index[key] = len(self.consts)
            self.consts.append(value)
        return index

    def add_name(self, name):
        index = self.name_index.get(name)
        if index is None:
            index = self.name_index[name] = len(self.names)
            self.names.append(name)
        return index

    def add_varname(self, name):
        index = self.varname_index.get(name)
        if index is None:
            index = self.varname_index[name] = len(self.varnames)
            self.varnames.append(name)
        return index


_FUNCTION_LIKE = (FUNCTION_UNIT, LAMBDA_UNIT, COMPREHENSION_UNIT)


def _constant_key(value):
    """A dict key that keeps apart constants that compare equal: 1, 1.0, True, 0.0, -0.0."""
    if isinstance(value, (tuple, frozenset)):
        return (type(value), tuple(_constant_key(item) for item in value))
    if isinstance(value, float):
        return (float, value, repr(value))
    if isinstance(value, complex):
        return (complex, value, repr(value))
    if value is None or value is Ellipsis or isinstance(value, (int, str, bytes)):
        return (type(value), value)
    return (type(value), id(value))


def _position_of(node):
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


def _is_docstring(statement):
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))


class CodeGenerator:
    """Emits the instructions of one code unit."""

    def __init__(self, compiler, unit):
        self.compiler = compiler
        self.unit = unit
        self.graph = unit.graph
        self.filename = unit.filename
        self.position = (unit.firstlineno, unit.firstlineno, 0, 0)
        self.frame_blocks = []
        self.interactive = False
        self.in_annotation = False

    # -- emitting ---------------------------------------------------------------

    def emit(self, opcode, operand=0):
        return self.graph.emit(opcode, operand, self.position)

    def emit_artificial(self, opcode, operand=0):
        return self.graph.emit(opcode, operand, NO_POSITION)

    def emit_const(self, value):
        self.emit(op.LOAD_CONST, self.unit.add_const(value))

    def new_block(self):
        return self.graph.new_block()

    def use_block(self, block):
        self.graph.use_block(block)

    def error(self, message, node):
        return _syntax_error(message, self.filename, node)

    def warn(self, message, node):
        """A compile-time SyntaxWarning, as CPython's compiler issues them; where
        warnings are errors, a SyntaxError at the node instead."""
        try:
            compile_warnings.warn_explicit(message, SyntaxWarning, self.filename, node.lineno)
        except SyntaxWarning:
            raise self.error(message, node) from None

    # -- frame blocks -------------------------------------------------------------

    def push_frame_block(self, kind, block, exit_block=None, datum=None):
        self.frame_blocks.append(FrameBlock(kind, block, exit_block, datum))

    def pop_frame_block(self):
        self.frame_blocks.pop()

    def unwind_frame_block(self, frame_block, preserve_top):
        """Emit the cleanup that leaving ``frame_block`` early needs."""
        kind = frame_block.kind
        if kind in (WHILE_LOOP, EXCEPTION_HANDLER, ASYNC_COMPREHENSION_GENERATOR):
            return

        if kind == FOR_LOOP:
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.emit(op.POP_TOP)
        elif kind == TRY_EXCEPT:
            self.emit(op.POP_BLOCK)
        elif kind == FINALLY_TRY:
            self.emit(op.POP_BLOCK)
            if preserve_top:
                self.push_frame_block(POP_VALUE, None)
            # The caller has already taken this frame block off the stack, so a
            # return inside the finally body does not run the finally body again.
            self.visit_statements(frame_block.datum)
            if preserve_top:
                self.pop_frame_block()
            # The finally body runs after the statement that leaves: what follows it
            # is artificial, as in CPython (it takes the finally body's last line).
            self.position = NO_POSITION
        elif kind == FINALLY_END:
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.emit(op.POP_TOP)          # the exception
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.emit(op.POP_BLOCK)
            self.emit(op.POP_EXCEPT)
        elif kind in (WITH, ASYNC_WITH):
            self.position = _position_of(frame_block.datum)
            self.emit(op.POP_BLOCK)
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.call_exit_with_nones()
            if kind == ASYNC_WITH:
                self.emit_await(op.AWAIT_AFTER_AEXIT)
            self.emit(op.POP_TOP)
            # Likewise after the exit call (see FINALLY_TRY).
            self.position = NO_POSITION
        elif kind == HANDLER_CLEANUP:
            if frame_block.datum is not None:
                self.emit(op.POP_BLOCK)
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.emit(op.POP_BLOCK)
            self.emit(op.POP_EXCEPT)
            if frame_block.datum is not None:
                self.emit_const(None)
                self.store_name(frame_block.datum)
                self.delete_name(frame_block.datum)
        elif kind == POP_VALUE:
            if preserve_top:
                self.emit(op.SWAP, 2)
            self.emit(op.POP_TOP)
        else:
            raise AssertionError(kind)

    def unwind_frame_blocks_until_loop(self, preserve_top):
        """Unwind every frame block inside the innermost loop; return that loop's block."""
        saved = self.frame_blocks
        try:
            while self.frame_blocks:
                top = self.frame_blocks[-1]
                self.check_leaving(top)
                if top.kind in (WHILE_LOOP, FOR_LOOP):
                    return top
                self.frame_blocks = self.frame_blocks[:-1]
                self.unwind_frame_block(top, preserve_top)
            return None
        finally:
            self.frame_blocks = saved

    def unwind_all_frame_blocks(self, preserve_top):
        saved = self.frame_blocks
        try:
            while self.frame_blocks:
                top = self.frame_blocks[-1]
                self.check_leaving(top)
                self.frame_blocks = self.frame_blocks[:-1]
                self.unwind_frame_block(top, preserve_top)
        finally:
            self.frame_blocks = saved

    def check_leaving(self, frame_block):
        # As CPython's compiler_unwind_fblock_stack: an except* clause cannot be left
        # early (which part of the group would it have handled?).  The error is at the
        # position of the code emitted last, as CPython's (-1 after a with's exit).
        if frame_block.kind == EXCEPTION_GROUP_HANDLER:
            line, end_line, column, end_column = (
                -1 if value is None else value for value in self.position)
            where = ast.Pass(lineno=line, end_lineno=end_line, col_offset=column,
                             end_col_offset=end_column)
            raise self.error("'break', 'continue' and 'return' cannot appear in an "
                             "except* block", where)

    def call_exit_with_nones(self):
        self.emit_const(None)
        self.emit_const(None)
        self.emit_const(None)
        self.emit(op.CALL, 3)

    # -- names --------------------------------------------------------------------

    def mangle(self, name):
        return st.mangle(self.unit.private, name)

    def name_operation(self, name, context):
        """(opcode, operand) that loads, stores or deletes ``name`` in this unit."""
        unit = self.unit
        mangled = self.mangle(name)
        where = unit.scope.scopes.get(mangled)
        function_like = unit.kind in _FUNCTION_LIKE
        if where == st.FREE or where == st.CELL:
            index = unit.cell_index[mangled]
            if context == "load":
                if unit.kind == CLASS_UNIT:
                    return op.LOAD_CLASSDEREF, index
                return op.LOAD_DEREF, index
            return (op.STORE_DEREF if context == "store" else op.DELETE_DEREF), index
        if where == st.LOCAL and function_like:
            index = unit.add_varname(mangled)
            if context == "load":
                if mangled in unit.always_bound:
                    return op.LOAD_FAST, index
                return op.LOAD_FAST_CHECK, index
            return (op.STORE_FAST if context == "store" else op.DELETE_FAST), index
        index = unit.add_name(mangled)
        if where == st.GLOBAL_EXPLICIT or (where == st.GLOBAL_IMPLICIT and function_like):
            return {"load": op.LOAD_GLOBAL, "store": op.STORE_GLOBAL,
                    "delete": op.DELETE_GLOBAL}[context], index
        return {"load": op.LOAD_NAME, "store": op.STORE_NAME,
                "delete": op.DELETE_NAME}[context], index

    def load_name(self, name):
        self.emit(*self.name_operation(name, "load"))

    def store_name(self, name):
        self.emit(*self.name_operation(name, "store"))

    def delete_name(self, name):
        self.emit(*self.name_operation(name, "delete"))

    # -- units ------------------------------------------------------------------------

    def compile_module(self, tree, interactive=False):
        self.interactive = interactive
        body = tree.body
        if _has_annotations(body):
            # No line of its own (a trace function's first line is the first statement's).
            self.position = _position_of(body[0])
            self.emit(op.SETUP_ANNOTATIONS)
        # Under -OO a docstring is a statement like any other: a NOP for its line.
        if body and _is_docstring(body[0]) and not interactive and self.compiler.optimize < 2:
            self.position = _position_of(body[0])
            self.visit(body[0].value)
            self.store_name("__doc__")
            body = body[1:]
        self.visit_statements(body)
        self.position = NO_POSITION if body else (1, 1, 0, 0)
        self.emit_const(None)
        self.emit(op.RETURN_VALUE)

    def compile_expression(self, tree):
        self.visit(tree.body)
        self.emit(op.RETURN_VALUE)

    def compile_function_body(self, node):
        unit = self.unit
        body = node.body
        docstring = None
        if isinstance(node, ast.Lambda):
            unit.add_const(None)
        else:
            if body and _is_docstring(body[0]) and self.compiler.optimize < 2:
                docstring = body[0].value.value
                body = body[1:]
            unit.add_const(docstring)
        if isinstance(node, ast.Lambda):
            self.position = _position_of(node.body)
            # A generator lambda returns its body's value too: StopIteration.value.
            self.visit(node.body)
            self.emit(op.RETURN_VALUE)
            return
        self.visit_statements(body)
        last = self.graph.current.last
        if last is None or last.opcode not in (op.RETURN_VALUE,):
            self.position = NO_POSITION
            self.emit_const(None)
            self.emit(op.RETURN_VALUE)

    def compile_class_body(self, node):
        # As CPython, the body starts on the class's first line (its first decorator's).
        line = self.unit.firstlineno
        self.position = (line, line, node.col_offset, node.col_offset)
        self.load_name("__name__")
        self.store_name("__module__")
        self.emit_const(self.unit.qualname)
        self.store_name("__qualname__")
        body = node.body
        if _has_annotations(body):
            self.emit(op.SETUP_ANNOTATIONS)
        if body and _is_docstring(body[0]) and self.compiler.optimize < 2:
            self.position = _position_of(body[0])
            self.visit(body[0].value)
            self.store_name("__doc__")
            body = body[1:]
        self.visit_statements(body)
        self.position = NO_POSITION
        if self.unit.scope.needs_class_closure:
            self.emit(op.LOAD_CLOSURE, self.unit.cell_index["__class__"])
            self.emit(op.COPY, 1)
            self.store_name("__classcell__")
        else:
            self.emit_const(None)
        self.emit(op.RETURN_VALUE)

    def nested_unit(self, kind, name, node, private=None):
        """A generator for the body of ``node``, a scope nested in this unit."""
        scope = self.compiler.scopes[node]
        qualname = self.qualname_for(name, kind)
        firstlineno = node.lineno
        if getattr(node, "decorator_list", None):
            firstlineno = node.decorator_list[0].lineno
        unit = Unit(kind, name, qualname, scope, self.filename, firstlineno)
        unit.private = private if kind == CLASS_UNIT else self.unit.private
        # The symbol table marks any scope holding an await; only async def and
        # async comprehensions make a coroutine.
        if kind == FUNCTION_UNIT:
            unit.is_async = isinstance(node, ast.AsyncFunctionDef)
        elif kind == LAMBDA_UNIT:
            unit.is_async = False
        generator = CodeGenerator(self.compiler, unit)
        generator.position = (firstlineno, firstlineno, 0, 0)
        return generator

    def qualname_for(self, name, kind):
        unit = self.unit
        if unit.kind == MODULE_UNIT:
            return name
        if kind in (FUNCTION_UNIT, CLASS_UNIT):
            mangled = st.mangle(unit.private, name)
            if unit.scope.scopes.get(mangled) == st.GLOBAL_EXPLICIT:
                return name
        if unit.kind in _FUNCTION_LIKE:
            return unit.qualname + ".<locals>." + name
        return unit.qualname + "." + name

    def make_closure(self, unit, flags):
        """Push the closure cells of ``unit`` (if any) and its code; emit MAKE_FUNCTION."""
        code = self.compiler.assemble(unit)
        if unit.freevars:
            for name in unit.freevars:
                # A class body reaches its methods' __class__ through its own cell;
                # other names come from this unit's cells or free variables.
                index = self.unit.cell_index.get(name)
                if index is None:
                    raise AssertionError("no cell for free variable %r" % name)
                self.emit(op.LOAD_CLOSURE, index)
            self.emit(op.BUILD_TUPLE, len(unit.freevars))
            flags |= op.FUNCTION_CLOSURE
        self.emit_const(code)
        self.emit(op.MAKE_FUNCTION, flags)

    # -- statements ------------------------------------------------------------------

    def visit_statements(self, statements):
        for statement in statements:
            self.visit_statement(statement)

    def visit_statement(self, node):
        saved = self.position
        self.position = _position_of(node)
        getattr(self, "visit_" + type(node).__name__)(node)
        self.position = saved

    def visit(self, node):
        """Emit an expression, leaving its value on the stack."""
        saved = self.position
        self.position = _position_of(node)
        getattr(self, "visit_" + type(node).__name__)(node)
        self.position = saved

    def visit_Expr(self, node):
        # In "single" mode every expression statement of the module's own code is
        # shown, inside loops, with and try blocks too (not in nested functions).
        if self.interactive:
            self.visit(node.value)
            self.emit(op.PRINT_EXPR)
            return
        if isinstance(node.value, ast.Constant):
            self.emit(op.NOP)
            return
        self.visit(node.value)
        self.emit(op.POP_TOP)

    def visit_Pass(self, node):
        self.emit(op.NOP)

    def visit_Global(self, node):
        # A declaration: no code, and (as in CPython) no line that runs.
        pass

    visit_Nonlocal = visit_Global

    def visit_FunctionDef(self, node):
        self.visit_statements_decorators(node.decorator_list)
        flags = self.function_defaults(node.args, node)
        annotations = self.function_annotations(node)
        if annotations:
            flags |= op.FUNCTION_ANNOTATIONS
        kind = FUNCTION_UNIT
        generator = self.nested_unit(kind, node.name, node)
        generator.set_function_shape(node.args)
        generator.compile_function_body(node)
        self.make_closure(generator.unit, flags)
        self.apply_decorators(node.decorator_list)
        self.store_name(node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_statements_decorators(self, decorators):
        for decorator in decorators:
            self.visit(decorator)

    def set_function_shape(self, arguments):
        unit = self.unit
        unit.argcount = len(arguments.posonlyargs) + len(arguments.args)
        unit.posonlyargcount = len(arguments.posonlyargs)
        unit.kwonlyargcount = len(arguments.kwonlyargs)
        flags = CO_OPTIMIZED | CO_NEWLOCALS
        if arguments.vararg is not None:
            flags |= CO_VARARGS
        if arguments.kwarg is not None:
            flags |= CO_VARKEYWORDS
        if unit.scope.is_generator:
            flags |= CO_ASYNC_GENERATOR if unit.is_async else CO_GENERATOR
        elif unit.is_async:
            flags |= CO_COROUTINE
        unit.flags |= flags
        deleted = self.compiler.deleted_names
        unit.always_bound = {name for name in unit.varnames
                             if name not in deleted and unit.scope.scopes.get(name) == st.LOCAL}

    def function_defaults(self, arguments, node):
        flags = 0
        if arguments.defaults:
            self.visit_sequence_as_tuple(arguments.defaults)
            flags |= op.FUNCTION_DEFAULTS
        keyword_defaults = [(argument.arg, default) for argument, default
                            in zip(arguments.kwonlyargs, arguments.kw_defaults)
                            if default is not None]
        if keyword_defaults:
            for _, default in keyword_defaults:
                self.visit(default)
            self.emit_const(tuple(self.mangle(name) for name, _ in keyword_defaults))
            self.emit(op.BUILD_CONST_KEY_MAP, len(keyword_defaults))
            flags |= op.FUNCTION_KWDEFAULTS
        return flags

    def function_annotations(self, node):
        """Push a dict of the annotations of a def; return whether there are any."""
        arguments = node.args
        pairs = []
        for argument in arguments.posonlyargs + arguments.args:
            pairs.append((argument.arg, argument.annotation))
        if arguments.vararg is not None:
            pairs.append((arguments.vararg.arg, arguments.vararg.annotation))
        for argument in arguments.kwonlyargs:
            pairs.append((argument.arg, argument.annotation))
        if arguments.kwarg is not None:
            pairs.append((arguments.kwarg.arg, arguments.kwarg.annotation))
        pairs.append(("return", node.returns))
        pairs = [(self.mangle(name), annotation) for name, annotation in pairs
                 if annotation is not None]
        if not pairs:
            return False
        for _, annotation in pairs:
            self.visit_annotation(annotation)
        self.emit_const(tuple(name for name, _ in pairs))
        self.emit(op.BUILD_CONST_KEY_MAP, len(pairs))
        return True

    def visit_annotation(self, annotation):
        if "annotations" in self.compiler.future_features:
            self.emit_const(ast.unparse(annotation))
        elif isinstance(annotation, ast.Starred):
            # *args: *Ts (PEP 646): the annotation is the one item of *Ts, as in
            # [annotation] = [*Ts].
            self.visit(annotation.value)
            self.emit(op.UNPACK_SEQUENCE, 1)
        else:
            self.visit(annotation)

    def visit_ClassDef(self, node):
        self.visit_statements_decorators(node.decorator_list)
        generator = self.nested_unit(CLASS_UNIT, node.name, node, private=node.name)
        generator.compile_class_body(node)
        self.emit(op.LOAD_BUILD_CLASS)
        self.make_closure(generator.unit, 0)
        self.emit_const(node.name)
        self.emit_call_arguments(node.bases, node.keywords, 2)
        self.apply_decorators(node.decorator_list)
        self.store_name(node.name)

    def apply_decorators(self, decorators):
        # Each call is placed at its decorator (a traceback through it, a trace
        # function), innermost first; the name is then stored on the def line.
        saved = self.position
        for decorator in reversed(decorators):
            self.position = _position_of(decorator)
            self.emit(op.CALL, 1)
        self.position = saved

    def visit_Return(self, node):
        unit = self.unit
        if unit.kind not in _FUNCTION_LIKE or unit.kind == COMPREHENSION_UNIT:
            raise self.error("'return' outside function", node)
        if node.value is not None and unit.is_async and unit.scope.is_generator:
            raise self.error("'return' with value in async generator", node)
        preserve = node.value is not None and not isinstance(node.value, ast.Constant)
        if preserve:
            self.visit(node.value)
        elif node.value is not None:
            # A constant is loaded after the unwinding: its line is stepped on first.
            self.position = _position_of(node.value)
            self.emit(op.NOP)
        if node.value is None or node.value.lineno != node.lineno:
            self.position = _position_of(node)
            self.emit(op.NOP)
        self.unwind_all_frame_blocks(preserve)
        if node.value is None:
            self.emit_const(None)
        elif not preserve:
            self.emit_const(node.value.value)
        self.emit(op.RETURN_VALUE)
        self.use_block(self.new_block())

    def visit_Delete(self, node):
        for target in node.targets:
            self.delete_target(target)

    def delete_target(self, target):
        saved = self.position
        self.position = _position_of(target)
        if isinstance(target, ast.Name):
            self.delete_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.emit(op.DELETE_ATTR, self.unit.add_name(self.mangle(target.attr)))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(op.DELETE_SUBSCR)
        else:
            for element in target.elts:
                self.delete_target(element)
        self.position = saved

    def visit_Assign(self, node):
        self.visit(node.value)
        for index, target in enumerate(node.targets):
            if index < len(node.targets) - 1:
                self.emit(op.COPY, 1)
            self.store_target(target)

    def store_target(self, target):
        saved = self.position
        self.position = _position_of(target)
        if isinstance(target, ast.Name):
            self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.emit(op.STORE_ATTR, self.unit.add_name(self.mangle(target.attr)))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(op.STORE_SUBSCR)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.unpack_into(target.elts, target)
        elif isinstance(target, ast.Starred):
            raise self.error("starred assignment target must be in a list or tuple", target)
        else:
            raise self.error("cannot assign to expression", target)
        self.position = saved

    def unpack_into(self, elements, node):
        starred = [index for index, element in enumerate(elements)
                   if isinstance(element, ast.Starred)]
        if len(starred) > 1:
            raise self.error("multiple starred expressions in assignment", node)
        if starred:
            before = starred[0]
            after = len(elements) - before - 1
            if before >= 256 or after >= (1 << 16):
                raise self.error("too many expressions in star-unpacking assignment", node)
            self.emit(op.UNPACK_EX, before | after << 8)
        else:
            self.emit(op.UNPACK_SEQUENCE, len(elements))
        for element in elements:
            if isinstance(element, ast.Starred):
                self.store_target(element.value)
            else:
                self.store_target(element)

    def visit_AugAssign(self, node):
        target = node.target
        operator = _BINARY_OPERATOR_INDEX[type(node.op)] + op.INPLACE_OFFSET
        if isinstance(target, ast.Name):
            self.position = _position_of(target)
            self.load_name(target.id)
            self.position = _position_of(node)
            self.visit(node.value)
            self.emit(op.BINARY_OP, operator)
            self.position = _position_of(target)
            self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            name = self.unit.add_name(self.mangle(target.attr))
            self.emit(op.COPY, 1)
            self.position = _position_of(target)
            self.emit(op.LOAD_ATTR, name)
            self.position = _position_of(node)
            self.visit(node.value)
            self.emit(op.BINARY_OP, operator)
            self.position = _position_of(target)
            self.emit(op.SWAP, 2)
            self.emit(op.STORE_ATTR, name)
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(op.COPY, 2)
            self.emit(op.COPY, 2)
            self.position = _position_of(target)
            self.emit(op.BINARY_SUBSCR)
            self.position = _position_of(node)
            self.visit(node.value)
            self.emit(op.BINARY_OP, operator)
            self.position = _position_of(target)
            self.emit(op.SWAP, 3)
            self.emit(op.SWAP, 2)
            self.emit(op.STORE_SUBSCR)
        else:
            raise self.error("'%s' is an illegal expression for augmented assignment"
                             % type(target).__name__.lower(), target)

    def visit_AnnAssign(self, node):
        target = node.target
        if node.value is not None:
            self.visit(node.value)
            self.store_target(target)
        if isinstance(target, ast.Name):
            if node.simple and self.unit.kind in (MODULE_UNIT, CLASS_UNIT):
                self.visit_annotation(node.annotation)
                self.emit(op.LOAD_NAME, self.unit.add_name("__annotations__"))
                self.emit_const(self.mangle(target.id))
                self.emit(op.STORE_SUBSCR)
        else:
            if node.value is None:
                # The target is still evaluated, for its errors.
                if isinstance(target, ast.Attribute):
                    self.visit(target.value)
                    self.emit(op.POP_TOP)
                elif isinstance(target, ast.Subscript):
                    self.visit(target.value)
                    self.emit(op.POP_TOP)
                    self.visit(target.slice)
                    self.emit(op.POP_TOP)
            if self.unit.kind in (MODULE_UNIT, CLASS_UNIT) and \
                    "annotations" not in self.compiler.future_features:
                self.visit(node.annotation)
                self.emit(op.POP_TOP)

    def visit_If(self, node):
        end = self.new_block()
        otherwise = self.new_block() if node.orelse else end
        self.jump_if(node.test, otherwise, False)
        self.visit_statements(node.body)
        if node.orelse:
            self.emit_artificial(op.JUMP, end)
            self.use_block(otherwise)
            self.visit_statements(node.orelse)
        self.use_block(end)

    def visit_While(self, node):
        # As CPython 3.11: the test at the top, and again at the bottom (with the while
        # statement's line), whose jump back lands on the body; one jump a round, and
        # a trace function sees the while line once per round.
        start = self.new_block()
        body = self.new_block()
        anchor = self.new_block()
        end = self.new_block()
        self.use_block(start)
        self.jump_if(node.test, anchor, False)
        self.use_block(body)
        self.push_frame_block(WHILE_LOOP, start, end)
        self.visit_statements(node.body)
        self.pop_frame_block()
        self.position = _position_of(node)
        if isinstance(node.test, ast.Constant) and node.test.value:
            # CPython's jump back has the whole statement's position (a traceback of
            # what a signal handler raises at the jump shows its first line alone).
            self.emit(op.JUMP, body)
            self.use_block(self.new_block())
        else:
            self.jump_if(node.test, body, True)
        self.use_block(anchor)
        self.visit_statements(node.orelse)
        self.use_block(end)

    def visit_For(self, node):
        start = self.new_block()
        cleanup = self.new_block()
        end = self.new_block()
        self.visit(node.iter)
        self.emit(op.GET_ITER)
        self.use_block(start)
        self.push_frame_block(FOR_LOOP, start, end)
        self.emit(op.FOR_ITER, cleanup)
        self.store_target(node.target)
        self.visit_statements(node.body)
        # Artificial, as CPython's: it takes the line of the body's end, so that a trace
        # function sees the 'for' line once per round (where the jump lands).
        self.emit_artificial(op.JUMP, start)
        self.pop_frame_block()
        self.use_block(cleanup)
        self.visit_statements(node.orelse)
        self.use_block(end)

    def visit_AsyncFor(self, node):
        if not self.unit.is_async and not self.top_level_async():
            raise self.error("'async for' outside async function", node)
        start = self.new_block()
        excepted = self.new_block()
        end = self.new_block()
        self.visit(node.iter)
        self.emit(op.GET_AITER)
        self.use_block(start)
        self.push_frame_block(FOR_LOOP, start, end)
        self.emit(op.SETUP_FINALLY, excepted)
        self.emit(op.GET_ANEXT)
        self.emit_const(None)
        self.emit_send_loop()
        self.emit(op.POP_BLOCK)
        self.store_target(node.target)
        self.visit_statements(node.body)
        self.emit_artificial(op.JUMP, start)
        self.pop_frame_block()
        self.use_block(excepted)
        self.position = _position_of(node.iter)
        self.emit(op.END_ASYNC_FOR)
        self.visit_statements(node.orelse)
        self.use_block(end)

    def visit_Break(self, node):
        loop = self.unwind_frame_blocks_until_loop(False)
        if loop is None:
            raise self.error("'break' outside loop", node)
        self.unwind_frame_block(loop, False)
        self.emit(op.JUMP, loop.exit)
        self.use_block(self.new_block())

    def visit_Continue(self, node):
        loop = self.unwind_frame_blocks_until_loop(False)
        if loop is None:
            raise self.error("'continue' not properly in loop", node)
        self.emit(op.JUMP, loop.block)
        self.use_block(self.new_block())

    def visit_Raise(self, node):
        count = 0
        if node.exc is not None:
            self.visit(node.exc)
            count = 1
            if node.cause is not None:
                self.visit(node.cause)
                count = 2
        self.emit(op.RAISE_VARARGS, count)
        self.use_block(self.new_block())

    def visit_Assert(self, node):
        if _is_non_empty_tuple(node.test):
            self.warn("assertion is always true, perhaps remove parentheses?", node)
        if self.compiler.optimize:
            return
        end = self.new_block()
        self.jump_if(node.test, end, True)
        # CPython reports a failed assert without a message at its test.
        saved = self.position
        if node.msg is None:
            self.position = _position_of(node.test)
        self.emit(op.LOAD_ASSERTION_ERROR)
        if node.msg is not None:
            self.visit(node.msg)
            self.emit(op.CALL, 1)
        self.emit(op.RAISE_VARARGS, 1)
        self.position = saved
        self.use_block(end)

    def visit_Try(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    visit_TryStar = visit_Try

    def try_finally(self, node):
        body = self.new_block()
        handler = self.new_block()
        exit_block = self.new_block()
        cleanup = self.new_block()
        self.emit(op.SETUP_FINALLY, handler)
        self.use_block(body)
        self.push_frame_block(FINALLY_TRY, body, handler, node.finalbody)
        if node.handlers:
            self.try_except(node)
        else:
            self.visit_statements(node.body)
        self.emit_artificial(op.POP_BLOCK)
        self.pop_frame_block()
        self.visit_statements(node.finalbody)
        self.emit_artificial(op.JUMP, exit_block)
        self.use_block(handler)
        self.emit_artificial(op.SETUP_CLEANUP, cleanup)
        self.emit_artificial(op.PUSH_EXC_INFO)
        self.push_frame_block(FINALLY_END, handler)
        self.visit_statements(node.finalbody)
        self.pop_frame_block()
        self.emit_artificial(op.RERAISE, 0)
        self.use_block(cleanup)
        self.pop_except_and_reraise()
        self.use_block(exit_block)

    def pop_except_and_reraise(self):
        self.emit_artificial(op.COPY, 3)
        self.emit_artificial(op.POP_EXCEPT)
        self.emit_artificial(op.RERAISE, 1)

    def protect_body_then_enter_handlers(self, node, cleanup, end,
                                         handlers_kind=EXCEPTION_HANDLER):
        """Run a try statement's body (then its else, then jump to ``end``) under an
        exception-table entry whose target starts the handlers; the handlers run
        with the exception pushed, protected by ``cleanup``, in a frame block of
        ``handlers_kind``."""
        body = self.new_block()
        handlers_start = self.new_block()
        self.emit(op.SETUP_FINALLY, handlers_start)
        self.use_block(body)
        self.push_frame_block(TRY_EXCEPT, body)
        self.visit_statements(node.body)
        self.pop_frame_block()
        self.emit_artificial(op.POP_BLOCK)
        self.visit_statements(node.orelse)
        self.emit_artificial(op.JUMP, end)
        self.use_block(handlers_start)
        self.emit_artificial(op.SETUP_CLEANUP, cleanup)
        self.emit_artificial(op.PUSH_EXC_INFO)
        self.push_frame_block(handlers_kind, None)

    def clear_handler_name(self, name):
        # `except E as name` unbinds name on the way out, so the exception's
        # traceback does not keep the frame alive through a reference cycle.
        self.emit_const(None)
        self.store_name(name)
        self.delete_name(name)

    def try_except(self, node):
        if isinstance(node, ast.TryStar):
            return self.try_star_except(node)
        cleanup = self.new_block()
        end = self.new_block()
        self.protect_body_then_enter_handlers(node, cleanup, end)
        for index, handler in enumerate(node.handlers):
            saved = self.position
            self.position = _position_of(handler)
            next_handler = self.new_block()
            if handler.type is None and index < len(node.handlers) - 1:
                raise self.error("default 'except:' must be last", handler)
            if handler.type is not None:
                self.visit(handler.type)
                self.emit(op.CHECK_EXC_MATCH)
                self.emit(op.POP_JUMP_IF_FALSE, next_handler)
            if handler.name is not None:
                cleanup_end = self.new_block()
                cleanup_body = self.new_block()
                self.store_name(handler.name)
                self.emit(op.SETUP_CLEANUP, cleanup_end)
                self.use_block(cleanup_body)
                self.push_frame_block(HANDLER_CLEANUP, cleanup_body, None, handler.name)
                self.visit_statements(handler.body)
                self.pop_frame_block()
                self.position = NO_POSITION
                self.emit(op.POP_BLOCK)
                self.emit(op.POP_BLOCK)
                self.emit(op.POP_EXCEPT)
                self.clear_handler_name(handler.name)
                self.emit(op.JUMP, end)
                self.use_block(cleanup_end)
                self.clear_handler_name(handler.name)
                self.emit(op.RERAISE, 1)
            else:
                cleanup_body = self.new_block()
                self.emit(op.POP_TOP)
                self.use_block(cleanup_body)
                self.push_frame_block(HANDLER_CLEANUP, cleanup_body, None, None)
                self.visit_statements(handler.body)
                self.pop_frame_block()
                self.position = NO_POSITION
                self.emit(op.POP_BLOCK)
                self.emit(op.POP_EXCEPT)
                self.emit(op.JUMP, end)
            self.position = saved
            self.use_block(next_handler)
        self.pop_frame_block()
        self.emit_artificial(op.RERAISE, 0)
        self.use_block(cleanup)
        self.pop_except_and_reraise()
        self.use_block(end)

    def try_star_except(self, node):
        # except*: each clause takes the part of the group that matches its type.
        # Stack in the handler: prev, original group, list of raised, rest.
        cleanup = self.new_block()
        end = self.new_block()
        reraise_block = self.new_block()
        self.protect_body_then_enter_handlers(node, cleanup, end, EXCEPTION_GROUP_HANDLER)
        # prev, group -> prev, group, [] (raised), group (rest)
        self.emit(op.BUILD_LIST, 0)
        self.emit(op.COPY, 2)
        for handler in node.handlers:
            saved = self.position
            self.position = _position_of(handler)
            next_handler = self.new_block()
            no_match = self.new_block()
            if handler.type is None:
                raise self.error("expected 'except*' handler to have a type", handler)
            self.visit(handler.type)
            self.emit(op.CHECK_EG_MATCH)      # -> ..., rest, match
            self.emit(op.COPY, 1)
            self.emit(op.POP_JUMP_IF_NONE, no_match)
            cleanup_end = self.new_block()
            cleanup_body = self.new_block()
            if handler.name is not None:
                self.store_name(handler.name)
            else:
                self.emit(op.POP_TOP)
            # Stack: prev, group, raised, rest
            self.emit(op.SETUP_CLEANUP, cleanup_end)
            self.use_block(cleanup_body)
            self.push_frame_block(HANDLER_CLEANUP, cleanup_body, None, handler.name)
            self.visit_statements(handler.body)
            self.pop_frame_block()
            self.position = NO_POSITION
            self.emit(op.POP_BLOCK)
            if handler.name is not None:
                self.clear_handler_name(handler.name)
            self.emit(op.JUMP, next_handler)
            self.use_block(cleanup_end)
            # prev, group, raised, rest, offset, exception
            if handler.name is not None:
                self.clear_handler_name(handler.name)
            self.emit(op.SWAP, 2)
            self.emit(op.POP_TOP)             # the offset
            self.emit(op.COPY, 3)             # raised list
            self.emit(op.SWAP, 2)
            self.emit(op.LIST_APPEND, 1)
            self.emit(op.POP_TOP)
            self.emit(op.JUMP, next_handler)
            self.use_block(no_match)
            self.emit(op.POP_TOP)
            self.use_block(next_handler)
            self.position = saved
        # prev, group, raised, rest
        self.position = NO_POSITION
        self.emit(op.LIST_APPEND, 1)          # the unhandled rest joins the raised list
        self.emit(op.PREP_RERAISE_STAR)       # prev, group-or-None
        self.emit(op.COPY, 1)
        self.emit(op.POP_JUMP_IF_NOT_NONE, reraise_block)
        self.emit(op.POP_TOP)
        self.pop_frame_block()
        self.emit(op.POP_BLOCK)
        self.emit(op.POP_EXCEPT)
        self.emit(op.JUMP, end)
        self.use_block(reraise_block)
        self.emit(op.POP_BLOCK)
        self.emit(op.SWAP, 2)
        self.emit(op.POP_EXCEPT)
        self.emit(op.RERAISE, 0)
        self.use_block(cleanup)
        self.pop_except_and_reraise()
        self.use_block(end)

    def visit_With(self, node, item_index=0):
        item = node.items[item_index]
        body = self.new_block()
        final = self.new_block()
        exit_block = self.new_block()
        cleanup = self.new_block()
        is_async = isinstance(node, ast.AsyncWith)
        if is_async and not self.unit.is_async and not self.top_level_async():
            raise self.error("'async with' outside async function", node)
        self.visit(item.context_expr)
        if is_async:
            self.emit(op.BEFORE_ASYNC_WITH)
            self.emit_await(op.AWAIT_AFTER_AENTER)
        else:
            self.emit(op.BEFORE_WITH)
        self.emit(op.SETUP_WITH, final)
        self.use_block(body)
        self.push_frame_block(ASYNC_WITH if is_async else WITH, body, final, node)
        if item.optional_vars is not None:
            self.store_target(item.optional_vars)
        else:
            self.emit(op.POP_TOP)
        if item_index + 1 < len(node.items):
            self.visit_With(node, item_index + 1)
        else:
            self.visit_statements(node.body)
        self.pop_frame_block()
        self.position = _position_of(node)
        self.emit(op.POP_BLOCK)
        self.call_exit_with_nones()
        if is_async:
            self.emit_await(op.AWAIT_AFTER_AEXIT)
        self.emit(op.POP_TOP)
        self.emit(op.JUMP, exit_block)
        self.use_block(final)
        self.emit(op.SETUP_CLEANUP, cleanup)
        self.emit(op.PUSH_EXC_INFO)
        self.emit(op.WITH_EXCEPT_START)
        if is_async:
            self.emit_await(op.AWAIT_AFTER_AEXIT)
        suppress = self.new_block()
        self.emit(op.POP_JUMP_IF_TRUE, suppress)
        self.emit(op.RERAISE, 2)
        self.use_block(suppress)
        self.emit(op.POP_TOP)
        self.emit(op.POP_BLOCK)
        self.emit(op.POP_EXCEPT)
        self.emit(op.POP_TOP)
        self.emit(op.POP_TOP)
        self.emit(op.JUMP, exit_block)
        self.use_block(cleanup)
        self.pop_except_and_reraise()
        self.use_block(exit_block)

    visit_AsyncWith = visit_With

    def visit_Import(self, node):
        for alias in node.names:
            self.emit_const(0)
            self.emit_const(None)
            self.emit(op.IMPORT_NAME, self.unit.add_name(alias.name))
            if alias.asname is not None:
                parts = alias.name.split(".")
                if len(parts) > 1:
                    for index, part in enumerate(parts[1:]):
                        self.emit(op.IMPORT_FROM, self.unit.add_name(part))
                        self.emit(op.SWAP, 2)
                        self.emit(op.POP_TOP)
                self.store_name(alias.asname)
            else:
                self.store_name(alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        if node.module == "__future__" and node.lineno > self.compiler.future_lineno:
            raise self.error("from __future__ imports must occur at the beginning of the file",
                             node)
        self.emit_const(node.level)
        self.emit_const(tuple(alias.name for alias in node.names))
        self.emit(op.IMPORT_NAME, self.unit.add_name(node.module or ""))
        if node.names[0].name == "*":
            self.emit(op.IMPORT_STAR)
            return
        for alias in node.names:
            self.emit(op.IMPORT_FROM, self.unit.add_name(alias.name))
            self.store_name(alias.asname or alias.name)
        self.emit(op.POP_TOP)

    def visit_Match(self, node):
        from pvm.compiler.patterns import compile_match
        compile_match(self, node)

    # -- conditions -------------------------------------------------------------------

    def jump_if(self, test, target, jump_when):
        """Emit code that jumps to ``target`` when ``test`` is truthy == ``jump_when``."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            self.jump_if(test.operand, target, not jump_when)
            return
        if isinstance(test, ast.BoolOp):
            is_or = isinstance(test.op, ast.Or)
            if is_or == jump_when:
                for value in test.values:
                    self.jump_if(value, target, jump_when)
            else:
                fall_through = self.new_block()
                for value in test.values[:-1]:
                    self.jump_if(value, fall_through, not jump_when)
                self.jump_if(test.values[-1], target, jump_when)
                self.use_block(fall_through)
            return
        if isinstance(test, ast.IfExp):
            end = self.new_block()
            otherwise = self.new_block()
            self.jump_if(test.test, otherwise, False)
            self.jump_if(test.body, target, jump_when)
            self.emit_artificial(op.JUMP, end)
            self.use_block(otherwise)
            self.jump_if(test.orelse, target, jump_when)
            self.use_block(end)
            return
        if isinstance(test, ast.Constant):
            # A NOP for the test's line, which a trace function sees (as CPython keeps
            # one where it folds the test away).
            saved = self.position
            self.position = _position_of(test)
            self.emit(op.NOP)
            self.position = saved
            if bool(test.value) == jump_when:
                self.emit_artificial(op.JUMP, target)
                self.use_block(self.new_block())
            return
        self.visit(test)
        saved = self.position
        self.position = _position_of(test)
        self.emit(op.POP_JUMP_IF_TRUE if jump_when else op.POP_JUMP_IF_FALSE, target)
        self.position = saved
        self.use_block(self.new_block())

    # -- expressions ------------------------------------------------------------------

    def visit_Constant(self, node):
        self.emit_const(node.value)

    def visit_Name(self, node):
        self.load_name(node.id)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        self.emit(op.COPY, 1)
        self.store_target(node.target)

    def visit_BinOp(self, node):
        self.visit(node.left)
        self.visit(node.right)
        self.emit(op.BINARY_OP, _BINARY_OPERATOR_INDEX[type(node.op)])

    def visit_UnaryOp(self, node):
        self.visit(node.operand)
        self.emit(_UNARY_OPCODES[type(node.op)])

    def visit_BoolOp(self, node):
        end = self.new_block()
        jump = op.JUMP_IF_TRUE_OR_POP if isinstance(node.op, ast.Or) else op.JUMP_IF_FALSE_OR_POP
        for value in node.values[:-1]:
            self.visit(value)
            self.emit(jump, end)
            self.use_block(self.new_block())
        self.visit(node.values[-1])
        self.use_block(end)

    def visit_Compare(self, node):
        self.warn_about_identity_with_literal(node)
        self.visit(node.left)
        if len(node.ops) == 1:
            self.visit(node.comparators[0])
            self.emit_comparison(node.ops[0])
            return
        cleanup = self.new_block()
        end = self.new_block()
        for operator, comparator in zip(node.ops[:-1], node.comparators[:-1]):
            self.visit(comparator)
            self.emit(op.SWAP, 2)
            self.emit(op.COPY, 2)
            self.emit_comparison(operator)
            self.emit(op.JUMP_IF_FALSE_OR_POP, cleanup)
            self.use_block(self.new_block())
        self.visit(node.comparators[-1])
        self.emit_comparison(node.ops[-1])
        self.emit_artificial(op.JUMP, end)
        self.use_block(cleanup)
        self.emit_artificial(op.SWAP, 2)
        self.emit_artificial(op.POP_TOP)
        self.use_block(end)

    def warn_about_identity_with_literal(self, node):
        left = node.left
        for operator, right in zip(node.ops, node.comparators):
            if isinstance(operator, (ast.Is, ast.IsNot)) and (
                    _is_literal(left) or _is_literal(right)):
                if isinstance(operator, ast.Is):
                    self.warn('"is" with a literal. Did you mean "=="?', node)
                else:
                    self.warn('"is not" with a literal. Did you mean "!="?', node)
                return
            left = right

    def emit_comparison(self, operator):
        kind = type(operator)
        if kind is ast.Is:
            self.emit(op.IS_OP, 0)
        elif kind is ast.IsNot:
            self.emit(op.IS_OP, 1)
        elif kind is ast.In:
            self.emit(op.CONTAINS_OP, 0)
        elif kind is ast.NotIn:
            self.emit(op.CONTAINS_OP, 1)
        else:
            self.emit(op.COMPARE_OP, _COMPARE_INDEX[kind])

    def visit_IfExp(self, node):
        end = self.new_block()
        otherwise = self.new_block()
        self.jump_if(node.test, otherwise, False)
        self.visit(node.body)
        self.emit_artificial(op.JUMP, end)
        self.use_block(otherwise)
        self.visit(node.orelse)
        self.use_block(end)

    def visit_Attribute(self, node):
        self.visit(node.value)
        self.emit(op.LOAD_ATTR, self.unit.add_name(self.mangle(node.attr)))

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Load):
            self.warn_about_subscripting_a_literal(node)
        self.visit(node.value)
        self.visit(node.slice)
        self.emit(op.BINARY_SUBSCR)

    def warn_about_subscripting_a_literal(self, node):
        value = node.value
        if isinstance(value, _UNSUBSCRIPTABLE_NODES) or (
                isinstance(value, ast.Constant)
                and isinstance(value.value, _UNSUBSCRIPTABLE_CONSTANTS)):
            self.warn("'%s' object is not subscriptable; perhaps you missed a comma?"
                      % _inferred_type_name(value), node)
            return
        index_type = _inferred_type_name(node.slice)
        if index_type is None or index_type in ("int", "bool"):
            return
        if isinstance(value, _SEQUENCE_NODES) or (
                isinstance(value, ast.Constant)
                and isinstance(value.value, _SEQUENCE_CONSTANTS)):
            self.warn("%s indices must be integers or slices, not %s; perhaps you missed a "
                      "comma?" % (_inferred_type_name(value), index_type), node)

    def visit_Slice(self, node):
        count = 2
        for part in (node.lower, node.upper):
            if part is None:
                self.emit_const(None)
            else:
                self.visit(part)
        if node.step is not None:
            self.visit(node.step)
            count = 3
        self.emit(op.BUILD_SLICE, count)

    def visit_Starred(self, node):
        raise self.error("can't use starred expression here", node)

    def visit_sequence_as_tuple(self, elements):
        if all(isinstance(element, ast.Constant) for element in elements):
            self.emit_const(tuple(element.value for element in elements))
            return
        for element in elements:
            self.visit(element)
        self.emit(op.BUILD_TUPLE, len(elements))

    def visit_Tuple(self, node):
        if isinstance(node.ctx, ast.Store):
            return self.store_target(node)
        self.build_sequence(node.elts, op.BUILD_TUPLE)

    def visit_List(self, node):
        if isinstance(node.ctx, ast.Store):
            return self.store_target(node)
        self.build_sequence(node.elts, op.BUILD_LIST)

    def visit_Set(self, node):
        self.build_sequence(node.elts, op.BUILD_SET)

    def build_sequence(self, elements, build_opcode):
        has_star = any(isinstance(element, ast.Starred) for element in elements)
        if not has_star:
            constant = elements and all(isinstance(element, ast.Constant)
                                        for element in elements)
            if build_opcode == op.BUILD_TUPLE and constant:
                self.emit_const(tuple(element.value for element in elements))
                return
            if constant and len(elements) > 2:
                # As CPython: an empty list or set extended by one constant (fewer
                # instructions; and one line, the display's, for a trace function).
                values = tuple(element.value for element in elements)
                self.emit(build_opcode, 0)
                if build_opcode == op.BUILD_SET:
                    self.emit_const(frozenset(values))
                    self.emit(op.SET_UPDATE, 1)
                else:
                    self.emit_const(values)
                    self.emit(op.LIST_EXTEND, 1)
                return
            for element in elements:
                self.visit(element)
            self.emit(build_opcode, len(elements))
            return
        # Starred items: build a list (or set) item by item.
        is_set = build_opcode == op.BUILD_SET
        self.emit(op.BUILD_SET if is_set else op.BUILD_LIST, 0)
        for element in elements:
            if isinstance(element, ast.Starred):
                self.visit(element.value)
                self.emit(op.SET_UPDATE if is_set else op.LIST_EXTEND, 1)
            else:
                self.visit(element)
                self.emit(op.SET_ADD if is_set else op.LIST_APPEND, 1)
        if build_opcode == op.BUILD_TUPLE:
            self.emit(op.LIST_TO_TUPLE)

    def visit_Dict(self, node):
        pending = 0
        built = False
        for key, value in zip(node.keys, node.values):
            if key is None:
                if pending or not built:
                    self.emit(op.BUILD_MAP, pending)
                    if built:
                        self.emit(op.DICT_UPDATE, 1)
                    built = True
                    pending = 0
                self.visit(value)
                self.emit(op.DICT_UPDATE, 1)
            else:
                self.visit(key)
                self.visit(value)
                pending += 1
        if pending or not built:
            self.emit(op.BUILD_MAP, pending)
            if built:
                self.emit(op.DICT_UPDATE, 1)

    def visit_JoinedStr(self, node):
        for value in node.values:
            self.visit(value)
        if len(node.values) != 1:
            self.emit(op.BUILD_STRING, len(node.values))
        elif isinstance(node.values[0], ast.Constant):
            pass

    def visit_FormattedValue(self, node):
        self.visit(node.value)
        conversion = {-1: 0, 115: 1, 114: 2, 97: 3}[node.conversion]
        flags = conversion
        if node.format_spec is not None:
            self.visit(node.format_spec)
            flags |= op.FORMAT_HAS_SPEC
        self.emit(op.FORMAT_VALUE, flags)

    def visit_Call(self, node):
        function = node.func
        if isinstance(function, ast.Constant) or type(function) in _LITERAL_TYPE_NAMES:
            self.warn_about_calling_a_literal(function, node)
        if isinstance(function, ast.Attribute) and not node.keywords and not any(
                isinstance(argument, ast.Starred) for argument in node.args):
            # obj.name(...): no bound method object is made for a guest method.
            self.visit(function.value)
            saved = self.position
            self.position = _position_of(function)
            self.emit(op.LOAD_METHOD, self.unit.add_name(self.mangle(function.attr)))
            self.position = saved
            for argument in node.args:
                self.visit(argument)
            self.emit(op.CALL_METHOD, len(node.args))
            return
        self.visit(function)
        self.emit_call_arguments(node.args, node.keywords, 0)

    def warn_about_calling_a_literal(self, function, node):
        if isinstance(function, ast.Constant):
            kind = type(function.value).__name__
        else:
            kind = _LITERAL_TYPE_NAMES[type(function)]
        self.warn("'%s' object is not callable; perhaps you missed a comma?" % kind, node)

    def emit_call_arguments(self, arguments, keywords, already_pushed):
        """Emit a call with ``already_pushed`` positional arguments on the stack."""
        seen = set()
        for keyword in keywords:
            if keyword.arg in seen:
                raise self.error("keyword argument repeated: %s" % keyword.arg, keyword)
            if keyword.arg is not None:
                seen.add(keyword.arg)
        needs_unpacking = (any(isinstance(argument, ast.Starred) for argument in arguments)
                           or any(keyword.arg is None for keyword in keywords))
        if not needs_unpacking:
            for argument in arguments:
                self.visit(argument)
            count = already_pushed + len(arguments)
            if keywords:
                for keyword in keywords:
                    self.visit(keyword.value)
                self.emit_const(tuple(keyword.arg for keyword in keywords))
                self.emit(op.CALL_KW, count + len(keywords))
            else:
                self.emit(op.CALL, count)
            return
        # The positional arguments as one tuple; as in CPython, f(*a) passes `a` itself,
        # which CALL_FUNCTION_EX turns into a tuple (its error names the function).
        if not already_pushed and len(arguments) == 1 and isinstance(arguments[0],
                                                                   ast.Starred):
            self.visit(arguments[0].value)
        else:
            self.emit(op.BUILD_LIST, already_pushed)
            for argument in arguments:
                if isinstance(argument, ast.Starred):
                    self.visit(argument.value)
                    self.emit(op.LIST_EXTEND, 1)
                else:
                    self.visit(argument)
                    self.emit(op.LIST_APPEND, 1)
            self.emit(op.LIST_TO_TUPLE)
        if not keywords:
            self.emit(op.CALL_FUNCTION_EX, 0)
            return
        self.emit(op.BUILD_MAP, 0)
        pending = 0
        for keyword in keywords:
            if keyword.arg is None:
                if pending:
                    self.emit(op.BUILD_MAP, pending)
                    self.emit(op.DICT_MERGE, 1)
                    pending = 0
                self.visit(keyword.value)
                self.emit(op.DICT_MERGE, 1)
            else:
                self.emit_const(keyword.arg)
                self.visit(keyword.value)
                pending += 1
        if pending:
            self.emit(op.BUILD_MAP, pending)
            self.emit(op.DICT_MERGE, 1)
        self.emit(op.CALL_FUNCTION_EX, 1)

    def visit_Lambda(self, node):
        flags = self.function_defaults(node.args, node)
        generator = self.nested_unit(LAMBDA_UNIT, "<lambda>", node)
        generator.set_function_shape(node.args)
        generator.compile_function_body(node)
        self.make_closure(generator.unit, flags)

    def visit_Yield(self, node):
        self.check_yield_allowed(node)
        if node.value is not None:
            self.visit(node.value)
        else:
            self.emit_const(None)
        if self.unit.is_async:
            self.emit(op.ASYNC_GEN_WRAP)
        self.emit(op.YIELD_VALUE, 0)

    def visit_YieldFrom(self, node):
        self.check_yield_allowed(node)
        if self.unit.is_async:
            raise self.error("'yield from' inside async function", node)
        self.visit(node.value)
        self.emit(op.GET_YIELD_FROM_ITER)
        self.emit_const(None)
        self.emit_send_loop()

    def check_yield_allowed(self, node):
        if self.unit.kind not in _FUNCTION_LIKE:
            raise self.error("'yield' outside function", node)

    def visit_Await(self, node):
        unit = self.unit
        if not unit.is_async and not self.top_level_async():
            if unit.kind not in _FUNCTION_LIKE:
                raise self.error("'await' outside function", node)
            if unit.kind != COMPREHENSION_UNIT:
                raise self.error("'await' outside async function", node)
        self.visit(node.value)
        self.emit_await()

    def top_level_async(self):
        return self.compiler.top_level_await and self.unit.kind == MODULE_UNIT

    def emit_await(self, where=op.AWAIT_EXPRESSION):
        self.emit(op.GET_AWAITABLE, where)
        self.emit_const(None)
        self.emit_send_loop()

    def emit_send_loop(self):
        """Delegate to the iterator under the value on top until it returns."""
        send = self.new_block()
        exit_block = self.new_block()
        self.use_block(send)
        self.emit(op.SEND, exit_block)
        self.emit(op.YIELD_VALUE, 1)
        self.emit(op.JUMP, send)
        self.use_block(exit_block)

    # -- comprehensions ---------------------------------------------------------------

    def visit_ListComp(self, node):
        self.comprehension(node, "<listcomp>", op.BUILD_LIST, node.elt)

    def visit_SetComp(self, node):
        self.comprehension(node, "<setcomp>", op.BUILD_SET, node.elt)

    def visit_DictComp(self, node):
        self.comprehension(node, "<dictcomp>", op.BUILD_MAP, node.key, node.value)

    def visit_GeneratorExp(self, node):
        self.comprehension(node, "<genexpr>", None, node.elt)

    def comprehension(self, node, name, build_opcode, element, value=None):
        generator = self.nested_unit(COMPREHENSION_UNIT, name, node)
        unit = generator.unit
        scope = unit.scope
        is_async = scope.is_coroutine
        unit.argcount = 1
        unit.flags |= CO_OPTIMIZED | CO_NEWLOCALS
        if build_opcode is None:
            unit.flags |= CO_ASYNC_GENERATOR if is_async else CO_GENERATOR
        elif is_async:
            unit.flags |= CO_COROUTINE
            if not self.unit.is_async and not self.top_level_async() and \
                    self.unit.kind != COMPREHENSION_UNIT:
                raise self.error(
                    "asynchronous comprehension outside of an asynchronous function", node)
        unit.always_bound = {".0"}
        generator.position = _position_of(node)
        if build_opcode is not None:
            generator.emit(build_opcode, 0)
        generator.comprehension_generator(node.generators, 0, build_opcode, element, value)
        if build_opcode is None:
            generator.emit_const(None)
        generator.emit(op.RETURN_VALUE)
        self.make_closure(unit, 0)
        outermost = node.generators[0]
        self.visit(outermost.iter)
        self.emit(op.GET_AITER if outermost.is_async else op.GET_ITER)
        self.emit(op.CALL, 1)
        if is_async and build_opcode is not None:
            self.emit_await()

    def comprehension_generator(self, generators, depth, build_opcode, element, value):
        comprehension = generators[depth]
        start = self.new_block()
        if_cleanup = self.new_block()
        anchor = self.new_block()
        if depth == 0:
            self.emit(op.LOAD_FAST, self.unit.add_varname(".0"))
        else:
            self.visit(comprehension.iter)
            self.emit(op.GET_AITER if comprehension.is_async else op.GET_ITER)
        self.use_block(start)
        if comprehension.is_async:
            self.emit(op.SETUP_FINALLY, anchor)
            self.emit(op.GET_ANEXT)
            self.emit_const(None)
            self.emit_send_loop()
            self.emit(op.POP_BLOCK)
        else:
            self.emit(op.FOR_ITER, anchor)
        self.store_target(comprehension.target)
        for condition in comprehension.ifs:
            self.jump_if(condition, if_cleanup, False)
        if depth + 1 < len(generators):
            self.comprehension_generator(generators, depth + 1, build_opcode, element, value)
        else:
            stack_below = len(generators) + 1
            if build_opcode is None:
                self.visit(element)
                if self.unit.is_async:
                    self.emit(op.ASYNC_GEN_WRAP)
                self.emit(op.YIELD_VALUE, 0)
                self.emit(op.POP_TOP)
            elif build_opcode == op.BUILD_LIST:
                self.visit(element)
                self.emit(op.LIST_APPEND, stack_below)
            elif build_opcode == op.BUILD_SET:
                self.visit(element)
                self.emit(op.SET_ADD, stack_below)
            else:
                self.visit(element)
                self.visit(value)
                self.emit(op.MAP_ADD, stack_below)
        self.use_block(if_cleanup)
        self.emit(op.JUMP, start)
        self.use_block(anchor)
        if comprehension.is_async:
            self.emit(op.END_ASYNC_FOR)


def _has_annotations(body):
    """Whether a module or class body has an annotated name (it needs __annotations__)."""
    for statement in body:
        if isinstance(statement, ast.AnnAssign):
            return True
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if isinstance(inner, list) and not isinstance(
                    statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if _has_annotations(inner):
                    return True
        for handler in getattr(statement, "handlers", ()):
            if _has_annotations(handler.body):
                return True
        for case in getattr(statement, "cases", ()):
            if _has_annotations(case.body):
                return True
    return False


def _is_literal(node):
    """Whether ``is`` against this operand compares identity with a literal (likely a bug)."""
    return isinstance(node, ast.Constant) and not (
        node.value is None or node.value is True or node.value is False
        or node.value is Ellipsis)


def _is_non_empty_tuple(node):
    # The AST optimizer may already have folded the tuple into a constant.
    if isinstance(node, ast.Tuple):
        return bool(node.elts)
    return isinstance(node, ast.Constant) and isinstance(node.value, tuple) and bool(node.value)
