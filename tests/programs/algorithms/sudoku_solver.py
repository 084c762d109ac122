# Checks: a backtracking sudoku solver on a fixed puzzle.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
grid = [[int(c) if c != "." else 0 for c in line] for line in PUZZLE.split()]


def candidates(row, col):
    used = set(grid[row]) | {grid[r][col] for r in range(9)}
    box_row, box_col = 3 * (row // 3), 3 * (col // 3)
    used |= {grid[r][c] for r in range(box_row, box_row + 3) for c in range(box_col, box_col + 3)}
    return [n for n in range(1, 10) if n not in used]


def solve():
    for row in range(9):
        for col in range(9):
            if grid[row][col] == 0:
                for number in candidates(row, col):
                    grid[row][col] = number
                    if solve():
                        return True
                grid[row][col] = 0
                return False
    return True


print(solve())
for line in grid:
    print("".join(map(str, line)))
