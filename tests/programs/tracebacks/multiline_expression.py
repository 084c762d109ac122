# Checks: traceback for an exception in a call spanning several lines.
def combine(first, second, third):
    return first + second + third


total = combine(
    1,
    2,
    "three",
)
