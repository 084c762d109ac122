# Checks: warnings: warn with categories and stacklevel, filters, catch_warnings(record=True), formatwarning, showwarning to stderr.
import sys
import warnings


def deprecated_api():
    warnings.warn("use new_api instead", DeprecationWarning, stacklevel=2)
    return 1


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated_api()
    warnings.warn("plain user warning")
    warnings.warn(RuntimeWarning("instance warning"))
    warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 12, module="mod")
for item in caught:
    print(item.category.__name__, str(item.message), item.filename.replace(__file__, "FILE"), item.lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("now an error")
    except UserWarning as error:
        print("UserWarning raised:", error)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", message="keep.*")
    warnings.warn("dropped")
    warnings.warn("keep this")
    print([str(item.message) for item in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        warnings.warn("once per location")
    print(len(caught))
print(warnings.formatwarning("message", UserWarning, "file.py", 3, "line of code"), end="")
print(issubclass(DeprecationWarning, Warning), warnings.WarningMessage("m", UserWarning, "f", 1).category.__name__)


def show_without_folder(message, category, filename, lineno, file=None, line=None):
    # The default display names the script by its absolute path; keep only the name.
    text = warnings.formatwarning(message, category, filename.replace(__file__, "FILE"), lineno, line)
    sys.stderr.write(text)


warnings.showwarning = show_without_folder
warnings.warn("goes to stderr", stacklevel=1)
warnings.warn("hidden by default filter", DeprecationWarning)
deprecated_api()
