# Checks: match subjects that are tuples without parentheses, calls, and match/case used as ordinary names.
match = "soft keyword used as a variable"
case = [1, 2]
print(match, case)


def point():
    return 3, 4


match point():
    case (3, y):
        print("y is", y)
match 1, 2:
    case (a, b):
        print("tuple subject", a, b)
match case:
    case [1, *rest]:
        print("rest", rest)
