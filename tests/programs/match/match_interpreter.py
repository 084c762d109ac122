# Checks: a tiny expression evaluator built on nested class and sequence patterns.
import dataclasses


@dataclasses.dataclass
class Num:
    value: int


@dataclasses.dataclass
class BinOp:
    op: str
    left: object
    right: object


@dataclasses.dataclass
class Neg:
    operand: object


def evaluate(node):
    match node:
        case Num(value):
            return value
        case Neg(Neg(inner)):
            return evaluate(inner)
        case Neg(operand):
            return -evaluate(operand)
        case BinOp("+", left, right):
            return evaluate(left) + evaluate(right)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp("*", left, right):
            return evaluate(left) * evaluate(right)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op}")


tree = BinOp("+", Num(2), BinOp("*", Neg(Neg(Num(3))), Num(4)))
print(evaluate(tree), evaluate(BinOp("*", Num(0), BinOp("/", Num(1), Num(0)))))
try:
    evaluate(BinOp("/", Num(1), Num(2)))
except ValueError as error:
    print("ValueError:", error)
