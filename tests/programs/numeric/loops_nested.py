# Checks: nested for loops: triangular counts, breaks out of the inner loop, sums
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def pairs_below(n):
    count = 0
    for i in range(n):
        for j in range(i):
            count += 1
    return count


def first_pair_with_product(n, target):
    for i in range(1, n):
        for j in range(i, n):
            if i * j == target:
                return i, j
            if i * j > target:
                break
    return -1, -1


def weighted_grid(n, m):
    total = 0.0
    for i in range(n):
        for j in range(m):
            total += (i + 1) / (j + 1)
    return total


show(pairs_below, 100)
show(pairs_below, 0)
show(first_pair_with_product, 50, 221)
show(first_pair_with_product, 50, 97)
show(weighted_grid, 20, 30)
