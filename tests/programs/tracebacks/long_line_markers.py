# Checks: traceback markers under a long expression with several operations on one line.
first, second, third = 10, 0, 3
result = (first * 2) + (third - 1) // (second * 5) + first ** 2
