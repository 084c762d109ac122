# Checks: the compile-time SyntaxWarnings and their SyntaxErrors where warnings are errors: subscripting a literal ("perhaps you missed a comma?"), a number run into a keyword ("0xfor x"), and the compile error for a keyword argument given twice.
import warnings

SOURCES = [
    "[{1, 2} [i, j]]", "[(lambda x, y: x) [i, j]]", "[{i for i in ()} [i, j]]",
    "[(i for i in ()) [i, j]]", "[123 [i, j]]", "[12.3j [i, j]]", "[None [i, j]]",
    "[True [i, j]]", "[... [i, j]]", "[(1, 2) [i, j]]", "[[1, 2] [i, j]]",
    "[[i for i in ()] [i, j]]", "[f'{x}' [i, j]]", "['abc' [i, j]]", "[b'abc' [i, j]]",
    "[(1, 2) [1]]", "[(1, 2) [True]]", "[(1, 2) [1:2]]", "['abc' [x]]", "[(1, 2) ['a']]",
    "[(1, 2) (3, 4)]", "[None (3, 4)]", "[(lambda: 1) (3, 4)]",
    "0xfor x", "0xfand x", "1if x else y", "0in x", "[0xffor x in ()]", "[0x1for x in ()]",
    "1.e3and x", "1jif x else y", "0or x", "x if 0xfelse y", "0b1not in x", "9is x",
    "1_000if x else y", "0o7is x", "1e3or x", "1spam", "0x1_", "1.5jelse",
    "f(1, x=2, *(3, 4), x=5)", "f(x=1, x=2)", "f(x=1, **k, x=2)", "f(**k, x=1, **k)",
    "class C(x=1, x=2): pass",
]

for source in SOURCES:
    mode = "exec" if source.startswith("class") else "eval"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<source>", mode)
            outcome = "compiles"
        except SyntaxError as error:
            outcome = "SyntaxError: %s (%s, %s, %s)" % (error.msg, error.lineno, error.offset,
                                                       error.end_offset)
    print(repr(source), outcome)
    for warning in caught:
        print("   ", warning.category.__name__, warning.message, warning.lineno)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(source, "<source>", mode)
        except SyntaxError as error:
            if not outcome.startswith("SyntaxError"):
                print("    as error:", error.msg, error.lineno, error.offset, error.end_offset)
