# Checks: types.TracebackType builds a traceback with CPython's argument checks; tb_next
# can be relinked (not deleted, not to a loop), the other attributes are read-only; a made
# traceback raised with with_traceback() leads the one the raise adds.
import sys
import types


def traceback_of_a_raise():
    try:
        raise ValueError("inner")
    except ValueError as error:
        return error.__traceback__


def outcome(action):
    try:
        result = action()
    except Exception as error:
        return "%s: %s" % (type(error).__name__, error)
    return result


here = sys._getframe()
inner = traceback_of_a_raise()
made = types.TracebackType(inner, here, 4, 99)
print(made.tb_next is inner, made.tb_frame is here, made.tb_lasti, made.tb_lineno)
print(types.TracebackType(tb_next=None, tb_frame=here, tb_lasti=0, tb_lineno=1).tb_next)
for arguments in [("no", here, 1, 2), (None, "no", 1, 2), (None, here, "no", 2),
                  (None, here, 1, 2.5)]:
    print(outcome(lambda: types.TracebackType(*arguments)))


def delete_next():
    del made.tb_next


def set_next(value):
    made.tb_next = value


print(outcome(delete_next))
print(outcome(lambda: set_next("asdf")))
print(outcome(lambda: set_next(made)))
print(outcome(lambda: setattr(inner, "tb_next", made)))
print(outcome(lambda: setattr(made, "tb_frame", here)))
print(outcome(lambda: setattr(made, "tb_lasti", 0)))
print(outcome(lambda: setattr(made, "tb_lineno", 0)))
set_next(None)
print(made.tb_next)
print(sorted(name for name in dir(made) if not name.startswith("__")))

try:
    raise KeyError("outer").with_traceback(types.TracebackType(None, here, 0, 7))
except KeyError as error:
    # tb_lasti counts the interpreter's own instructions: only tb_lineno is compared.
    added = error.__traceback__
    print(added.tb_lineno, added.tb_next.tb_lineno, added.tb_next.tb_next)
