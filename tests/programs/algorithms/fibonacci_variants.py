# Checks: Fibonacci numbers by iteration, memoised recursion, matrix power and a generator.
import functools


def iterative(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@functools.lru_cache(maxsize=None)
def memoised(n):
    return n if n < 2 else memoised(n - 1) + memoised(n - 2)


def matrix_power(n):
    def multiply(x, y):
        return [[x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]],
                [x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]]]
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n:
        if n & 1:
            result = multiply(result, base)
        base = multiply(base, base)
        n >>= 1
    return result[0][1]


def sequence():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


gen = sequence()
print([next(gen) for _ in range(20)])
print(iterative(200), memoised(200), matrix_power(200), iterative(200) == matrix_power(200))
