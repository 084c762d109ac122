# Checks: pickle's error messages, which CPython's C _pickle words (its pure-Python pickle words some otherwise).
import pickle
import re

for value in (lambda: None, (x for x in [])):
    try:
        pickle.dumps(value)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        print(type(error).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(error)))
for data in (b"garbage", b"", b"\x80\x04K"):
    try:
        pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, ValueError) as error:
        print(type(error).__name__, error)
