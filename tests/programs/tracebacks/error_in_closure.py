# Checks: traceback through a closure returned by a factory function (the frame is named after the inner function).
def make_divider(divisor):
    def divide(value):
        return value / divisor
    return divide


halve = make_divider(2)
print(halve(10))
broken = make_divider(0)
print(broken(10))
