# Checks: assert statements that pass, fail with messages, and message expressions evaluated lazily.
calls = []


def message():
    calls.append("evaluated")
    return "message"


assert True, message()
print(calls)
try:
    assert 1 == 2, message()
except AssertionError as error:
    print("AssertionError:", error, calls)
print("__debug__ is", __debug__)
