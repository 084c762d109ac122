# Checks: the line and last instruction a frame reports once an exception has left it (tb_frame.f_lineno), through except clauses that do not match, handlers that raise again, finally blocks and with blocks.
class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def simple():
    1/0
    pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass


def after_with():
    with Noop():
        1/0
        pass


def bare_raise():
    try:
        1/0
    except ZeroDivisionError:
        x = 1
        raise


def several_clauses():
    try:
        {}["key"]
    except ValueError:
        pass
    except TypeError:
        pass


for function in (simple, in_except, other_except, in_named_except, in_try, in_finally_normal,
                 in_finally_except, after_with, bare_raise, several_clauses):
    try:
        function()
    except Exception as error:
        entry = error.__traceback__.tb_next
        frame = entry.tb_frame
        print(function.__name__, entry.tb_lineno - function.__code__.co_firstlineno,
              frame.f_lineno - function.__code__.co_firstlineno)
