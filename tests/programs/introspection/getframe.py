# Checks: sys._getframe: function names, line numbers, locals of callers and f_back chains.
import sys


def who_called_me():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno, sorted(caller.f_locals)


def outer():
    local_variable = "visible"
    return who_called_me()


print(outer())


def chain():
    frame = sys._getframe()
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def level_two():
    return chain()


print(level_two())
print(sys._getframe().f_globals is globals(), sys._getframe().f_code.co_filename == __file__)
