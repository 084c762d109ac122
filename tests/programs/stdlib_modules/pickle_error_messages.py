# Checks: pickle's errors as CPython's C _pickle words them (pvm's guest _pickle): unpicklable globals, local objects, damaged and truncated data, traceback entries; PickleBuffer.
import io
import pickle
import re
import sys
import traceback


def make_local():
    class Inner:
        pass
    return Inner


def show(error):
    print(type(error).__module__, type(error).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(error)))


for protocol in (0, 2, 5):
    for value in (lambda: None, (x for x in []), make_local(), make_local()(), io.StringIO(),
                  {1: lambda: 0}, [object()], __import__("threading").Lock()):
        try:
            print(protocol, len(pickle.dumps(value, protocol=protocol)))
        except Exception as error:
            show(error)

good = pickle.dumps([1, "abc", (2.5, None)], protocol=2)
for data in (b"", b"garbage", b"\x80", b"\x80\x04K", b"\x80\x02]q\x00(K\x01", good[:-1], good[:5],
             b"(", b"0", b"I12\n.", b"Ixx\n.", b"\xff", b"\x80\x09.", b"c__main__\nNope\n.",
             b"cbuiltins\nnope\n.", b"X\x05\x00\x00\x00ab", b"N", b"a", b"(l.", b"}(K\x01.",
             b"Fxx\n.", b"F1.5\n.", b"I01\n.", b"Lxx\n.", b"L12L\n.", "text"):
    try:
        print(repr(pickle.loads(data)))
    except Exception as error:
        show(error)

buffers = []
data = pickle.dumps(pickle.PickleBuffer(bytearray(b"abc")), protocol=5, buffer_callback=buffers.append)
print(len(buffers), bytes(pickle.loads(data, buffers=buffers)))
print(pickle.Pickler.__module__, pickle.Unpickler.__qualname__, pickle.PicklingError.__module__)


class Bad:
    def __reduce__(self):
        raise ValueError("no reduce")


try:
    pickle.dumps([1, Bad()])
except ValueError:
    traceback.print_exc(file=sys.stdout)
pickle.loads(b"\x80\x04K")
