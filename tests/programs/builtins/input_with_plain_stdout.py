# Checks: input() with sys.stdout replaced by an object whose only method is write: no prompt is written unless given, and stdout's flush is tried but its absence ignored, as CPython's builtin input does when not interactive; found by test_builtin.
import io
import sys


class BitBucket:
    def write(self, text):
        written.append(text)


written = []
saved_in, saved_out = sys.stdin, sys.stdout
sys.stdin = io.StringIO("first\nsecond\n")
sys.stdout = BitBucket()
try:
    first = input()
    second = input("prompt> ")
    try:
        input()
    except EOFError as error:
        ended = str(error)
finally:
    sys.stdin, sys.stdout = saved_in, saved_out
print(first, second, written, ended)
