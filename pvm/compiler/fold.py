"""The AST optimizer: folds constant expressions, never changing what a program does.

Folded: unary and binary operators on constants, tuples of constants, a constant
subscripted by a constant (``"abc"[-1]``), ``not`` of a single ``is``/``in`` comparison
(``not (a is b)`` becomes ``a is not b``), and ``__debug__`` (a constant that depends
on -O).  These are CPython 3.11's foldings: the compiler's checks run on the folded tree
(``"abc"[-1] is x`` warns, as it compares with the literal "c").  A test that folds to a
constant (``if 0:``, ``while 1:``) becomes an unconditional jump in code
generation, and the block optimizer drops the branch it makes dead.

Not folded: anything that raises (1/0 stays for run time), results too big
to be worth storing (long strings, huge ints), and operations involving
floats whose sign or NaN-ness would be lost in a constant.
"""

import ast
import operator

_MAX_COLLECTION_SIZE = 256
_MAX_STRING_SIZE = 4096
_MAX_INT_BITS = 128

_BINARY_FUNCTIONS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
    ast.BitOr: operator.or_, ast.BitXor: operator.xor, ast.BitAnd: operator.and_,
}
_UNARY_FUNCTIONS = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert,
                    ast.Not: operator.not_}
# The comparisons whose negation is another operator.  Not the orderings: sets use them
# for subsets, where not (a < b) is not a >= b; nor == and !=, which classes may define
# in terms of each other.
_NEGATED_COMPARISONS = {ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn,
                        ast.NotIn: ast.In}


class FoldedTree:
    """The folded tree, and what the walk learnt on the way."""

    def __init__(self, tree, deleted_names):
        self.tree = tree
        self.deleted_names = deleted_names    # every name a ``del`` statement unbinds


def fold(tree, optimize):
    """Fold ``tree`` in place; return it as a ``FoldedTree``."""
    folder = _Folder(optimize)
    folder.visit(tree)
    return FoldedTree(tree, folder.deleted_names)


def _small_enough(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() <= _MAX_INT_BITS
    if isinstance(value, (str, bytes)):
        return len(value) <= _MAX_STRING_SIZE
    if isinstance(value, tuple):
        return len(value) <= _MAX_COLLECTION_SIZE and all(_small_enough(item) for item in value)
    return True


def _safe_operands(left, right, operator_type):
    # Refuse operations whose cost is out of proportion to their inputs.
    if operator_type is ast.Pow and isinstance(right, int) and isinstance(left, int):
        return 0 <= right <= 128 and abs(left) < (1 << 64)
    if operator_type is ast.LShift and isinstance(right, int):
        return 0 <= right <= _MAX_INT_BITS
    if operator_type is ast.Mod and isinstance(left, (str, bytes)):
        # CPython's folder leaves string formatting alone (a width can make it
        # arbitrarily large and slow, '%*d' % (10**10, 1)).
        return False
    if operator_type is ast.Mult:
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, bytes, tuple)) and isinstance(count, int):
                return count < 0 or len(sequence) * count <= _MAX_STRING_SIZE
    return True


class _Folder:
    """One walk over the tree, children first, replacing foldable nodes."""

    def __init__(self, optimize):
        self.optimize = optimize
        self.deleted_names = set()
        self.methods = {}

    def visit(self, node):
        node_class = node.__class__
        method = self.methods.get(node_class)
        if method is None:
            method = self.methods[node_class] = getattr(self, "visit_" + node_class.__name__,
                                                        self.visit_children)
        return method(node)

    def visit_children(self, node):
        visit = self.visit
        for field in node._fields:
            value = getattr(node, field)
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        replacement = visit(item)
                        if replacement is not item:
                            value[index] = replacement
            elif isinstance(value, ast.AST):
                replacement = visit(value)
                if replacement is not value:
                    setattr(node, field, replacement)
        return node

    generic_visit = visit_children

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Del):
            self.deleted_names.add(node.id)
        elif node.id == "__debug__" and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(value=not self.optimize), node)
        return node

    def visit_Constant(self, node):
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        operand = node.operand
        if not isinstance(operand, ast.Constant):
            if isinstance(node.op, ast.Not) and isinstance(operand, ast.Compare) \
                    and len(operand.ops) == 1:
                negated = _NEGATED_COMPARISONS.get(type(operand.ops[0]))
                if negated is not None:
                    operand.ops[0] = negated()
                    return operand
            return node
        try:
            value = _UNARY_FUNCTIONS[type(node.op)](operand.value)
        except Exception:
            return node
        if isinstance(node.op, ast.Invert) and isinstance(operand.value, bool):
            # ~True is deprecated in later versions: leave the warning to run time.
            return node
        return ast.copy_location(ast.Constant(value=value), node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        left, right = node.left, node.right
        if not (isinstance(left, ast.Constant) and isinstance(right, ast.Constant)):
            return node
        operator_type = type(node.op)
        if operator_type not in _BINARY_FUNCTIONS:
            return node
        if not _safe_operands(left.value, right.value, operator_type):
            return node
        try:
            value = _BINARY_FUNCTIONS[operator_type](left.value, right.value)
        except Exception:
            return node
        if not _small_enough(value):
            return node
        return ast.copy_location(ast.Constant(value=value), node)

    def visit_Subscript(self, node):
        self.generic_visit(node)
        container, index = node.value, node.slice
        if not (isinstance(node.ctx, ast.Load) and isinstance(container, ast.Constant)
                and isinstance(index, ast.Constant)):
            return node
        try:
            value = container.value[index.value]
        except Exception:
            return node
        return ast.copy_location(ast.Constant(value=value), node)

    def visit_Tuple(self, node):
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and len(node.elts) <= _MAX_COLLECTION_SIZE \
                and all(isinstance(element, ast.Constant) for element in node.elts):
            return ast.copy_location(
                ast.Constant(value=tuple(element.value for element in node.elts)), node)
        return node
