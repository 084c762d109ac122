# Checks: the builtin exception hierarchy as seen through issubclass and __mro__.
pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (FileNotFoundError, OSError),
         (UnicodeDecodeError, ValueError), (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (IndentationError, SyntaxError), (TabError, IndentationError),
         (StopAsyncIteration, Exception), (GeneratorExit, Exception), (BrokenPipeError, ConnectionError)]
for child, parent in pairs:
    print(child.__name__, parent.__name__, issubclass(child, parent))
print([cls.__name__ for cls in ZeroDivisionError.__mro__])
print(EnvironmentError is OSError, IOError is OSError)
