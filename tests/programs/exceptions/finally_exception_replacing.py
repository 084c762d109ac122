# Checks: an exception raised in finally replaces the original, which becomes its __context__.
try:
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
except KeyError as error:
    print(repr(error), repr(error.__context__))


def cleanup_fails():
    try:
        return "value"
    finally:
        raise RuntimeError("cleanup failed")


try:
    cleanup_fails()
except RuntimeError as error:
    print(repr(error), error.__context__)
