# Checks: lambda defaults evaluated at definition; lambdas in class bodies; lambda closures over loop cells.
class Calculator:
    factor = 3
    scale = staticmethod(lambda x, f=factor: x * f)


print(Calculator.scale(5))
functions = {}
for name in ("a", "b"):
    functions[name] = lambda suffix="": name + suffix
print(functions["a"](), functions["b"]("!"))
