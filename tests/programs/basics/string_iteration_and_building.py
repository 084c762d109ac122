# Checks: building strings with join, +=, list accumulation and str.format_map.
parts = []
for index, letter in enumerate("python"):
    parts.append(letter * (index + 1))
print("-".join(parts))
text = ""
for word in ("a", "bb", "ccc"):
    text += word.upper()
print(text, len(text))


class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"


print("{name} is {age} years".format_map(Default(name="Ada")))
print("".join(reversed("stressed")), " ".join(w[::-1] for w in "hello world".split()))
