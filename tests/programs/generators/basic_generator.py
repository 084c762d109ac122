# Checks: generator functions yield lazily; StopIteration at the end; generators are single-use.
def numbers(limit):
    print("start")
    for n in range(limit):
        print("yielding", n)
        yield n
    print("end")


gen = numbers(2)
print("created")
print(next(gen))
print(next(gen))
try:
    next(gen)
except StopIteration:
    print("StopIteration")
print(list(gen), list(numbers(3)), sum(numbers(4)))
