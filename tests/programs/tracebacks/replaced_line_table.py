# Checks: a code object whose line table says "no location" everywhere: frames report
# line None, which the traceback module prints as such and the interpreter's printer as -1.
import traceback


def divide():
    return 1 / 0


def lines_after_raise(function):
    try:
        function()
    except ZeroDivisionError as error:
        entry = error.__traceback__.tb_next
        return [entry.tb_frame.f_lineno, entry.tb_lineno]


print(lines_after_raise(divide))
# 0xf8: code 15 (no location), one code unit; more entries than either VM needs.
divide.__code__ = divide.__code__.replace(co_linetable=b"\xf8" * 200)
print(lines_after_raise(divide))
print(set(divide.__code__.co_positions()))
try:
    divide()
except ZeroDivisionError:
    traceback.print_exc()
divide()
