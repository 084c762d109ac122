# Checks: nested loops computing a multiplication table and prime sieve.
size = 6
for row in range(1, size + 1):
    print(" ".join(f"{row * col:3d}" for col in range(1, size + 1)))
limit = 60
sieve = [True] * (limit + 1)
sieve[0] = sieve[1] = False
for number in range(2, int(limit ** 0.5) + 1):
    if sieve[number]:
        for multiple in range(number * number, limit + 1, number):
            sieve[multiple] = False
print([n for n, is_prime in enumerate(sieve) if is_prime])
