# Checks: re: compile flags, groups, named groups, findall/finditer/sub/split, lookarounds, errors, Scanner-free tokenizing.
import re

pattern = re.compile(r"(?P<key>\w+)\s*=\s*(?P<value>[^;]+);?")
text = "name = pvm; version=3.11 ;empty= x"
for match in pattern.finditer(text):
    print(match.group("key"), repr(match["value"]), match.span(), match.groupdict())
print(pattern.findall(text), pattern.pattern, pattern.groups, sorted(pattern.groupindex.items()))
print(re.sub(r"(\d+)", lambda match: str(int(match.group(1)) * 2), "a1 b22 c333"), re.subn(r"\s+", " ", "a  b \n c"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), re.split(r"(-)", "1-2-3", maxsplit=1), re.split(r"\b", "hi there"))
print(re.fullmatch(r"\d{3}-\d{4}", "555-1234") is not None, re.match(r"abc", "xabc"), re.search(r"abc", "xabc").start())
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.findall(r"^\w", "one\ntwo\nthree", re.MULTILINE))
print(re.findall(r"a.c", "a\nc abc", re.DOTALL), re.findall(r"""(?x) \d+  # digits
                 \.? \d*""", "3.14 and 42"))
print(re.findall(r"\w+(?=!)", "hey! you! no"), re.findall(r"(?<=\$)\d+", "$10 and $20"), re.findall(r"(?<!a)b", "ab cb"))
print(re.sub(r"(?P<first>\w+) (?P<second>\w+)", r"\g<second> \g<first>", "hello world"), re.escape("a.b*c?"))
print(re.findall(r"(a)(b)?", "ab a"), re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").lastindex)
print(re.findall(r"[\u00e0-\u00ff]+", "café naïve"), re.findall(rb"\x00+", b"a\x00\x00b"), re.ASCII | re.IGNORECASE)
print(re.sub(r"x*", "-", "abxd"), re.findall(r"(\w)\1", "aabbcd"), re.match(r"(?:ab)+", "ababa").group())
match = re.search(r"(\d+)-(\d+)", "range 10-20 here")
print(match.group(0, 1, 2), match.start(2), match.end(), match.expand(r"\2 to \1"), match.re.pattern, match.string[:5])
print(re.compile(r"a+", re.I).flags & re.I, bool(re.compile("x")), repr(re.compile(r"\d+", re.M)))
for bad in (r"(unclosed", r"[a-", r"*x", r"(?P<n>a)(?P<n>b)", r"\p"):
    try:
        re.compile(bad)
    except re.error as error:
        print("error:", error, error.pos)
