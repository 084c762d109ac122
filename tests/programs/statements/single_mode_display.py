# Checks: compile(..., "single") shows every expression statement of the top-level code, inside for, while, with, try and if blocks too, but not inside functions or class bodies.
import contextlib

sources = [
    "for i in range(2):\n    i\n",
    "while True:\n    'looping'\n    break\n",
    "try:\n    5\nexcept ZeroDivisionError:\n    pass\nfinally:\n    'finally'\n",
    "with contextlib.nullcontext():\n    1 + 1\n    None\n",
    "if True:\n    [3]\n",
    "class Shown:\n    6\n",
    "def hidden():\n    print('called')\n    8\n",
    "hidden()\n",
    "async def hidden_async():\n    9\n",
]
namespace = {"contextlib": contextlib}
for source in sources:
    exec(compile(source, "<single>", "single"), namespace)
