# Checks: functions returning tuples; callers unpacking them inside numeric functions
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def divide(a, b):
    return a // b, a % b


def min_max_mean(values):
    low = values[0]
    high = values[0]
    total = 0.0
    for value in values:
        low = min(low, value)
        high = max(high, value)
        total += value
    return low, high, total / len(values)


def spread(values):
    low, high, mean = min_max_mean(values)
    return high - low, mean


def digits_of(n, base):
    count = 0
    total = 0
    while n > 0:
        n, digit = divide(n, base)
        total += digit
        count += 1
    return count, total


show(divide, 17, 5)
show(divide, -17, 5.0)
show(min_max_mean, [3, 1.5, 2**60])
show(spread, [1.0, -2.0, 4.0])
show(spread, [])
show(digits_of, 2**64, 10)
show(digits_of, 255, 2)
