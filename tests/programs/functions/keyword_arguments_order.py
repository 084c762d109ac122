# Checks: **kwargs preserves keyword order; argument evaluation order is left to right.
def record(*args, **kwargs):
    return list(kwargs)


print(record(z=1, a=2, m=3), record(**{"b": 1, "a": 2}, c=3))
order = []


def value(tag):
    order.append(tag)
    return tag


def function(*args, **kwargs):
    return args, kwargs


function(value("a"), *[value("b")], c=value("c"), **{"d": value("d")})
print(order)
