# Checks: groups derived from a raised group (split's two parts, subgroup, except*'s matched and unmatched parts, nested groups inside them) share the original's __traceback__ object, as CPython's derived groups do; found by test_except_star's metadata checks.
def raise_group():
    raise ExceptionGroup("eg", [ValueError(1), OSError(2),
                                ExceptionGroup("inner", [KeyError(3), OSError(4)])])


try:
    raise_group()
except ExceptionGroup as group:
    caught = group

match, rest = caught.split(OSError)
print(match.__traceback__ is caught.__traceback__, rest.__traceback__ is caught.__traceback__)
inner = caught.exceptions[2]
print(match.exceptions[1].__traceback__ is inner.__traceback__,
      rest.exceptions[1].__traceback__ is inner.__traceback__)
sub = caught.subgroup(lambda leaf: isinstance(leaf, KeyError))
print(sub.__traceback__ is caught.__traceback__, sub.exceptions[0].__traceback__ is inner.__traceback__)
print(caught.subgroup(lambda leaf: True) is caught)

orig = ExceptionGroup("eg", [ValueError(1), OSError(2)])
try:
    try:
        raise orig
    except* OSError as e:
        print(e.__traceback__ is orig.__traceback__)
        raise TypeError(3)
except ExceptionGroup as e:
    exc = e
context = exc.exceptions[0].__context__
print(repr(context), context.__traceback__ is orig.__traceback__)
print(exc.exceptions[1].__traceback__ is orig.__traceback__)
print(exc.__traceback__ is orig.__traceback__)

# The derived part raised again grows its own traceback, not the original's.
try:
    try:
        raise orig
    except* ValueError:
        pass
except ExceptionGroup as e:
    again = e
print(again.__traceback__ is orig.__traceback__, again.__traceback__.tb_next is None)
