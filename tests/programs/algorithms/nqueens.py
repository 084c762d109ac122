# Checks: N-queens solutions counted by backtracking with sets, first solution printed as a board.
def solve(size):
    solutions = []
    columns, diagonals, anti_diagonals = set(), set(), set()
    placement = []

    def place(row):
        if row == size:
            solutions.append(list(placement))
            return
        for column in range(size):
            if column in columns or row - column in diagonals or row + column in anti_diagonals:
                continue
            columns.add(column)
            diagonals.add(row - column)
            anti_diagonals.add(row + column)
            placement.append(column)
            place(row + 1)
            placement.pop()
            columns.remove(column)
            diagonals.remove(row - column)
            anti_diagonals.remove(row + column)
    place(0)
    return solutions


for size in range(1, 8):
    print(size, len(solve(size)))
for column in solve(6)[0]:
    print("".join("Q" if c == column else "." for c in range(6)))
