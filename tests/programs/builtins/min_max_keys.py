# Checks: min/max with key functions, defaults and multiple arguments, ties keep the first.
words = ["kiwi", "apple", "fig", "banana", "pear"]
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min([], default=None), max(3, 7, key=lambda x: -x), min("b", "a", "c"))
print(max([("a", 2), ("b", 2)], key=lambda pair: pair[1]))
try:
    min()
except TypeError as error:
    print("TypeError:", error)
