"""N-queens: all solutions by permutations and set comprehensions (generators, sets)."""

import sys
import time


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for index in range(len(items)):
        rest = items[:index] + items[index + 1:]
        for tail in permutations(rest):
            yield [items[index]] + tail


def solutions(size):
    columns = range(size)
    for placement in permutations(list(columns)):
        if (size == len({placement[i] + i for i in columns})
                == len({placement[i] - i for i in columns})):
            yield placement


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    start = time.process_time()
    print(sum(1 for _ in solutions(size)))
    print("elapsed", time.process_time() - start)
