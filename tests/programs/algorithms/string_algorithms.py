# Checks: palindromes, anagram groups, run-length encoding, Caesar cipher, word frequencies.
import collections


def is_palindrome(text):
    letters = [c.lower() for c in text if c.isalnum()]
    return letters == letters[::-1]


def run_length(text):
    encoded = []
    for char in text:
        if encoded and encoded[-1][0] == char:
            encoded[-1][1] += 1
        else:
            encoded.append([char, 1])
    return "".join(f"{count}{char}" for char, count in encoded)


def caesar(text, shift):
    def rotate(char):
        if char.isalpha():
            base = ord("A") if char.isupper() else ord("a")
            return chr((ord(char) - base + shift) % 26 + base)
        return char
    return "".join(map(rotate, text))


print([is_palindrome(t) for t in ("A man, a plan, a canal: Panama", "hello", "")])
groups = collections.defaultdict(list)
for word in ["listen", "silent", "enlist", "google", "gogole", "cat", "act"]:
    groups["".join(sorted(word))].append(word)
print(sorted(groups.values()))
print(run_length("aaabccddddde"), caesar("Hello, World!", 3), caesar(caesar("Round trip", 7), -7))
text = "the cat and the hat and the bat"
print(collections.Counter(text.split()).most_common(3))
