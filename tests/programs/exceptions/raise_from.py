# Checks: raise ... from sets __cause__ and __suppress_context__; raise from None.
class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as error:
        raise ConfigError(f"bad config {text!r}") from error


try:
    load("x")
except ConfigError as error:
    print(error, repr(error.__cause__), error.__suppress_context__, repr(error.__context__))


def hide(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError("hidden cause") from None


try:
    hide("y")
except ConfigError as error:
    print(error, error.__cause__, error.__suppress_context__, type(error.__context__).__name__)
try:
    raise ConfigError("explicit") from KeyError("cause")
except ConfigError as error:
    print(repr(error.__cause__), error.__context__)
try:
    raise ValueError from 5
except TypeError as error:
    print("TypeError:", error)
