# Checks: if/elif chains binding values with walrus, and nested conditionals.
import re

for line in ["name: Ada", "age: 36", "email: ada@example.org", "garbage"]:
    if match := re.match(r"name: (\w+)", line):
        print("name", match.group(1))
    elif (match := re.match(r"age: (\d+)", line)) and int(match.group(1)) > 18:
        print("adult", match.group(1))
    elif "@" in (rest := line.partition(": ")[2]):
        print("email", rest)
    else:
        print("unknown", repr(line))
