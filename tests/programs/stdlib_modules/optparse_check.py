# Checks: optparse: OptionParser with types, actions, defaults, option groups, help output, errors.
import contextlib
import io
import optparse

parser = optparse.OptionParser(prog="legacy", usage="%prog [options] FILE", version="%prog 1.0")
parser.add_option("-f", "--file", dest="filename", help="write report to FILE", metavar="FILE")
parser.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True, help="be quiet")
parser.add_option("-n", type="int", dest="count", default=1)
parser.add_option("--ratio", type="float")
parser.add_option("--mode", type="choice", choices=["a", "b"], default="a")
parser.add_option("-I", action="append", dest="includes", default=[])
group = optparse.OptionGroup(parser, "Advanced", "Use with care.")
group.add_option("--debug", action="store_true")
parser.add_option_group(group)
options, arguments = parser.parse_args(["-f", "out.txt", "-q", "-n", "3", "-Ia", "-I", "b", "input", "--ratio=0.5"])
print(options, arguments)
print(options.filename, options.verbose, options.count, options.includes, options.ratio, options.mode)
print(parser.format_help())
for bad in (["-n", "x"], ["--mode", "c"], ["--nope"], ["-f"]):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        try:
            parser.parse_args(bad)
        except SystemExit as exit_:
            print("exit", exit_.code, errors.getvalue().splitlines()[-1])
output = io.StringIO()
with contextlib.redirect_stdout(output):
    try:
        parser.parse_args(["--version"])
    except SystemExit as exit_:
        version_exit = exit_.code
print(repr(output.getvalue()), version_exit)


def callback(option, opt_string, value, parser):
    parser.values.seen = (opt_string, value)


parser2 = optparse.OptionParser()
parser2.add_option("-c", action="callback", callback=callback, type="string")
print(parser2.parse_args(["-c", "val"])[0].seen)
