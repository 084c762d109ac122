# Checks: Gaussian elimination with partial pivoting on flat float lists (singular and not)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def determinant(matrix, n):
    a = [0.0] * (n * n)
    for i in range(n * n):
        a[i] = matrix[i] * 1.0
    result = 1.0
    for column in range(n):
        pivot = column
        for row in range(column + 1, n):
            if abs(a[row * n + column]) > abs(a[pivot * n + column]):
                pivot = row
        if a[pivot * n + column] == 0.0:
            return 0.0
        if pivot != column:
            for k in range(n):
                a[column * n + k], a[pivot * n + k] = a[pivot * n + k], a[column * n + k]
            result = -result
        result *= a[column * n + column]
        for row in range(column + 1, n):
            factor = a[row * n + column] / a[column * n + column]
            for k in range(column, n):
                a[row * n + k] -= factor * a[column * n + k]
    return result


def hilbert(n):
    values = [0.0] * (n * n)
    for i in range(n):
        for j in range(n):
            values[i * n + j] = 1.0 / (i + j + 1)
    return values


show(determinant, [2, 0, 0, 3], 2)
show(determinant, [1, 2, 2, 4], 2)
show(determinant, [0.0, 1.0, 1.0, 0.0], 2)
show(determinant, [1e300, 1e300, -1e300, 1e300], 2)
for n in [3, 5, 8]:
    show(determinant, hilbert(n), n)
