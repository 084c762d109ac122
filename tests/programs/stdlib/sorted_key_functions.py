# Checks: sorted/min/max/list.sort with guest key functions, reverse, stability and cmp_to_key.
import functools

people = [("ada", 36), ("bob", 25), ("cy", 36), ("dee", 19)]
print(sorted(people, key=lambda person: person[1]))
print(sorted(people, key=lambda person: (-person[1], person[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: len(p[0])))


def by_length_then_reverse_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=functools.cmp_to_key(by_length_then_reverse_alpha)))
words.sort(key=str.upper, reverse=True)
print(words)


class Record:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return self.value < other.value

    def __repr__(self):
        return f"R{self.value}"


print(sorted([Record(3), Record(1), Record(2)]), max([Record(5), Record(9)]))
