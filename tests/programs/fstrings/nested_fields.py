# Checks: nested replacement fields inside format specs and expressions.
width = 10
precision = 3
value = 3.14159265
align = "^"
print(f"|{value:{width}.{precision}f}|")
print(f"|{'mid':{align}{width}}|")
print(f"|{value:{'>' if value > 3 else '<'}{width + 2}.{precision - 1}f}|")
items = {"a": [1, 2, 3]}
print(f"{items['a'][1]} {len(items)} {', '.join(str(x) for x in items['a'])}")
print(f"{f'{value:.1f}':>8}")
