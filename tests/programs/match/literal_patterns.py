# Checks: literal patterns: ints, strings, None, True/False, negative and complex numbers.
def describe(value):
    match value:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case 2 + 3j:
            return "complex"
        case b"raw":
            return "bytes"
        case _:
            return "other"


for value in (0, -1, 2, "hello", None, True, 1.0, 2 + 3j, b"raw", False, "x"):
    print(repr(value), describe(value))
