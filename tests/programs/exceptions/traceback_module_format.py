# Checks: traceback.format_exc and format_exception on a caught exception (text compared exactly).
import traceback


def level_one():
    level_two()


def level_two():
    raise LookupError("where is it?")


try:
    level_one()
except LookupError:
    print(traceback.format_exc())
try:
    int("nope")
except ValueError as error:
    print("".join(traceback.format_exception(error)))
    print(traceback.format_exception_only(type(error), error))
