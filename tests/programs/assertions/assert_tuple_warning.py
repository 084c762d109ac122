# Checks: assert with a tuple is always true and the compiler warns about it on stderr.
assert (False, "a tuple is truthy")
print("the tuple assert passed")
