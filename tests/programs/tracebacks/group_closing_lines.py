# Checks: the closing line ("+---...") of an exception group's last sub-exception, as the interpreter's printer draws it (sys.excepthook), when that sub-exception is chained to groups (context or cause) or is a group itself.
import sys


def raised(exception):
    try:
        raise exception
    except BaseException as error:
        return error


def during(handled, exception):
    try:
        raise handled
    except BaseException:
        try:
            raise exception
        except BaseException as error:
            return error


def caused(cause, exception):
    try:
        raise exception from cause
    except BaseException as error:
        return error


def show(title, error):
    print(title, flush=True)
    sys.excepthook(type(error), error, error.__traceback__)
    sys.stderr.flush()


inner_group = ExceptionGroup("inner", [TypeError(1), ValueError(2)])
show("last raised while handling a group",
     raised(ExceptionGroup("outer", [KeyError(0), during(inner_group, KeyError(3))])))
show("only one, raised while handling a group",
     raised(ExceptionGroup("outer", [during(ExceptionGroup("g", [OSError(4)]), KeyError(5))])))
show("last caused by a group",
     raised(ExceptionGroup("outer", [caused(ExceptionGroup("c", [OSError(6)]), KeyError(7))])))
show("not last, raised while handling a group",
     raised(ExceptionGroup("outer", [during(ExceptionGroup("g", [OSError(8)]), KeyError(9)),
                                     KeyError(10)])))
show("last is a group raised while handling a group",
     raised(ExceptionGroup("outer", [KeyError(11), during(
         ExceptionGroup("g", [OSError(12)]), ExceptionGroup("h", [KeyError(13)]))])))
show("nested last groups",
     raised(ExceptionGroup("a", [ExceptionGroup("b", [during(
         ExceptionGroup("g", [OSError(14)]), KeyError(15))])])))
show("a chain of two groups",
     raised(ExceptionGroup("outer", [during(during(ExceptionGroup("g1", [OSError(16)]),
                                                   ExceptionGroup("g2", [OSError(17)])),
                                            KeyError(18))])))
