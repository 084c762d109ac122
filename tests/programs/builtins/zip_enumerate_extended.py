# Checks: zip with unequal lengths, unzip with zip(*), enumerate with start, dict(zip()).
names = ["a", "b", "c"]
scores = [90, 80]
print(list(zip(names, scores)), list(zip(*[(1, "x"), (2, "y")])), dict(zip(names, range(3))))
for index, (name, score) in enumerate(zip(names, scores), start=1):
    print(index, name, score)
print(list(zip(*zip(*[[1, 2, 3], [4, 5, 6]]))))
