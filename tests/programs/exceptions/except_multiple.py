# Checks: except clauses with tuples, matching by base class, first matching clause wins, bare except.
def classify(exception):
    try:
        raise exception
    except (KeyError, IndexError) as error:
        return f"lookup: {type(error).__name__}"
    except ArithmeticError as error:
        return f"arithmetic: {type(error).__name__}"
    except Exception as error:
        return f"other: {type(error).__name__}"


for exception in (KeyError("k"), IndexError, ZeroDivisionError(), OverflowError, ValueError("v")):
    print(classify(exception))
try:
    raise SystemError("bare")
except:
    print("bare except caught SystemError")
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not reached")
except TypeError as error:
    print("outer caught", error)
