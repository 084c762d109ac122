# Checks: docstrings on modules, functions and classes; string first statements only.
"""Module docstring."""


def documented():
    """Function docstring."""


def not_documented():
    x = 1
    "not a docstring"
    return x


class Documented:
    """Class docstring."""

    def method(self):
        """Method docstring."""


print(__doc__, documented.__doc__, not_documented.__doc__, Documented.__doc__, Documented.method.__doc__)
print(Documented().method.__doc__, Documented.__dict__["__doc__"])
