# Checks: functools.reduce with guest functions and initial values; functools.partial and partialmethod.
import functools
import operator

print(functools.reduce(lambda acc, x: acc * x, range(1, 8)), functools.reduce(operator.add, [[1], [2], [3]], []))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as error:
    print("TypeError:", error)


def power(base, exponent, *, modulo=None):
    return pow(base, exponent, modulo)


square = functools.partial(power, exponent=2)
cube_mod = functools.partial(power, exponent=3, modulo=7)
print(square(5), cube_mod(4), square.func is power, square.keywords)


class Light:
    def set(self, state):
        self.state = state
        return state

    turn_on = functools.partialmethod(set, True)
    turn_off = functools.partialmethod(set, False)


light = Light()
print(light.turn_on(), light.state, light.turn_off())
