# Checks: string: constants, capwords, Template substitution, Formatter subclassing and parsing.
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
template = string.Template("$who likes ${what}s; cost $$5")
print(template.substitute(who="tim", what="kung pao"), template.safe_substitute(who="ann"))
print(template.get_identifiers(), template.is_valid(), string.Template("$ bad").is_valid())
try:
    template.substitute(who="x")
except KeyError as error:
    print("KeyError:", error)
try:
    string.Template("$1").substitute()
except ValueError as error:
    print("ValueError:", error)


class Percent(string.Template):
    delimiter = "%"


print(Percent("%name is %{age}y").substitute(name="ada", age=36))
formatter = string.Formatter()
print(formatter.format("{0}-{name!r:>8}-{1:.2f}", "a", 3.14159, name="n"), list(formatter.parse("a{b}c{d!s:>3}")))


class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)


print(Upper().format("{greeting} {missing} {0:x}", 255, greeting="hi"))
print(Upper().vformat("{a[0]} {a[1]}", (), {"a": ["x", "y"]}))
