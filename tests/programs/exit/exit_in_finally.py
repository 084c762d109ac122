# Checks: SystemExit runs finally blocks and context managers' __exit__ on the way out.
import sys


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *info):
        print("guard exit sees", info[0].__name__)
        return False


try:
    with Guard():
        sys.exit(4)
finally:
    print("finally on exit")
