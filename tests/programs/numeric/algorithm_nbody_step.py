# Checks: a few steps of a three-body simulation over parallel float lists, energies printed
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def energy(xs, vs, masses):
    total = 0.0
    for i in range(len(xs)):
        total += 0.5 * masses[i] * vs[i] * vs[i]
        for j in range(i + 1, len(xs)):
            total -= masses[i] * masses[j] / abs(xs[i] - xs[j])
    return total


def advance(xs, vs, masses, dt, steps):
    n = len(xs)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                distance = xs[i] - xs[j]
                magnitude = dt / (distance * distance * abs(distance))
                vs[i] -= distance * masses[j] * magnitude
                vs[j] += distance * masses[i] * magnitude
        for i in range(n):
            xs[i] += dt * vs[i]
    return energy(xs, vs, masses)


xs = [0.0, 1.0, -2.5]
vs = [0.0, 0.3, -0.1]
masses = [10.0, 1.0, 0.5]
show(energy, xs, vs, masses)
show(advance, xs, vs, masses, 0.001, 200)
show(advance, xs, vs, masses, 0.001, 200)
print(xs, vs)
show(advance, [0.0, 0.0], [0.0, 0.0], [1.0, 1.0], 0.1, 1)
