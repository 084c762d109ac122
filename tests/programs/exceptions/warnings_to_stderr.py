# Checks: warnings.warn output on stderr and filtering with warnings.catch_warnings.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return "result"


warnings.simplefilter("always")
print(old_api())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    print([str(w.message) for w in caught], caught[0].category.__name__)
warnings.warn("goes to stderr")
