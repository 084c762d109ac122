"""N-body simulation of the Jovian planets (floating point, attribute-free lists)."""

import sys
import time

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

BODIES = [
    ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
    ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
     [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR], 9.54791938424326609e-04 * SOLAR_MASS),
    ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
     [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR], 2.85885980666130812e-04 * SOLAR_MASS),
    ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
     [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR], 4.36624404335156298e-05 * SOLAR_MASS),
    ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
     [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR], 5.15138902046611451e-05 * SOLAR_MASS),
]


def pairs(bodies):
    result = []
    for index, first in enumerate(bodies):
        for second in bodies[index + 1:]:
            result.append((first, second))
    return result


def advance(bodies, body_pairs, dt, steps):
    for _ in range(steps):
        for ((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2) in body_pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            magnitude = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1 = m1 * magnitude
            b2 = m2 * magnitude
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for position, velocity, _ in bodies:
            position[0] += dt * velocity[0]
            position[1] += dt * velocity[1]
            position[2] += dt * velocity[2]


def energy(bodies, body_pairs):
    total = 0.0
    for ((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2) in body_pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        total -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for position, (vx, vy, vz), mass in bodies:
        total += mass * (vx * vx + vy * vy + vz * vz) / 2.0
    return total


def main(steps):
    bodies = [([*p], [*v], m) for p, v, m in BODIES]
    body_pairs = pairs(bodies)
    before = energy(bodies, body_pairs)
    advance(bodies, body_pairs, 0.01, steps)
    return "%.9f %.9f" % (before, energy(bodies, body_pairs))


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    start = time.process_time()
    result = main(count)
    print(result)
    print("elapsed", time.process_time() - start)
