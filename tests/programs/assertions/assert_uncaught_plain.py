# Checks: a failing assert without a message: traceback ends with a bare AssertionError.
values = [3, 1, 2]
assert values == sorted(values)
