"""The AST optimizer: folds constant expressions, never changing what a program does.

Folded: unary and binary operators on constants, tuples of constants, and
``__debug__`` (a constant that depends on -O).  A test that folds to a
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


def fold(tree, optimize):
    """Fold ``tree`` in place and return it."""
    _Folder(optimize).visit(tree)
    return tree


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
    if operator_type is ast.Mult:
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, bytes, tuple)) and isinstance(count, int):
                return count < 0 or len(sequence) * count <= _MAX_STRING_SIZE
    return True


class _Folder(ast.NodeTransformer):
    def __init__(self, optimize):
        self.optimize = optimize

    def visit_Name(self, node):
        if node.id == "__debug__" and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(value=not self.optimize), node)
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        operand = node.operand
        if not isinstance(operand, ast.Constant):
            return node
        try:
            value = _UNARY_FUNCTIONS[type(node.op)](operand.value)
        except Exception:
            return node
        if isinstance(node.op, ast.Invert) and isinstance(operand.value, bool):
            return node        # ~True is deprecated in later versions: leave the warning to run time
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

    def visit_Tuple(self, node):
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and node.elts and len(node.elts) <= _MAX_COLLECTION_SIZE \
                and all(isinstance(element, ast.Constant) for element in node.elts):
            return ast.copy_location(
                ast.Constant(value=tuple(element.value for element in node.elts)), node)
        return node
