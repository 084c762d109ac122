# Checks: word counting, longest words and letter histogram over a fixed text.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
words = [word.strip(",.").lower() for word in TEXT.split()]
frequency = {}
for word in words:
    frequency[word] = frequency.get(word, 0) + 1
top = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))[:5]
print(len(words), len(frequency), top)
print(sorted(set(words), key=lambda w: (-len(w), w))[:3])
letters = sorted((c for c in TEXT.lower() if c.isalpha()))
histogram = {}
for letter in letters:
    histogram[letter] = histogram.get(letter, 0) + 1
for letter, count in sorted(histogram.items(), key=lambda item: -item[1])[:5]:
    print(f"{letter} {'*' * count}")
