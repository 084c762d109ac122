# Checks: breadth-first search over a word graph (word ladder) with deterministic tie-breaking.
import collections
import string

WORDS = {"cold", "cord", "card", "ward", "warm", "worm", "word", "wood", "corm", "core", "wore", "ware"}


def ladder(start, goal):
    previous = {start: None}
    queue = collections.deque([start])
    while queue:
        word = queue.popleft()
        if word == goal:
            path = []
            while word:
                path.append(word)
                word = previous[word]
            return path[::-1]
        for index in range(len(word)):
            for letter in string.ascii_lowercase:
                candidate = word[:index] + letter + word[index + 1:]
                if candidate in WORDS and candidate not in previous:
                    previous[candidate] = word
                    queue.append(candidate)
    return None


print(ladder("cold", "warm"), ladder("cold", "wood"), ladder("cold", "xxxx"))
