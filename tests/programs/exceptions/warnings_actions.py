# Checks: warnings through the C _warnings' behaviour (pvm's stand-in): default filters, stack levels, source, once/module/always/error actions, catch_warnings, warn_explicit.
import warnings, sys
print(warnings.filters[:5])
warnings.warn("plain")
def f():
    warnings.warn("deprecated", DeprecationWarning, stacklevel=2)
f()
warnings.warn("resource", ResourceWarning, source=object())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning, source="src")
    f()
print([(str(w.message), w.category.__name__, w.lineno, w.source) for w in caught])
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as error:
    print("raised", error)
warnings.resetwarnings()
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 12, module="m")
warnings.warn("once", UserWarning)
for i in range(2):
    warnings.warn("loop", UserWarning)
warnings.simplefilter("error")
warnings.warn("uncaught at the end")
