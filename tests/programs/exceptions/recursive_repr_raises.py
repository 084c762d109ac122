# Checks: a __repr__ (or __str__, __format__) that calls repr(self) again raises RecursionError, which the program catches, also after sys.setrecursionlimit; host code that looks __repr__ up must not swallow the error and fall back to object's repr.
import sys


class Again:
    def __repr__(self):
        return repr(self)

    def __str__(self):
        return str(self)

    def __format__(self, spec):
        return format(self, spec)


class Formatted:
    def __repr__(self):
        return "Formatted(%r)" % (self,)


def outcome(function, value):
    try:
        return "returned %s" % type(function(value)).__name__
    except RecursionError:
        return "RecursionError"


for limit in (None, 300, 2500):
    if limit is not None:
        sys.setrecursionlimit(limit)
    print(limit, outcome(repr, Again()), outcome(str, Again()),
          outcome(format, Again()), outcome(repr, Formatted()),
          outcome(lambda value: f"{value!r}", Again()))
