# Checks: functions as values: passed, returned, stored in containers, higher-order helpers.
def apply_twice(function, value):
    return function(function(value))


def make_multiplier(factor):
    def multiply(value):
        return value * factor
    return multiply


operations = {"double": make_multiplier(2), "triple": make_multiplier(3), "neg": lambda x: -x}
for name in sorted(operations):
    print(name, operations[name](7), apply_twice(operations[name], 7))
print(list(map(make_multiplier(10), [1, 2, 3])), list(filter(None, [0, 1, "", "a"])))
pipeline = [str.strip, str.upper, lambda s: s + "!"]
text = "  hi  "
for step in pipeline:
    text = step(text)
print(text)
