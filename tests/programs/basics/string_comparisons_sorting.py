# Checks: string comparison is by code point: case, length and unicode ordering.
words = ["banana", "Apple", "cherry", "apple", "Banana", "éclair", "zebra", "10", "9"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "é" > "z")
print(max(words), min(words), "apple" == "Apple".lower())
