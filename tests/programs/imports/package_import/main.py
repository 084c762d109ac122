# Checks: importing a package with __init__, submodules, relative imports and __all__ with star import.
import toolkit
from toolkit import numbers
from toolkit.text import words
from toolkit.text.words import *

print(toolkit.VERSION, numbers.double(4), words.shout("hi"), whisper("QUIET"))
print(toolkit.__name__, numbers.__name__, words.__package__, sorted(words.__all__))
print("helper_hidden" in dir())
