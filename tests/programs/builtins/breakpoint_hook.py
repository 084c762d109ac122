# Checks: breakpoint() calls sys.breakpointhook, whose default reads PYTHONBREAKPOINT at each call (0, a dotted name, an unimportable one).
import os
import sys
import warnings

warnings.simplefilter("always")
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("printed by", "the hook", sep="-")
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint("ignored"))
for name in ("no_such_module.hook", "os.no_such_hook", ".leading_dot"):
    os.environ["PYTHONBREAKPOINT"] = name
    with warnings.catch_warnings(record=True) as caught:
        print(breakpoint())
    print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
os.environ["PYTHONBREAKPOINT"] = "json.dumps"
print(breakpoint([1, 2]))


def own_hook(*args, **kwargs):
    print("own hook", args, kwargs)
    return "returned"


sys.breakpointhook = own_hook
print(breakpoint(1, key=2))
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print(breakpoint("four"))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as error:
    print("RuntimeError:", error)
