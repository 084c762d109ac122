# Checks: escape times of a small Mandelbrot grid, the points on the set's edge included
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for iteration in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return iteration
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def row(ci, size, limit):
    counts = [0] * size
    for x in range(size):
        counts[x] = escape_time(-2.0 + 2.5 * x / size, ci, limit)
    return counts


for y in range(8):
    show(row, -1.0 + 2.0 * y / 7, 24, 40)
show(escape_time, -2.0, 0.0, 1000)
show(escape_time, 0.25, 0.0, 1000)
show(escape_time, 0.2501, 0.0, 1000)
show(escape_time, float("nan"), 0.0, 10)
