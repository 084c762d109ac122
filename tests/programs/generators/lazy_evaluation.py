# Checks: lazy evaluation with generators: only the needed elements are computed.
computed = []


def expensive(n):
    computed.append(n)
    return n * n


squares = (expensive(n) for n in range(1000000))
first_big = next(value for value in squares if value > 50)
print(first_big, computed)
words = iter(["alpha", "beta", "gamma", "delta"])
print(any(word.startswith("b") for word in words), list(words))
