# Checks: the global name math rebound to another object between calls, then restored
# python-options: -X tier=2 -X jit-threshold=0

import math

def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

import types


def root(x):
    return math.sqrt(x)


def norm(a, b):
    return math.sqrt(a * a + b * b)


real_math = math
show(root, 16.0)
show(norm, 3.0, 4.0)
math = types.SimpleNamespace(sqrt=lambda x: -x)
show(root, 16.0)
show(norm, 3.0, 4.0)
math = real_math
show(root, 16.0)
math = None
show(root, 16.0)
math = real_math
show(norm, 5, 12)
