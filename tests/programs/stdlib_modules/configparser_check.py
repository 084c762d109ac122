# Checks: configparser: reading strings and dicts, interpolation, typed getters, writing, errors.
import configparser
import io

text = """
[DEFAULT]
base = /srv
debug = no

[server]
host = example.org
port = 8080
root = %(base)s/www
ratio = 0.75
debug = yes

[client]
names =
    alpha
    beta
"""
parser = configparser.ConfigParser()
parser.read_string(text)
print(parser.sections(), parser.defaults())
print(parser["server"]["root"], parser.getint("server", "port"), parser.getfloat("server", "ratio"))
print(parser.getboolean("server", "debug"), parser.getboolean("client", "debug"))
print(parser.get("client", "names").split(), parser.get("client", "missing", fallback="none"))
print(parser.has_option("client", "base"), sorted(parser.options("client")))
print(parser.get("server", "root", raw=True), parser.items("server", raw=True)[-1])
parser.read_dict({"extra": {"answer": 42, "path": "${x}"}})
extended = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
extended.read_string("[a]\nx = 1\n[b]\ny = ${a:x}-two\n")
print(extended["b"]["y"])
output = io.StringIO()
parser.write(output)
print(output.getvalue())
for bad in ("[dup]\na=1\na=2\n", "no section\n", "[s]\nbad = %(missing)s\n"):
    broken = configparser.ConfigParser()
    try:
        broken.read_string(bad)
        print(broken.get("s", "bad"))
    except configparser.Error as error:
        print(type(error).__name__, error)
