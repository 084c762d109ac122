# Checks: while loops with break and continue: Collatz lengths, digit sums, Newton steps
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def odd_digit_sum(n):
    total = 0
    while n > 0:
        digit = n % 10
        n //= 10
        if digit % 2 == 0:
            continue
        total += digit
    return total


def newton_root(x):
    guess = x
    while True:
        better = 0.5 * (guess + x / guess)
        if abs(better - guess) < 1e-15 * better:
            break
        guess = better
    return better


for n in [1, 7, 27, 97, 871, 2**64 + 1]:
    show(collatz_steps, n)
for n in [0, 13579, 2**64, 10**30 - 1]:
    show(odd_digit_sum, n)
for x in [2.0, 1e10, 1e-10, 3]:
    show(newton_root, x)
