# Checks: del of local variables in functions and loops, and re-binding after del.
def process():
    temporary = [1, 2, 3]
    total = sum(temporary)
    del temporary
    temporary = "rebound"
    return total, temporary


print(process())
values = list(range(10))
while values:
    del values[:3]
    print(values)
