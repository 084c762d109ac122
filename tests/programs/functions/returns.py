# Checks: return values: implicit None, multiple values, early return in loops.
def nothing():
    pass


def bare():
    return


def several():
    return 1, "two", [3]


def first_negative(values):
    for value in values:
        if value < 0:
            return value
    return None


print(nothing(), bare(), several(), first_negative([3, -2, -5]), first_negative([]))
a, b, c = several()
print(a, b, c)
