# Checks: dynamic programming: edit distance, longest common subsequence, knapsack, coin change.
def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def lcs(a, b):
    table = [[""] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] == b[j]:
                table[i + 1][j + 1] = table[i][j] + a[i]
            else:
                table[i + 1][j + 1] = max(table[i][j + 1], table[i + 1][j], key=len)
    return table[-1][-1]


def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    for weight, value in items:
        for room in range(capacity, weight - 1, -1):
            best[room] = max(best[room], best[room - weight] + value)
    return best[capacity]


def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for total in range(coin, amount + 1):
            ways[total] += ways[total - coin]
    return ways[amount]


print(edit_distance("kitten", "sitting"), edit_distance("", "abc"), lcs("ABCBDAB", "BDCABA"))
print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)], 15), coin_change([1, 2, 5, 10, 25], 100))
