# Checks: __len__, __getitem__, __setitem__, __delitem__, __contains__, __reversed__, slices as keys.
class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        if isinstance(key, slice):
            return f"slice({key.start}, {key.stop}, {key.step})"
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __len__(self):
        return len(self.cells)

    def __contains__(self, key):
        return key in self.cells

    def __reversed__(self):
        return iter(sorted(self.cells, reverse=True))


grid = Grid()
grid[0, 0] = "X"
grid[1, 2] = "O"
print(grid[0, 0], grid[5, 5], grid[1:2], grid[::3], len(grid), (1, 2) in grid)
del grid[0, 0]
print(len(grid), list(reversed(grid)))
try:
    del grid[9, 9]
except KeyError as error:
    print("KeyError:", error)
