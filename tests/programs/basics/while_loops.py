# Checks: while loops computing values (collatz, gcd, digit sums).
def collatz_length(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print([collatz_length(n) for n in range(1, 20)])
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
n = 987654321
total = 0
while n:
    n, digit = divmod(n, 10)
    total += digit
print("digit sum", total)
