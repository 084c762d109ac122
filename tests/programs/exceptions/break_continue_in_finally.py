# Checks: break and continue inside finally, and break/continue through try/finally.
def break_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return f"broke at {i}"


def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            seen.append(i)
        finally:
            continue
    return seen


def finally_on_break():
    log = []
    for i in range(5):
        try:
            if i == 2:
                break
            log.append(i)
        finally:
            log.append(f"finally {i}")
    return log


def finally_on_continue():
    log = []
    for i in range(3):
        try:
            if i % 2:
                continue
            log.append(i)
        finally:
            log.append("f")
    return log


print(break_swallows(), continue_in_finally(), finally_on_break(), finally_on_continue())
