# Checks: nested try statements inside loops and functions, with re-raising at each level.
def level(depth):
    try:
        if depth == 0:
            raise ValueError("bottom")
        return level(depth - 1)
    except ValueError as error:
        if depth < 2:
            raise ValueError(f"{error} <- {depth}") from error
        return f"handled at {depth}: {error}"
    finally:
        print("finally at depth", depth)


print(level(3))
results = []
for value in ["1", "x", "3", None]:
    try:
        try:
            results.append(int(value))
        except ValueError:
            results.append("bad")
            raise
    except ValueError:
        results.append("outer saw ValueError")
    except TypeError as error:
        results.append(f"TypeError: {error}")
print(results)
