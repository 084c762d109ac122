# Checks: int, float, abs, round, min and max of bools
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def conversions(flag):
    return int(flag), float(flag), abs(flag), round(flag), -flag


def mixed_extremes(flag, number):
    return min(flag, number), max(flag, number), min(number, flag), max(number, flag)


for flag in [True, False]:
    show(conversions, flag)
    for number in [0, 1, 0.0, 1.0, 0.5]:
        show(mixed_extremes, flag, number)
