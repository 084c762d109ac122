# Checks: an except* clause that handles the whole group and raises one new exception raises that exception itself, not a group of it (CPython's _PyExc_PrepReraiseStar), with the group as its context or cause; two new ones, or one with an unhandled rest, are grouped; found by test_except_star.
orig = ExceptionGroup("eg", [TypeError(1), ValueError(2)])
for use_from in (False, True):
    try:
        try:
            raise orig
        except* (TypeError, ValueError) as e:
            if use_from:
                raise SyntaxError(3) from e
            raise SyntaxError(3)
    except SyntaxError as error:
        print(repr(error), repr(error.__context__), repr(error.__cause__))
        print(error.__context__.__traceback__ is orig.__traceback__)
try:
    try:
        raise orig
    except* TypeError:
        raise KeyError(4)
except ExceptionGroup as group:
    print(repr(group))
try:
    try:
        raise orig
    except* TypeError:
        raise KeyError(5)
    except* ValueError:
        raise KeyError(6)
except ExceptionGroup as group:
    print(repr(group))
try:
    try:
        raise ValueError(7)
    except* ValueError:
        raise KeyError(8)
except KeyError as error:
    print(repr(error), repr(error.__context__))
