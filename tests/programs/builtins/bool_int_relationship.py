# Checks: bool is a subclass of int: arithmetic, repr, sum, indexing and bitwise operators.
print(True + True, True * 10, False - 1, sum([True, False, True]), ["no", "yes"][True])
print(isinstance(True, int), int(True), str(False), repr(True), True == 1, (True is True) == 1)
print(True & False, True | False, True ^ True, -True, bool("False"), bool(0.0), bool([[]]))
print(hash(True) == hash(1), {True: "a", 1: "b"}, max(False, 0), type(True + 0).__name__)
