# Checks: memoisation through a closure-held dict, with recursion through the decorated name.
def memoise(function):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = function(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper


@memoise
def paths(rows, columns):
    if rows == 1 or columns == 1:
        return 1
    return paths(rows - 1, columns) + paths(rows, columns - 1)


print(paths(10, 10), paths(17, 17), len(paths.cache))
