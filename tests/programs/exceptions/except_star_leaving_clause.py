# Checks: break, continue and return that would leave an except* clause are compile errors, as in CPython 3.11 (at the position of the code emitted last: a return's constant, -1 after a with's exit); inside a loop or function nested in the clause they compile; found by test_except_star.
import textwrap
cases = ["""
try:
    raise ValueError
except* Exception as e:
    break
""", """
for i in range(5):
    try:
        pass
    except* Exception as e:
        if i == 2:
            break
""", """
for i in range(5):
    try:
        pass
    except* Exception as e:
        if i == 2:
            break
    finally:
        return 0
""", """
for i in range(5):
    try:
        raise ValueError
    except* Exception as e:
        continue
""", """
def f():
    try:
        pass
    except* Exception:
        return 1
""", """
def f():
    try:
        pass
    except* Exception:
        for i in range(3):
            if i: break
            else: continue
        def g():
            return 2
        return_value = 3
""", """
def f():
    for x in []:
        try:
            pass
        except* Exception:
            try:
                pass
            except Exception:
                break
""", """
def f():
    try:
        pass
    except* Exception:
        with open(__file__):
            return 5
"""]
for source in cases:
    try:
        compile(source, "<string>", "exec")
        print("compiled")
    except SyntaxError as error:
        print(error.msg, error.lineno, error.offset, error.end_lineno, error.end_offset)
