# Checks: attributes of builtin exceptions: args, errno/strerror, KeyError repr, StopIteration.value, with_traceback.
try:
    {}["missing"]
except KeyError as error:
    print(error.args, str(error), repr(error))
try:
    open("/nonexistent/folder/file.txt")
except FileNotFoundError as error:
    print(error.errno, error.strerror, error.filename, isinstance(error, OSError))
try:
    int("x")
except ValueError as error:
    print(error.args)
error = StopIteration(5)
print(error.value, SystemExit(3).code, KeyboardInterrupt.__mro__[1].__name__)
try:
    "abc".missing_method()
except AttributeError as error:
    print(error.name, type(error.obj).__name__, str(error))
try:
    import no_such_module_here
except ImportError as error:
    print(type(error).__name__, error.name, str(error))
try:
    raise ValueError("traceback attached")
except ValueError as error:
    print(error.__traceback__ is not None, error.__traceback__.tb_lineno)
