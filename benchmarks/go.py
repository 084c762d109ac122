"""Go: a Monte Carlo tree search (UCT) player choosing moves on a 9x9 board.

For each move the player runs many games from the current position: it walks down its
search tree picking the child with the best upper confidence bound, finishes the game
with random moves that do not fill its own eyes, scores it (area scoring, komi 7.5) and
records the result along the path. The board keeps its stone groups incrementally (each
group a list of stones with a count of empty neighbour contacts), so capture and suicide
tests are cheap. Seeded random numbers make the chosen moves reproducible; the program
prints them and the search tree's statistics.
"""

import math
import random
import sys
import time

SIZE = 9
POINTS = SIZE * SIZE
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 7.5
# Random games rarely last this long; the cap stops the odd game that cycles.
MOVE_LIMIT = POINTS * 3


def opponent(colour):
    return BLACK + WHITE - colour


def build_neighbours():
    neighbours, diagonals = [], []
    for point in range(POINTS):
        row, column = divmod(point, SIZE)
        neighbours.append([(row + dr) * SIZE + column + dc
                           for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                           if 0 <= row + dr < SIZE and 0 <= column + dc < SIZE])
        diagonals.append([(row + dr) * SIZE + column + dc
                          for dr, dc in ((-1, -1), (-1, 1), (1, -1), (1, 1))
                          if 0 <= row + dr < SIZE and 0 <= column + dc < SIZE])
    return neighbours, diagonals


NEIGHBOURS, DIAGONALS = build_neighbours()


class Board:
    def __init__(self):
        self.colour = [EMPTY] * POINTS
        # Every stone points at its group's leader; the leader holds the group's stones
        # and its number of (stone, empty neighbour) contacts. A group is captured when
        # that number reaches zero.
        self.leader = list(range(POINTS))
        self.stones = [None] * POINTS
        self.contacts = [0] * POINTS
        # The empty points, in a list with each point's index, for O(1) removal.
        self.empties = list(range(POINTS))
        self.empty_index = list(range(POINTS))
        self.to_move = BLACK
        self.ko_point = PASS
        self.passes = 0
        self.moves = 0

    def copy(self):
        board = Board.__new__(Board)
        board.colour = self.colour[:]
        board.leader = self.leader[:]
        board.stones = [None if group is None else group[:] for group in self.stones]
        board.contacts = self.contacts[:]
        board.empties = self.empties[:]
        board.empty_index = self.empty_index[:]
        board.to_move = self.to_move
        board.ko_point = self.ko_point
        board.passes = self.passes
        board.moves = self.moves
        return board

    def finished(self):
        return self.passes >= 2 or self.moves >= MOVE_LIMIT

    def contacts_with(self, point, leader):
        """How many stones of the group led by `leader` touch `point`."""
        return sum(1 for neighbour in NEIGHBOURS[point] if self.leader[neighbour] == leader
                   and self.colour[neighbour] != EMPTY)

    def is_legal(self, point):
        """Not the ko point and not suicide (a move that captures is never suicide)."""
        if point == self.ko_point:
            return False
        colour = self.colour
        for neighbour in NEIGHBOURS[point]:
            if colour[neighbour] == EMPTY:
                return True
            leader = self.leader[neighbour]
            still_free = self.contacts[leader] > self.contacts_with(point, leader)
            if (colour[neighbour] == self.to_move) == still_free:
                # Joining a group with another liberty, or taking an enemy's last one.
                return True
        return False

    def fills_own_eye(self, point):
        colour = self.colour
        for neighbour in NEIGHBOURS[point]:
            if colour[neighbour] != self.to_move:
                return False
        enemy = opponent(self.to_move)
        enemy_corners = sum(1 for corner in DIAGONALS[point] if colour[corner] == enemy)
        # An eye on the edge has no corner to spare.
        return enemy_corners < (2 if len(DIAGONALS[point]) == 4 else 1)

    def random_move(self):
        """A random legal move that does not fill the player's own eye, else a pass."""
        candidates = len(self.empties)
        while candidates:
            index = int(random.random() * candidates)
            point = self.empties[index]
            if self.is_legal(point) and not self.fills_own_eye(point):
                return point
            candidates -= 1
            # Move the rejected point out of the range still to be tried.
            self.swap_empties(index, candidates)
        return PASS

    def legal_moves(self):
        return [point for point in self.empties
                if self.is_legal(point) and not self.fills_own_eye(point)]

    def swap_empties(self, first, second):
        empties = self.empties
        empties[first], empties[second] = empties[second], empties[first]
        self.empty_index[empties[first]] = first
        self.empty_index[empties[second]] = second

    def take_empty(self, point):
        last = len(self.empties) - 1
        self.swap_empties(self.empty_index[point], last)
        self.empties.pop()

    def give_empty(self, point):
        self.empty_index[point] = len(self.empties)
        self.empties.append(point)

    def play(self, point):
        self.moves += 1
        if point == PASS:
            self.passes += 1
            self.ko_point = PASS
            self.to_move = opponent(self.to_move)
            return
        self.passes = 0
        mover = self.to_move
        colour = self.colour
        self.take_empty(point)
        colour[point] = mover
        self.leader[point] = point
        self.stones[point] = [point]
        self.contacts[point] = 0
        friends, enemies = [], []
        for neighbour in NEIGHBOURS[point]:
            if colour[neighbour] == EMPTY:
                self.contacts[point] += 1
                continue
            leader = self.leader[neighbour]
            self.contacts[leader] -= 1
            group_list = friends if colour[neighbour] == mover else enemies
            if leader not in group_list:
                group_list.append(leader)
        leader = point
        for friend in friends:
            leader = self.merge(leader, friend)
        captured = []
        for enemy in enemies:
            if self.contacts[enemy] == 0:
                captured.extend(self.remove_group(enemy))
        # A lone stone that took exactly one stone and can be taken back at once makes ko.
        if (len(captured) == 1 and len(self.stones[leader]) == 1
                and self.contacts[leader] == 1):
            self.ko_point = captured[0]
        else:
            self.ko_point = PASS
        self.to_move = opponent(mover)

    def merge(self, first, second):
        if first == second:
            return first
        if len(self.stones[first]) < len(self.stones[second]):
            first, second = second, first
        for stone in self.stones[second]:
            self.leader[stone] = first
        self.stones[first].extend(self.stones[second])
        self.stones[second] = None
        self.contacts[first] += self.contacts[second]
        return first

    def remove_group(self, leader):
        stones = self.stones[leader]
        self.stones[leader] = None
        for stone in stones:
            self.colour[stone] = EMPTY
            self.leader[stone] = stone
            self.give_empty(stone)
        for stone in stones:
            for neighbour in NEIGHBOURS[stone]:
                if self.colour[neighbour] != EMPTY:
                    self.contacts[self.leader[neighbour]] += 1
        return stones

    def score(self, colour):
        """Area score: stones, plus empty points whose neighbours are all this colour."""
        total = KOMI if colour == WHITE else 0.0
        for point in range(POINTS):
            if self.colour[point] == colour:
                total += 1
            elif self.colour[point] == EMPTY:
                if all(self.colour[neighbour] == colour for neighbour in NEIGHBOURS[point]):
                    total += 1
        return total


class Node:
    """A position in the search tree, reached by `move`; the results are the mover's."""

    def __init__(self, move, parent, board):
        self.move = move
        self.mover = opponent(board.to_move)
        self.parent = parent
        self.wins = 0
        self.visits = 0
        self.children = []
        self.untried = board.legal_moves()

    def upper_bound(self):
        return (self.wins / self.visits
                + math.sqrt(math.log(self.parent.visits) / (5 * self.visits)))

    def best_child(self):
        best = self.children[0]
        best_bound = best.upper_bound()
        for child in self.children[1:]:
            bound = child.upper_bound()
            if bound > best_bound:
                best, best_bound = child, bound
        return best

    def most_visited(self):
        best = self.children[0]
        for child in self.children[1:]:
            if child.visits > best.visits:
                best = child
        return best


def search_once(root, board):
    node = root
    path = [root]
    while not node.untried and node.children and not board.finished():
        node = node.best_child()
        board.play(node.move)
        path.append(node)
    if node.untried and not board.finished():
        move = node.untried.pop(int(random.random() * len(node.untried)))
        board.play(move)
        child = Node(move, node, board)
        node.children.append(child)
        path.append(child)
    while not board.finished():
        board.play(board.random_move())
    black_wins = board.score(BLACK) > board.score(WHITE)
    for node in path:
        node.visits += 1
        if (node.mover == BLACK) == black_wins:
            node.wins += 1


def choose_move(board, games):
    root = Node(PASS, None, board)
    if not root.untried:
        return PASS, root
    for _ in range(games):
        search_once(root, board.copy())
    return root.most_visited().move, root


def main(moves, games):
    random.seed(1)
    board = Board()
    record = []
    visits = 0
    for _ in range(moves):
        move, root = choose_move(board, games)
        visits += sum(child.visits for child in root.children)
        board.play(move)
        record.append("pass" if move == PASS else "%s%d" % ("ABCDEFGHJ"[move % SIZE],
                                                            SIZE - move // SIZE))
    return "%s; %d playouts, black %.1f white %.1f" % (" ".join(record), visits,
                                                       board.score(BLACK),
                                                       board.score(WHITE))


if __name__ == "__main__":
    moves = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    games = int(sys.argv[2]) if len(sys.argv) > 2 else 160     # searched games per move
    start = time.process_time()
    print(main(moves, games))
    print("elapsed", time.process_time() - start)
