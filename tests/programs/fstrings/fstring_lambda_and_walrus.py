# Checks: lambdas and assignment expressions inside f-strings (they need parentheses).
numbers = [3, 1, 2]
print(f"{(lambda xs: sorted(xs))(numbers)}")
print(f"{(total := sum(numbers))} then {total * 2}")
print(f"{'nested ' + f'{total:>4}'!r}")
