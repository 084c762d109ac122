# Checks: positional-only parameters and the errors for passing them by keyword.
def power(base, exponent=2, /, *, modulo=None):
    return pow(base, exponent, modulo)


print(power(3), power(3, 3), power(3, 3, modulo=5))
try:
    power(base=3)
except TypeError as error:
    print("TypeError:", error)


def mixed(a, b, /, c, d=4, *, e):
    return a, b, c, d, e


print(mixed(1, 2, 3, e=5), mixed(1, 2, c=3, d=0, e=5))


def names_reusable(name, /, **options):
    return name, options


print(names_reusable("x", name="y"))
try:
    mixed(1, 2, 3, 4, 5)
except TypeError as error:
    print("TypeError:", error)
