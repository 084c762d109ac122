# Checks: or-patterns of sequences with the same capture names in different positions.
def normalise(point):
    match point:
        case (x, y) | [x, y] | {"x": x, "y": y}:
            return (x, y)
        case (x, y, _) | (x, y, _, _):
            return (x, y)
        case x if isinstance(x, (int, float)):
            return (x, 0)
    return None


print([normalise(p) for p in [(1, 2), [3, 4], {"x": 5, "y": 6}, (7, 8, 9), 10, "bad"]])
