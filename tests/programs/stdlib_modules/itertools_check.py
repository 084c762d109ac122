# Checks: itertools: infinite iterators, combinatorics, groupby, accumulate, pairwise, tee, islice, zip_longest, starmap.
import itertools
import operator

print(list(itertools.islice(itertools.count(10, 3), 4)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)), list(itertools.accumulate([1, 2, 3, 4], operator.mul, initial=1)))
print(list(itertools.chain("ab", [1])), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 4, 1])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 4, 1])), list(itertools.filterfalse(str.isdigit, "a1b2")))
print([(key, list(group)) for key, group in itertools.groupby("aaabccdd")])
print([(key, [word for word in group]) for key, group in itertools.groupby(sorted(["bob", "al", "cy", "ann"], key=len), key=len)])
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])), list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(itertools.pairwise("abcd")), list(itertools.product("ab", repeat=2)), len(list(itertools.product(range(3), "xy"))))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 3)))
print(list(itertools.combinations_with_replacement("ab", 2)))
first, second = itertools.tee(iter([1, 2, 3]))
print(next(first), list(second), list(first))
print(list(itertools.islice(range(20), 2, 12, 3)), list(itertools.islice(map(lambda value: value * value, itertools.count()), 5)))


def generated():
    yield from range(3)
    raise_here = None
    yield raise_here


print(list(itertools.chain(generated(), generated())), sum(1 for _ in itertools.combinations(range(10), 4)))
try:
    list(itertools.islice("abc", -1))
except ValueError as error:
    print("ValueError:", error)
