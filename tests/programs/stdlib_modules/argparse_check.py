# Checks: argparse: positionals, options, subcommands, types, choices, help text and usage errors.
import argparse
import io
import contextlib

parser = argparse.ArgumentParser(prog="tool", description="A small tool.")
parser.add_argument("files", nargs="+", help="input files")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--level", type=int, choices=[1, 2, 3], default=2)
parser.add_argument("--name", metavar="NAME", default="anon")
parser.add_argument("--flag", action="store_true")
parser.add_argument("--tag", action="append", dest="tags")
group = parser.add_mutually_exclusive_group()
group.add_argument("--fast", action="store_true")
group.add_argument("--slow", action="store_true")

namespace = parser.parse_args(["a.txt", "b.txt", "-vv", "--level", "3", "--tag", "x", "--tag=y"])
print(sorted(vars(namespace).items()))
print(parser.format_usage(), end="")
help_text = io.StringIO()
parser.print_help(help_text)
print(help_text.getvalue().replace("optional arguments", "options"))

for bad in (["--level", "7", "f"], [], ["f", "--fast", "--slow"], ["f", "--level", "x"]):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        try:
            parser.parse_args(bad)
        except SystemExit as exit_:
            print("exit", exit_.code)
    print(errors.getvalue().splitlines()[-1])

main = argparse.ArgumentParser(prog="vcs")
subcommands = main.add_subparsers(dest="command", required=True)
commit = subcommands.add_parser("commit")
commit.add_argument("-m", "--message", required=True)
push = subcommands.add_parser("push")
push.add_argument("remote", nargs="?", default="origin")
print(main.parse_args(["commit", "-m", "hello"]))
print(main.parse_args(["push"]))
known, rest = main.parse_known_args(["push", "up", "--extra"])
print(known, rest)
