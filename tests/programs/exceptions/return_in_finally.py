# Checks: return inside finally overrides a return or swallows an exception; finally runs after return.
def overrides():
    try:
        return "try"
    finally:
        return "finally"


def swallows():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"


def runs_after_return():
    log = []
    try:
        return log
    finally:
        log.append("finally ran")


def return_value_computed_first():
    x = 1
    try:
        return x
    finally:
        x = 2


print(overrides(), swallows(), runs_after_return(), return_value_computed_first())
