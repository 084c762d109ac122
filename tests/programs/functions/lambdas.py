# Checks: lambda expressions: defaults, closures, immediately called, in sort keys.
square = lambda x: x * x
add = lambda a, b=10, *rest, **named: a + b + sum(rest) + sum(named.values())
print(square(7), add(1), add(1, 2, 3, 4, z=5), (lambda: "called")())
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda pair: pair[1]), max(pairs, key=lambda p: -p[0]))
print(square.__name__, (lambda: 0).__qualname__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
