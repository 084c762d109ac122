# Checks: pdb, driven by scripted commands, steps, goes to the next line, prints locals,
# shows where it is, sets a breakpoint and continues to it (it runs on sys.settrace).
import io
import pdb
import sys


def helper(value):
    doubled = value * 2
    return doubled + 1


def program():
    numbers = [1, 2, 3]
    total = 0
    for number in numbers:
        total += helper(number)
    return total


commands = io.StringIO("\n".join([
    "step", "next", "next", "p numbers", "step", "step", "step", "p value",
    "return", "break helper", "continue", "p value", "where", "continue", "continue", "",
]))
output = io.StringIO()
debugger = pdb.Pdb(stdin=commands, stdout=output, nosigint=True, readrc=False)
debugger.use_rawinput = False
print(debugger.runcall(program))
# Paths and the debugger's own frames vary by folder: show the lines after the prompt.
for line in output.getvalue().splitlines():
    if "bdb.py" in line or "<string>" in line:
        continue
    print(line.replace(__file__, "FILE"))
