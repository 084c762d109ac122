# Checks: exceptions thrown through generator chains keep their context and traceback depth.
import traceback


def inner():
    yield 1
    raise KeyError("from inner")


def outer():
    try:
        yield from inner()
    except KeyError as error:
        raise ValueError("wrapped by outer") from error


try:
    list(outer())
except ValueError as error:
    print(repr(error), repr(error.__cause__))
    print(len(traceback.extract_tb(error.__traceback__)), len(traceback.extract_tb(error.__cause__.__traceback__)))
