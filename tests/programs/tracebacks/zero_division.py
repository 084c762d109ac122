# Checks: traceback for ZeroDivisionError in a binary operation (with ~~~^~~~ markers).
def ratio(a, b):
    return a / b


print("before")
ratio(1, 0)
