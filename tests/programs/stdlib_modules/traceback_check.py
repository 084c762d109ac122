# Checks: traceback: format_exc/format_exception/extract_tb/print_exc output, chained exceptions, TracebackException, stack.
import io
import traceback


def inner(value):
    return 10 / value


def outer():
    try:
        inner(0)
    except ZeroDivisionError as error:
        raise ValueError("wrapped") from error


def strip_paths(text):
    return text.replace(__file__, "FILE")


try:
    outer()
except ValueError:
    print(strip_paths(traceback.format_exc()))
    captured = traceback.TracebackException.from_exception(ValueError("x"))
try:
    outer()
except ValueError as error:
    print(strip_paths("".join(traceback.format_exception(error, chain=False))))
    summary = traceback.extract_tb(error.__traceback__)
    print([(frame.name, frame.lineno, frame.line) for frame in summary])
    print([(frame.name, frame.line) for frame in traceback.extract_tb(error.__cause__.__traceback__)])
    print(traceback.format_exception_only(error), traceback.format_exception_only(type(error), error))
    exception = traceback.TracebackException.from_exception(error)
    print(exception.exc_type.__name__, str(exception), exception.__cause__.exc_type.__name__, len(exception.stack))
    stream = io.StringIO()
    traceback.print_exc(limit=1, file=stream)
    print(strip_paths(stream.getvalue()))
try:
    exec("x = (1,\n")
except SyntaxError:
    print(strip_paths(traceback.format_exc()))


def report():
    stack = traceback.extract_stack()
    return [(frame.name, frame.line) for frame in stack[-2:]]


print(report())
print(strip_paths("".join(traceback.format_list(traceback.extract_stack()[-1:]))))
print(traceback.format_exception_only(KeyError("k")), captured.exc_type.__name__)
try:
    raise TypeError("no chain") from None
except TypeError:
    print(strip_paths(traceback.format_exc()))
