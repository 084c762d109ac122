# Checks: compile errors for nonlocal/global misuse are reported as SyntaxError by compile().
cases = {
    "nonlocal at module level": "nonlocal x",
    "nonlocal without binding": "def f():\n    nonlocal missing\n",
    "global after use": "def f():\n    x = 1\n    global x\n",
    "nonlocal and parameter": "def f(a):\n    def g(a):\n        nonlocal a\n",
}
for label, source in cases.items():
    try:
        compile(source, "<case>", "exec")
    except SyntaxError as error:
        print(label, "->", error.msg, error.lineno)
