# Checks: a linear congruential generator in ints (no overflow past 2**62) driving a float walk
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def walk(seed, steps):
    state = seed
    position = 0.0
    furthest = 0.0
    for _ in range(steps):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        step = (state >> 11) / 2.0**53 - 0.5
        position += step
        furthest = max(furthest, abs(position))
    return state, position, furthest


for seed, steps in [(0, 10), (1, 1000), (2**63, 500), (12345, 3000)]:
    show(walk, seed, steps)
