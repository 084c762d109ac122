"""Hexiom: solving the Hexiom puzzle by constraint propagation and backtracking.

The board is a hexagon of hexagonal cells. Each tile carries a number from 0 to 6, and a
solution puts every tile on a cell so that each tile's number is the count of occupied
cells around it; a few tiles are locked in place from the start. The solver keeps, for
every cell, the list of what may still go there (a tile number, or nothing), narrows the
lists with two rules (tile counts, and neighbour counts) until nothing changes, then
guesses at the cell with the fewest choices and backtracks, counting every solution.

The puzzles are made here from seeded random layouts, so the program needs no data; it
prints, per puzzle, the solutions and search nodes and a digest of the first solution.
"""

import random
import sys
import time

SIDE = 3
# The value for "no tile on this cell"; tile numbers are 0 to 6.
NOTHING = 7
VALUES = range(NOTHING + 1)
AXIAL_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


def build_board(side):
    """The cells of a hexagon with `side` cells a side, and each cell's neighbours."""
    limit = side - 1
    cells = [(q, r) for r in range(-limit, limit + 1) for q in range(-limit, limit + 1)
             if abs(q + r) <= limit]
    index = {cell: number for number, cell in enumerate(cells)}
    neighbours = []
    for q, r in cells:
        neighbours.append([index[(q + dq, r + dr)] for dq, dr in AXIAL_DIRECTIONS
                           if (q + dq, r + dr) in index])
    return cells, neighbours


CELLS, NEIGHBOURS = build_board(SIDE)


class Puzzle:
    def __init__(self, tile_counts, locked):
        self.tile_counts = tile_counts      # how many tiles carry each number 0..6
        self.locked = locked                # {cell: number} for tiles placed in advance
        self.wanted = tile_counts + [len(CELLS) - sum(tile_counts)]

    @classmethod
    def generate(cls, occupied_share, locked_tiles):
        """A puzzle with at least one solution: a random layout, numbered, then shuffled."""
        occupied = [random.random() < occupied_share for _ in CELLS]
        numbers = [sum(occupied[neighbour] for neighbour in NEIGHBOURS[cell])
                   for cell in range(len(CELLS))]
        tiles = [cell for cell in range(len(CELLS)) if occupied[cell]]
        tile_counts = [0] * 7
        for cell in tiles:
            tile_counts[numbers[cell]] += 1
        locked = {cell: numbers[cell] for cell in random.sample(tiles, locked_tiles)}
        return cls(tile_counts, locked)


class Search:
    def __init__(self, puzzle):
        self.puzzle = puzzle
        self.nodes = 0
        self.solutions = []

    def start(self):
        options = []
        for cell in range(len(CELLS)):
            if cell in self.puzzle.locked:
                options.append([self.puzzle.locked[cell]])
            else:
                options.append([value for value in VALUES if self.puzzle.wanted[value]])
        self.explore(options)

    def explore(self, options):
        self.nodes += 1
        if not self.narrow(options):
            return
        undecided = [cell for cell in range(len(CELLS)) if len(options[cell]) > 1]
        if not undecided:
            self.solutions.append([choices[0] for choices in options])
            return
        cell = min(undecided, key=lambda candidate: len(options[candidate]))
        for value in options[cell]:
            guess = [choices[:] for choices in options]
            guess[cell] = [value]
            self.explore(guess)

    def narrow(self, options):
        """Apply both rules until they change nothing; False if a cell has no choice left."""
        changed = True
        while changed:
            changed = False
            for value in VALUES:
                result = self.narrow_by_count(options, value)
                if result is None:
                    return False
                changed = changed or result
            for cell in range(len(CELLS)):
                result = self.narrow_by_neighbours(options, cell)
                if result is None:
                    return False
                changed = changed or result
        return True

    def narrow_by_count(self, options, value):
        """As many cells as there are tiles of a value may hold it, and no more."""
        wanted = self.puzzle.wanted[value]
        placed = possible = 0
        for choices in options:
            if value in choices:
                possible += 1
                if len(choices) == 1:
                    placed += 1
        if placed > wanted or possible < wanted:
            return None
        if placed < wanted < possible:
            return False
        # Either every tile of the value is placed, and the other cells cannot have it,
        # or every cell that could have it must.
        changed = False
        for choices in options:
            if value in choices and len(choices) > 1:
                if placed == wanted:
                    choices.remove(value)
                else:
                    choices[:] = [value]
                changed = True
        return changed

    def narrow_by_neighbours(self, options, cell):
        """A tile's number lies between its sure and its possible occupied neighbours."""
        choices = options[cell]
        sure = possible = 0
        for neighbour in NEIGHBOURS[cell]:
            around = options[neighbour]
            if NOTHING not in around:
                sure += 1
            if around != [NOTHING]:
                possible += 1
        kept = [value for value in choices if value == NOTHING or sure <= value <= possible]
        if not kept:
            return None
        changed = len(kept) != len(choices)
        choices[:] = kept
        if len(kept) > 1 or kept[0] == NOTHING or sure == possible:
            return changed
        # The tile's number is now known: if it equals one bound, the undecided
        # neighbours are all empty (number == sure) or all occupied (number == possible).
        number = kept[0]
        for neighbour in NEIGHBOURS[cell]:
            around = options[neighbour]
            if len(around) > 1 and NOTHING in around:
                if number == sure:
                    around[:] = [NOTHING]
                    changed = True
                elif number == possible:
                    around.remove(NOTHING)
                    changed = True
        return changed


def digest(solution):
    text = "".join("." if value == NOTHING else str(value) for value in solution)
    total = 0
    for character in text:
        total = (total * 131 + ord(character)) % 1000000007
    return total


def main(puzzles):
    random.seed(25)
    lines = []
    for _ in range(puzzles):
        search = Search(Puzzle.generate(occupied_share=0.6, locked_tiles=2))
        search.start()
        lines.append("%d solutions, %d nodes, first %d" % (
            len(search.solutions), search.nodes, digest(search.solutions[0])))
    return "\n".join(lines)


if __name__ == "__main__":
    puzzles = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    start = time.process_time()
    print(main(puzzles))
    print("elapsed", time.process_time() - start)
