# Checks: math module functions, constants and errors.
import math

print(math.pi, math.e, math.tau, math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.isqrt(99), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.pow(2, 10))
print(math.sin(math.pi / 2), math.cos(0), round(math.tan(math.pi / 4), 10), math.atan2(1, 1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.copysign(3, -0.0))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.isclose(1.0, 1.0 + 1e-10))


class Roundable:
    def __floor__(self):
        return "custom floor"

    def __ceil__(self):
        return "custom ceil"


print(math.floor(Roundable()), math.ceil(Roundable()))
for attempt in (lambda: math.log(0), lambda: math.factorial(-1), lambda: math.sqrt(-4)):
    try:
        attempt()
    except ValueError as error:
        print("ValueError:", error)
try:
    math.exp(1000)
except OverflowError as error:
    print("OverflowError:", error)
