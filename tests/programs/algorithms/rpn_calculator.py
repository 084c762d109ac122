# Checks: a reverse-Polish calculator using operator functions and error handling.
import operator

OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": pow}


def evaluate(expression):
    stack = []
    for token in expression.split():
        if token in OPERATORS:
            try:
                right, left = stack.pop(), stack.pop()
            except IndexError:
                raise ValueError(f"not enough operands for {token}") from None
            stack.append(OPERATORS[token](left, right))
        else:
            stack.append(float(token) if "." in token else int(token))
    if len(stack) != 1:
        raise ValueError(f"leftover stack {stack}")
    return stack[0]


for expression in ("3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 ^", "1 +", "1 2", "4 0 /", "1.5 2 *"):
    try:
        print(expression, "=>", evaluate(expression))
    except (ValueError, ZeroDivisionError) as error:
        print(expression, "=>", type(error).__name__, error)
