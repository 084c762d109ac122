# Checks: AssertionError with and without messages, caught and inspected.
for value in (1, 0):
    try:
        assert value, f"value was {value}"
        print("assert passed for", value)
    except AssertionError as error:
        print("AssertionError:", error, error.args)
try:
    assert [] 
except AssertionError as error:
    print("empty message:", repr(error))
