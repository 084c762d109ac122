# Checks: the longest Collatz chain below a limit; chain peaks beyond 32 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def chain(n):
    steps = 0
    peak = n
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        peak = max(peak, n)
        steps += 1
    return steps, peak


def longest_below(limit):
    best = 1
    best_steps = 0
    for n in range(1, limit):
        steps, _ = chain(n)
        if steps > best_steps:
            best = n
            best_steps = steps
    return best, best_steps


show(longest_below, 3000)
show(chain, 77031)
show(chain, 2**64 - 1)
