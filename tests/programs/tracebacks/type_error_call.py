# Checks: traceback for a TypeError raised by calling a function with bad arguments.
def area(width, height):
    return width * height


area(3)
