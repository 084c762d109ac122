# Checks: the = specifier in f-strings, with spaces, conversions and format specs.
x = 10
name = "pvm"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x * 2 + 1=}")
print(f"{name=!s} {name=}")
print(f"{x=:>5}|")
print(f"{items[0]=} {len(items)=}")
