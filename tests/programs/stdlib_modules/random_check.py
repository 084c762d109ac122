# Checks: random: seeded generators give CPython's sequences (random, randint, choice, shuffle, sample, distributions, state).
import random

generator = random.Random(12345)
print([round(generator.random(), 10) for _ in range(3)], generator.randint(1, 100), generator.randrange(0, 100, 7))
print(generator.choice("abcdef"), generator.choices(range(10), weights=range(10), k=5), generator.getrandbits(40))
deck = list(range(10))
generator.shuffle(deck)
print(deck, generator.sample(range(100), 5), generator.sample(["a", "b", "c"], counts=[1, 2, 3], k=4))
print(round(generator.uniform(1, 2), 10), round(generator.gauss(0, 1), 10), round(generator.normalvariate(5, 2), 10))
print(round(generator.expovariate(1.5), 10), round(generator.betavariate(2, 3), 10), round(generator.triangular(0, 10, 3), 10))
print(round(generator.gammavariate(2.0, 1.0), 10), round(generator.lognormvariate(0, 1), 10), round(generator.vonmisesvariate(1, 2), 10))
print(round(generator.paretovariate(3), 10), round(generator.weibullvariate(1, 2), 10), generator.randbytes(6).hex())
state = generator.getstate()
first = generator.random()
generator.setstate(state)
print(first == generator.random())
random.seed("text seed")
print(random.randint(0, 10 ** 6), random.random())
random.seed(b"bytes seed", version=2)
print(random.random())
random.seed(7)
print(random.sample(range(1000), 3), random.choice([True, False]))
try:
    random.choice([])
except IndexError as error:
    print("IndexError:", error)
try:
    random.sample(range(3), 5)
except ValueError as error:
    print("ValueError:", error)


class Constant(random.Random):
    def random(self):
        return 0.5


print(Constant().choice("abc"), Constant().uniform(0, 10), random.SystemRandom().random() < 1)
