def function():
    pass


builtins_kind = type(__builtins__).__name__
