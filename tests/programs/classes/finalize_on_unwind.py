# Checks: values a frame was computing with are released when an exception leaves the frame, not when the exception (whose traceback holds the frame) goes away.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalising", self.name)


def fails_mid_expression():
    return [Noisy("on the stack"), 1 / 0]


try:
    fails_mid_expression()
except ZeroDivisionError as error:
    print("caught", type(error).__name__)
print("after the handler")


def generator_fails():
    yield [Noisy("in a generator's stack"), 1 / 0]


try:
    next(generator_fails())
except ZeroDivisionError:
    print("caught from the generator")
