# Checks: sequence patterns: fixed length, star captures, nested sequences; str is not a sequence here.
def shape(value):
    match value:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"


for value in ([], [1], (1, 2), [1, 2, 3, 4], range(5), "abc", {"a": 1}, iter([1])):
    print(repr(value) if not hasattr(value, "__next__") else "iterator", "->", shape(value))


def nested(value):
    match value:
        case [(x, y), [*rest]]:
            return x, y, rest
        case [*_, [_, *_]]:
            return "ends with a non-empty list"
    return "no match"


print(nested([(1, 2), [3, 4]]), nested([0, [1]]), nested([0, []]))
