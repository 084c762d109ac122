"""``python -m pvm.dis [FILE]``: compile a file (or stdin) with pvm and disassemble it.

A front-end tool over the disassembler: it compiles, which the disassembler
itself (the bytecode contract) never does.
"""

import argparse
import sys

from pvm.compiler import compile as pvm_compile
from pvm.dis import dis


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m pvm.dis")
    parser.add_argument("infile", nargs="?", default="-")
    arguments = parser.parse_args(argv)
    if arguments.infile == "-":
        name = "<stdin>"
        source = sys.stdin.buffer.read()
    else:
        name = arguments.infile
        with open(arguments.infile, "rb") as infile:
            source = infile.read()
    dis(pvm_compile(source, name, "exec"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
