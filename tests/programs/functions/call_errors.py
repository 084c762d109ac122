# Checks: TypeError messages for wrong calls.
def two(a, b):
    return a + b


def kw(*, name):
    return name


number = 5


class Thing:
    def method(self, x):
        return x


for attempt in (lambda: two(1), lambda: two(1, 2, 3), lambda: two(1, c=2), lambda: two(1, a=2),
                lambda: kw("x"), lambda: kw(), lambda: Thing().method(), lambda: Thing().method(1, 2),
                lambda: number(), lambda: number(1), lambda: len(1, 2), lambda: Thing(1)):
    try:
        attempt()
    except TypeError as error:
        print("TypeError:", error)
