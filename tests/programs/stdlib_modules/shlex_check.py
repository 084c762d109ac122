# Checks: shlex: split in POSIX and non-POSIX modes, quote/join, the lexer with comments and punctuation.
import shlex

for line in ('ls -l "my file.txt" \'single quoted\' back\\ slash', 'echo "nested \\"quote\\""', "a#comment b", "x='a'\"b\"c"):
    print(shlex.split(line), shlex.split(line, comments=True))
print(shlex.quote("safe"), shlex.quote("has space"), shlex.quote("it's"), shlex.quote(""), shlex.join(["a b", "c", "$x"]))
lexer = shlex.shlex("a && b || (c; d) > out.txt # trailing", posix=True, punctuation_chars=True)
print(list(lexer))
lexer = shlex.shlex("key=value, other='x y'", posix=False)
lexer.whitespace += ","
print(list(lexer))
lexer = shlex.shlex("one two", posix=True)
print(lexer.get_token(), lexer.lineno, lexer.get_token(), repr(lexer.get_token()))
for bad in ('"unterminated', "escape at end\\"):
    try:
        print(shlex.split(bad))
    except ValueError as error:
        print("ValueError:", error)
