# python-options: -O
# Checks: the same failing assert under -O does not fail; the program continues to a later error.
values = [3, 1, 2]
assert values == sorted(values)
print("passed the assert")
raise SystemExit(values[0])
