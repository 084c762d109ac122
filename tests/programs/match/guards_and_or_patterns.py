# Checks: guards evaluated after binding, or-patterns binding the same names, guard side effects.
def classify(pair):
    match pair:
        case (x, y) if x == y:
            return "equal"
        case (x, y) if x > y:
            return "descending"
        case (0, n) | (n, 0):
            return f"has zero, other {n}"
        case (x, y):
            return "ascending"


print([classify(pair) for pair in [(1, 1), (3, 2), (0, 5), (-1, 0), (1, 2)]])
calls = []


def noted(value, result):
    calls.append(value)
    return result


match 5:
    case int() if noted("first guard", False):
        print("no")
    case 5 if noted("second guard", True):
        print("second case matched")
print(calls)
