# Checks: copy.deepcopy of a caught exception (of a class with __slots__ too, as attrs' exception classes are copied) gives an exception without a traceback, and raising the copy or the original again leaves the other's traceback alone; found by attrs' suite.
import copy
import traceback


class Slotted(Exception):
    __slots__ = ("code",)


class Plain(Exception):
    pass


def fail(kind):
    raise kind(1, "foo")


def depth(error):
    return len(traceback.extract_tb(error.__traceback__))


for kind in (Slotted, Plain):
    try:
        fail(kind)
    except kind as error:
        caught = error
    if kind is Plain:
        caught.detail = ["kept", ("in", "the", "state")]
    duplicate = copy.deepcopy(caught)
    print(kind.__name__, duplicate.args, duplicate.__traceback__, depth(caught),
          getattr(duplicate, "detail", None))
    try:
        raise duplicate
    except kind as again:
        print("raised copy", depth(again), "original", depth(caught))
    try:
        raise caught
    except kind as again:
        print("raised original", depth(again), "copy", depth(duplicate))
    caught.__traceback__ = None
    print(copy.deepcopy(caught).__traceback__, str(copy.deepcopy(caught)))
