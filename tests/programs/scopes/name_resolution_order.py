# Checks: LEGB name resolution: local, enclosing, global, builtin.
len = "global len shadows builtin"


def outer():
    len = "enclosing len"

    def inner():
        return len
    return inner()


def uses_local():
    len = "local len"
    return len


def uses_global():
    return len


del len


def uses_builtin():
    return len("abc")


print(outer(), uses_local(), uses_builtin())
