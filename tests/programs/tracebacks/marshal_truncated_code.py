# Checks: an error raised inside marshal (a truncated code object) shows no frame of pvm's
# stand-in for the C module, as CPython's traceback shows none of C code.
import marshal
def f(): pass
marshal.loads(marshal.dumps(f.__code__)[:20])
