# Checks: and/or/not short-circuiting and the values they return.
log = []


def truthy(tag, result):
    log.append(tag)
    return result


print(truthy("a", 0) and truthy("b", 1), log)
log.clear()
print(truthy("a", 2) and truthy("b", 3), log)
log.clear()
print(truthy("a", "") or truthy("b", []) or truthy("c", "x"), log)
log.clear()
print(truthy("a", 1) or truthy("b", 1), log)
print(0 or None, [] and 1, "x" and "y", not 0, not "a", not not [1])
print(1 and 2 or 3, 0 and 2 or 3, None or 0 or "", (1 or 2) and (0 or None))
x = 5
print(x > 3 and "big" or "small", x < 3 and "big" or "small")
if not (x < 0 or x > 10) and x != 4:
    print("in range")
