# Checks: warnings that C code issues (the built-in int(), an unclosed file's finalizer) go
# through the program's own warnings filters: caught, recorded at the calling line, made
# errors, and shown in development mode.
# python-options: -X dev
import gc
import warnings


class Small(int):
    pass


class Convertible:
    def __int__(self):
        return Small(7)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    int(Convertible())
print([(warning.category.__name__, warning.filename == __file__, warning.lineno)
       for warning in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        int(Convertible())
    except DeprecationWarning as error:
        print("raised:", str(error)[:40])


def leave_a_file_open():
    open(__file__)


leave_a_file_open()
gc.collect()

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ResourceWarning)
    leave_a_file_open()
print(int(Convertible()))
