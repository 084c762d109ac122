# Checks: comprehension scoping: own scope, first iterable evaluated outside, class body access.
x = "outer"
result = [x for x in range(3)]
print(result, x)
data = [1, 2, 3]
print([data for data in data])


class Config:
    base = 10
    values = [base for _ in range(2)] if False else None
    names = ["a", "b"]
    upper = [name.upper() for name in names]
    try:
        broken = [base + n for n in range(2)]
    except NameError as error:
        message = str(error)


print(Config.upper, Config.message)


def function():
    local = 5
    return [local + n for n in range(3)], {n: local for n in range(2)}, sorted({local * n for n in range(2)})


print(function())
