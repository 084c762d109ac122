# python-options: -O
# Checks: under -O assert statements are removed and __debug__ is False.
calls = []


def side_effect():
    calls.append("called")
    return False


assert side_effect(), "never checked"
print("asserts skipped:", calls == [], "__debug__ =", __debug__)
if __debug__:
    print("debug block")
else:
    print("optimized block")
import sys
print(sys.flags.optimize)
