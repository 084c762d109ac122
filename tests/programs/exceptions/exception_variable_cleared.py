# Checks: the `as` name is deleted at the end of the except block, even if it shadowed a variable.
error = "before"
try:
    raise ValueError("x")
except ValueError as error:
    print("inside", repr(error))
print("error" in dir())


def local_version():
    caught = 1
    try:
        raise KeyError
    except KeyError as caught:
        pass
    try:
        return caught
    except UnboundLocalError as problem:
        return f"UnboundLocalError: {problem}"


print(local_version())
