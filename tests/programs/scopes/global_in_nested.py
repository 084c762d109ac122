# Checks: global declared in a nested function, and a nested function reading a global with the same name as an outer local.
value = "global value"


def outer():
    value = "outer local"

    def uses_global():
        global value
        value = "rebound global"
        return value

    def uses_enclosing():
        return value
    return uses_global(), uses_enclosing(), value


print(outer(), value)
