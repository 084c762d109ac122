# Checks: a generator sees the exception its resumer is handling while it has none of its own (sys.exc_info, implicit chaining, bare raise), and its own handled exception stays with it across yields.
import sys


def name_of_handled():
    kind = sys.exc_info()[0]
    return kind.__name__ if kind else None


def watcher():
    print("start", name_of_handled())
    yield
    try:
        raise TypeError("inside")
    except TypeError as error:
        print("inner", name_of_handled(), type(error.__context__).__name__)
    print("after inner", name_of_handled())
    yield
    print("no resumer exception", name_of_handled())
    try:
        raise KeyError("own")
    except KeyError:
        yield "suspended in except"
        print("own kept", name_of_handled())
    yield "done"


gen = watcher()
next(gen)
try:
    raise ValueError("outer")
except ValueError:
    next(gen)
print(next(gen))
try:
    raise IndexError("second")
except IndexError:
    print(next(gen))
print("outside", name_of_handled())


def reraiser():
    yield
    raise


gen = reraiser()
next(gen)
try:
    raise ValueError("resumer's")
except ValueError:
    try:
        next(gen)
    except ValueError as error:
        print("bare raise in generator re-raised:", error)


def thrown_into():
    try:
        try:
            yield
        except ValueError:
            print("caught thrown", name_of_handled())
            raise TypeError
    except TypeError as error:
        print("context", type(error.__context__).__name__)
    print("resumer's again", name_of_handled())
    yield "end"


gen = thrown_into()
next(gen)
try:
    raise ValueError
except ValueError as error:
    print(gen.throw(error))


def delegate():
    yield


def handling_while_delegating():
    try:
        raise KeyError("handled by the generator")
    except KeyError:
        yield from delegate()


gen = handling_while_delegating()
next(gen)
try:
    gen.throw(ValueError)
except ValueError as error:
    print("thrown through yield from, context:", repr(error.__context__))


def handling_itself(error):
    try:
        raise error
    except KeyError:
        try:
            yield from delegate()
        except KeyError as caught:
            print("no cycle:", caught.__context__ is not caught)
    yield "end"


same = KeyError("same")
gen = handling_itself(same)
next(gen)
print(gen.throw(same))
