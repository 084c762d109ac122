# Checks: SyntaxWarnings emitted while compiling the program go to stderr ("is" with a literal, calling a literal).
def check(value):
    if value is 5:
        return "five"
    return "other"


def never_called():
    return (1)(2)


print(check(5), check(6))
