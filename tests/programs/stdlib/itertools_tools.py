# Checks: itertools functions with guest callables and generators.
import itertools
import operator

print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=9)))
print(list(itertools.chain("ab", [1], range(2))), list(itertools.chain.from_iterable(["xy", "z"])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.islice("abcdefg", 1, 6, 2)))
print([(key, list(group)) for key, group in itertools.groupby("aaabccaa")])
print([(key, [w for w in group]) for key, group in itertools.groupby(sorted(["bob", "ann", "bill", "al"]), key=lambda w: w[0])])
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations("abc", 2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.repeat("x", 3)), list(itertools.pairwise("abcd")), list(itertools.islice(itertools.cycle("ab"), 5)))
first, second = itertools.tee(iter([1, 2, 3]))
print(list(first), list(second), list(itertools.islice(itertools.count(10, 5), 3)))
print(list(map(operator.mul, itertools.count(1), "abc")))
