# Checks: statistics functions and a seeded random.Random (deterministic sequences).
import random
import statistics

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(statistics.variance(data), statistics.median_low([1, 3, 5, 7]), statistics.quantiles(data, n=4))
generator = random.Random(12345)
print([generator.randint(1, 100) for _ in range(5)], generator.random())
items = list(range(10))
generator.shuffle(items)
print(items, generator.choice("abcdef"), generator.sample(range(100), 3))
