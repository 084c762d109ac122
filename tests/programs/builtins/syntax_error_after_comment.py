# Checks: a syntax error found at the end of a line that has a comment spans from the comment to the line's end, as CPython's tokenizer starts that NEWLINE at the comment (pyflakes' doctest test reads the column); found by pyflakes' suite.
SOURCES = ["from # line 4\n", "from # line 4", "import # c\n", "x = 1 +  # c\n", "x = 1 +\n",
           "if x  # c\n    pass\n", "class A  # c\n", "x =  #\n", "  # c\nfrom  # c\n",
           "for x in  # c\n", "with a as  # c\n", "lambda  # c\n", "x: int =  # c\n",
           "x = (1,  # c\n  2  # d\n", "def f  # c\n", "é = 'é' +  # é\n", "del  # c"]
for source in SOURCES:
    for mode in ("exec", "single"):
        try:
            compile(source, "<doctest>", mode)
            print(repr(source), mode, "compiled")
        except SyntaxError as error:
            print(repr(source), mode, type(error).__name__, error.msg, error.lineno,
                  error.offset, error.end_lineno, error.end_offset, repr(error.text))
try:
    compile("def f():\n    '''\n    >>> from # line 4\n    '''\n", "<m>", "exec")
    exec(compile("from # line 4\n", "<doctest>", "single"))
except SyntaxError as error:
    print("doctest example", error.offset, error.end_offset)
