from ..numbers import double
from . import __name__ as package_name

__all__ = ["shout", "whisper"]


def shout(text):
    return text.upper() + "!" * double(1)


def whisper(text):
    return text.lower()


def helper_hidden():
    return package_name
