"""Generators: a pipeline of generators, yield from, and a recursive tree walk."""

import sys
import time


def numbers(count):
    for value in range(count):
        yield value


def squares(source):
    for value in source:
        yield value * value


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(low, high):
    if low >= high:
        return None
    middle = (low + high) // 2
    return Tree(build(low, middle), middle, build(middle + 1, high))


def main(count):
    total = sum(evens(squares(numbers(count))))
    tree_total = sum(build(0, count // 4))
    return total, tree_total


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    start = time.process_time()
    print(main(count))
    print("elapsed", time.process_time() - start)
