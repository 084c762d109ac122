# Checks: continue inside for/else does not skip the else; nested loops with labelled-break emulation via flags and exceptions.
for number in range(3):
    if number == 1:
        continue
    print("number", number)
else:
    print("else runs after continue")


class Found(Exception):
    pass


grid = [[1, 2], [3, 4], [5, 6]]
try:
    for row_index, row in enumerate(grid):
        for column_index, value in enumerate(row):
            if value == 4:
                raise Found((row_index, column_index))
except Found as found:
    print("found at", found.args[0])
