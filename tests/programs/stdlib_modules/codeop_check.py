# Checks: codeop.compile_command and code.InteractiveConsole tell complete, incomplete and wrong input apart (compile's incomplete-input flags).
import codeop
for source in ["x = 1", "if x:", "if x:\n    y = 2", "if x:\n    y = 2\n", "def f(", "(1,", "x = '''abc", "1 +", "x = )", "for i in range(3):\n    pass\n\n", "@dec", "class A:\n  def f(self):\n    pass\n", "'abc", "x = [\n1,\n", "if x: pass", "def f(): return 1", "while x: y\n"]:
    try:
        result = codeop.compile_command(source)
        print(repr(source), "->", "incomplete" if result is None else "code")
    except SyntaxError as error:
        print(repr(source), "-> SyntaxError", error.msg)
import code
import io
import sys

console = code.InteractiveConsole()
lines = ["x = 10", "def double(n):", "    return n * 2", "", "print(double(x))", "if x:", "    print('yes')", "", "for i in range(2): print(i)", "", "1 +", "(1,", "2)"]
saved = sys.stdout, sys.stderr
sys.stdout = sys.stderr = captured = io.StringIO()
try:
    states = [console.push(line) for line in lines]
finally:
    sys.stdout, sys.stderr = saved
print(states)
print(captured.getvalue())
