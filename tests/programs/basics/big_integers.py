# Checks: big integer arithmetic: factorials, powers, gcd on big numbers, str/int round trips of long numbers.
import math

big = math.factorial(100)
print(big, len(str(big)), big % 1000003, big.bit_length())
print(2 ** 521 - 1, (2 ** 521 - 1) % 97, math.gcd(2 ** 200, 6 ** 100), int(str(big)) == big)
print(-big // 10 ** 150, divmod(10 ** 40, 7 ** 20), (10 ** 40).to_bytes(17, "big").hex())
