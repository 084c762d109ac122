"""``python -m pvm.ast``: print the AST that pvm's parser builds, like ``python -m ast``.

The flags and the output are the stdlib command's; only the parser is pvm's.
"""

import argparse
import ast
import sys

from pvm.parser import parse


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m pvm.ast")
    parser.add_argument("infile", type=argparse.FileType(mode="rb"), nargs="?",
                        default="-", help="the file to parse; defaults to stdin")
    parser.add_argument("-m", "--mode", default="exec",
                        choices=("exec", "single", "eval", "func_type"),
                        help="specify what kind of code must be parsed")
    parser.add_argument("--no-type-comments", default=True, action="store_false",
                        help="don't add information about type comments")
    parser.add_argument("-a", "--include-attributes", action="store_true",
                        help="include attributes such as line numbers and column offsets")
    parser.add_argument("-i", "--indent", type=int, default=3,
                        help="indentation of nodes (number of spaces)")
    args = parser.parse_args(argv)

    with args.infile as infile:
        source = infile.read()
    try:
        tree = parse(source, args.infile.name, args.mode,
                     type_comments=args.no_type_comments)
    except SyntaxError as error:
        # The stdlib command lets the SyntaxError escape; its last lines are the
        # part a reader needs (file, line, the caret and the message).
        sys.stderr.write("".join(_format_syntax_error(error)))
        return 1
    print(ast.dump(tree, include_attributes=args.include_attributes, indent=args.indent))
    return 0


def _format_syntax_error(error):
    import traceback
    return traceback.format_exception_only(type(error), error)


if __name__ == "__main__":
    sys.exit(main())
