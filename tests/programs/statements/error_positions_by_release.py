# Checks: syntax errors whose message, place or class CPython changed between 3.11 releases: a null byte in compile()'s source (3.11.4: SyntaxError, not ValueError), iterable unpacking after keyword unpacking in a call (3.11.7: at the '*'), a bytes literal with a character outside ASCII (3.11.4: at its token), a letter outside ASCII just after a number (3.11.6: "invalid syntax" at the letter); and the end column of an error over several lines, which every 3.11 counts on the first line, stopping at its end (but not for bytes of no declared encoding).
sources = [
    "f(**x, *y)",
    "f(a=1, *y, **z, *w)",
    "f(x, (y),\n  **k, z=1, *a)",
    "print(**{}, *[], sep='')",
    "class C(**k, *a): pass",
    "b'\\xff' b'caf\u00e9'",
    "x = b'abc\u00e9def'",
    "(b'\u00e9' + 1)",
    "f(b'\u00e9',\n  2)",
    "x = 1\u00e9",
    "x = 0x1\u00e9",
    "x = 1.5\u00e9",
    "x = 1j\u00e9",
    "x = 1e5\u00e9",
    "x = 0o7\u00e9 + 1",
    "x = 1\u00e9\u00e9 + 2",
    "x = (1\u00e9",
    "print(1\u00e9)",
    "f(x for x in\n  yyyyyyyyyyyyyyyy, 1)",
    "f(\u00e9 for x in\n  yyyyyyyyyyyyyyyy, 1)",
    "f(a,\n **k, *d)",
    "f(\n  a=1, *b, **cccccccccccccccccccccc, *d)",
]
sources += [source.encode() for source in sources[-4:]]
for source in sources:
    for mode in ("exec", "eval", "single"):
        try:
            compile(source, "<source>", mode)
            print(mode, "compiled")
        except SyntaxError as error:
            print(mode, repr(source), error.msg, error.lineno, error.offset, error.end_lineno,
                  error.end_offset)
# A null byte: compile() raised ValueError until 3.11.4, SyntaxError since.
for source in ("x = 1\0", b"x = 1\0", "\0"):
    try:
        compile(source, "<source>", "exec")
    except (SyntaxError, ValueError) as error:
        print(type(error).__name__, error)
