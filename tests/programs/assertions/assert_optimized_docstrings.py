# python-options: -OO
# Checks: under -OO docstrings are removed as well as asserts.
def documented():
    """This docstring disappears under -OO."""
    return 1


assert False, "removed"
print(documented.__doc__, documented(), __doc__)
import sys
print(sys.flags.optimize)
