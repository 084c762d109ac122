# Checks: ExceptionGroup.subgroup, split, derive, and BaseExceptionGroup vs ExceptionGroup.
group = ExceptionGroup("errors", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3)])])
print(repr(group.subgroup(ValueError)))
match, rest = group.split(TypeError)
print(repr(match), repr(rest))
print(repr(group.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("e", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as error:
    print("ValueError:", error)
print(str(group), len(group.exceptions))
