"""pvm's compiler: source to ``pvm.Code``, as the pipeline CPython runs.

    compile(source) = assemble(optimize_blocks(generate(fold(symtable(parse(source))))))

``fold`` is the AST optimizer, ``codegen`` makes a graph of basic blocks per
code object, ``optimize_blocks`` simplifies the graph, ``assembler`` lays it
out as a ``Code``.
"""

import ast
import os

from pvm import symtable
from pvm.compiler import assembler, codegen, optimize_blocks
from pvm.code import CO_NESTED, Code, PyCF_MASK
from pvm.compiler.fold import fold
from pvm.parser import parse

__all__ = ["compile", "PyCF_ONLY_AST", "PyCF_ALLOW_TOP_LEVEL_AWAIT"]

PyCF_ONLY_AST = ast.PyCF_ONLY_AST
PyCF_ALLOW_TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
PyCF_TYPE_COMMENTS = ast.PyCF_TYPE_COMMENTS
# codeop's flags (not in the ast module): they let a compile tell incomplete input.
PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000
_MODES = ("exec", "eval", "single")


class Compiler:
    """The state shared by the code generators of one compilation."""

    def __init__(self, folded, filename, flags, optimize):
        tree = folded.tree
        self.filename = filename
        self.optimize = optimize
        self.top_level_await = bool(flags & PyCF_ALLOW_TOP_LEVEL_AWAIT)
        self.top_scope = symtable.build(tree, filename, flags)
        self.future_features = self.top_scope.future_features
        # Given to compile() or turned on by the source, the future features mark
        # every code object compiled.
        self.future_flags = flags & PyCF_MASK
        for name in self.future_features:
            self.future_flags |= symtable.FUTURE_FLAGS[name]
        self.future_lineno = self.top_scope.future_lineno
        self.scopes = symtable.scopes_by_node(self.top_scope)
        # A parameter never deleted anywhere is always bound: its loads need no check.
        self.deleted_names = folded.deleted_names

    def compile_tree(self, tree, mode):
        unit = codegen.Unit(codegen.MODULE_UNIT, "<module>", "<module>", self.top_scope,
                            self.filename, 1)
        generator = codegen.CodeGenerator(self, unit)
        if mode == "eval":
            generator.compile_expression(tree)
        else:
            generator.compile_module(tree, interactive=(mode == "single"))
        return self.assemble(unit)

    def assemble(self, unit):
        optimize_blocks.optimize(unit.graph)
        unit.flags |= self.future_flags
        return assembler.assemble(unit)


def compile(source: str | bytes | ast.AST, filename: str | bytes | os.PathLike = "<unknown>",
            mode: str = "exec", flags: int = 0, dont_inherit: bool = False,
            optimize: int = -1) -> Code | ast.AST:
    """Compile ``source`` (str, bytes or an AST) into a ``pvm.Code``, like the builtin."""
    # Checked before the mode, as the builtin does (CO_NESTED, obsolete, is let by).
    if flags & ~(PyCF_MASK | CO_NESTED | PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT
                 | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT):
        raise ValueError("compile(): unrecognised flags")
    if not -1 <= optimize <= 2:
        raise ValueError("compile(): invalid optimize value")
    if mode not in _MODES:
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if optimize == -1:
        import sys
        optimize = sys.flags.optimize
    if isinstance(source, ast.AST):
        tree = _copy_tree(source)
    else:
        tree = parse(source, filename, mode,
                     type_comments=bool(flags & PyCF_TYPE_COMMENTS),
                     allow_incomplete_input=bool(flags & PyCF_ALLOW_INCOMPLETE_INPUT),
                     dont_imply_dedent=bool(flags & PyCF_DONT_IMPLY_DEDENT))
    if flags & PyCF_ONLY_AST:
        return tree
    folded = fold(tree, optimize)
    compiler = Compiler(folded, filename, flags, optimize)
    return compiler.compile_tree(tree, mode)


def _copy_tree(tree):
    # Folding changes the tree; the caller's tree must stay as it was.
    import copy
    return copy.deepcopy(tree)
