# Checks: eval of expressions with globals and locals, and eval of compiled code objects.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"))
print(eval("a + b", {"a": 1}, {"b": 2}), eval("len(s)", {"s": "four"}))
x = 10


def inside():
    y = 5
    return eval("x + y")


print(inside())
code = compile("x * 3", "<expression>", "eval")
print(eval(code), eval(code, {"x": 2}))
try:
    eval("x = 1")
except SyntaxError as error:
    print("SyntaxError:", error.msg)
print(eval("__name__"), eval("lambda: 5")())
