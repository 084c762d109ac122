# Checks: re: match, search, findall, finditer, sub with a guest function, groups and named groups, split.
import re

text = "Order 66 shipped on 2024-03-15, order 7 on 2024-04-01."
print(re.findall(r"\d{4}-\d{2}-\d{2}", text))
match = re.search(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", text)
print(match.group(0), match.group("year"), match.groups(), match.groupdict(), match.span())
print([m.group(1) for m in re.finditer(r"order (\d+)", text, re.IGNORECASE)])
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@example"), re.subn("a", "A", "banana"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), re.split(r"(-)", "x-y-z"))
pattern = re.compile(r"^(?:\+?(\d{1,3}))?[-. ]?(\d{3})[-. ]?(\d{4})$")
for number in ("555-1234", "+1 555 1234", "12345"):
    found = pattern.match(number)
    print(number, found.groups() if found else None)
print(re.fullmatch(r"[a-z]+", "abc") is not None, re.match("b", "abc"), re.escape("a.b*c"))
print(re.findall(r"(\w)(\d)", "a1 b2 c"), re.sub(r"(?m)^", "> ", "line1\nline2"))
try:
    re.compile("(unclosed")
except re.error as error:
    print("re.error:", error)
