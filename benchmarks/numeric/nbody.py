"""N-body simulation of the Sun and the Jovian planets, over parallel lists of floats.

A tier 2 kernel: floats, lists of floats, math.sqrt, calls between module functions and
a tuple result. Run as `python3 nbody.py [STEPS]`; see benchmarks/numeric.py.
"""

import math
import sys
import time

KERNELS = ("copy_floats", "offset_momentum", "energy", "advance", "simulate")
STEPS = 100000  # CPython's kernel run: about half a second

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# Sun, Jupiter, Saturn, Uranus, Neptune: positions (AU), velocities (AU a day), masses.
XS = (0.0, 4.84143144246472090e+00, 8.34336671824457987e+00, 1.28943695621391310e+01,
      1.53796971148509165e+01)
YS = (0.0, -1.16032004402742839e+00, 4.12479856412430479e+00, -1.51111514016986312e+01,
      -2.59193146099879641e+01)
ZS = (0.0, -1.03622044471123109e-01, -4.03523417114321381e-01, -2.23307578892655734e-01,
      1.79258772950371181e-01)
VXS = (0.0, 1.66007664274403694e-03, -2.76742510726862411e-03, 2.96460137564761618e-03,
       2.68067772490389322e-03)
VYS = (0.0, 7.69901118419740425e-03, 4.99852801234917238e-03, 2.37847173959480950e-03,
       1.62824170038242295e-03)
VZS = (0.0, -6.90460016972063023e-05, 2.30417297573763929e-05, -2.96589568540237556e-05,
       -9.51592254519715870e-05)
MASSES = (1.0, 9.54791938424326609e-04, 2.85885980666130812e-04, 4.36624404335156298e-05,
          5.15138902046611451e-05)


def copy_floats(values, scale):
    result = [0.0] * len(values)
    for i in range(len(values)):
        result[i] = values[i] * scale
    return result


def offset_momentum(vxs, vys, vzs, masses):
    px = 0.0
    py = 0.0
    pz = 0.0
    for i in range(len(masses)):
        px += vxs[i] * masses[i]
        py += vys[i] * masses[i]
        pz += vzs[i] * masses[i]
    vxs[0] = -px / SOLAR_MASS
    vys[0] = -py / SOLAR_MASS
    vzs[0] = -pz / SOLAR_MASS


def energy(xs, ys, zs, vxs, vys, vzs, masses):
    total = 0.0
    count = len(masses)
    for i in range(count):
        total += 0.5 * masses[i] * (vxs[i] * vxs[i] + vys[i] * vys[i] + vzs[i] * vzs[i])
        for j in range(i + 1, count):
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]
            dz = zs[i] - zs[j]
            total -= masses[i] * masses[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return total


def advance(xs, ys, zs, vxs, vys, vzs, masses, dt, steps):
    count = len(masses)
    for _ in range(steps):
        for i in range(count):
            for j in range(i + 1, count):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                dz = zs[i] - zs[j]
                distance_squared = dx * dx + dy * dy + dz * dz
                magnitude = dt / (distance_squared * math.sqrt(distance_squared))
                mass_i = masses[i] * magnitude
                mass_j = masses[j] * magnitude
                vxs[i] -= dx * mass_j
                vys[i] -= dy * mass_j
                vzs[i] -= dz * mass_j
                vxs[j] += dx * mass_i
                vys[j] += dy * mass_i
                vzs[j] += dz * mass_i
        for i in range(count):
            xs[i] += dt * vxs[i]
            ys[i] += dt * vys[i]
            zs[i] += dt * vzs[i]


def simulate(xs, ys, zs, vxs, vys, vzs, masses, steps):
    """(energy before, energy after `steps` steps of 0.01 day); the arguments stay as
    they were, so that every run starts from the same state."""
    xs = copy_floats(xs, 1.0)
    ys = copy_floats(ys, 1.0)
    zs = copy_floats(zs, 1.0)
    vxs = copy_floats(vxs, DAYS_PER_YEAR)
    vys = copy_floats(vys, DAYS_PER_YEAR)
    vzs = copy_floats(vzs, DAYS_PER_YEAR)
    masses = copy_floats(masses, SOLAR_MASS)
    offset_momentum(vxs, vys, vzs, masses)
    before = energy(xs, ys, zs, vxs, vys, vzs, masses)
    advance(xs, ys, zs, vxs, vys, vzs, masses, 0.01, steps)
    return before, energy(xs, ys, zs, vxs, vys, vzs, masses)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else STEPS
    bodies = [list(XS), list(YS), list(ZS), list(VXS), list(VYS), list(VZS), list(MASSES)]
    print("energy before %r, after %r" % simulate(*bodies, steps))
    start = time.process_time()
    result = simulate(*bodies, steps)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("energy before %r, after %r" % result)


if __name__ == "__main__":
    main()
