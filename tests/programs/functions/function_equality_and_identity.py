# Checks: functions compare by identity; functions are hashable dictionary keys and set members.
def first():
    return 1


def second():
    return 1


handlers = {first: "first", second: "second"}
print(handlers[first], first == first, first == second, first in {first, second}, len({first, first}))
alias = first
print(alias is first, alias.__name__, sorted(f.__name__ for f in handlers))
