# Checks: Conway's game of life on a small grid with a glider, printed for several generations.
def step(live):
    counts = {}
    for (row, col) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (row + dr, col + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, count in counts.items() if count == 3 or (count == 2 and cell in live)}


def show(live, size=6):
    for row in range(size):
        print("".join("#" if (row, col) in live else "." for col in range(size)))
    print()


cells = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
for generation in range(4):
    show(cells)
    cells = step(cells)
print(sorted(cells))
