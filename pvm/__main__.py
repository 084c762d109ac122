"""The ``pvm`` command.

Running programs arrives with the compiler and the VM; until then ``pvm FILE``
shows what the front end makes of a file: its tokens (``--tokens``) or its AST
(the default, as ``python -m pvm.ast`` prints it).
"""

import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--tokens":
        from pvm.tokenize import main as tokenize_main
        return tokenize_main(argv[1:])
    from pvm.ast import main as ast_main
    return ast_main(argv)


if __name__ == "__main__":
    sys.exit(main())
