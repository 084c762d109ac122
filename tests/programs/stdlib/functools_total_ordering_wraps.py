# Checks: functools.total_ordering fills in comparisons; functools.wraps copies metadata; singledispatch.
import functools


@functools.total_ordering
class Card:
    ORDER = "23456789TJQKA"

    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return self.rank == other.rank

    def __lt__(self, other):
        return self.ORDER.index(self.rank) < self.ORDER.index(other.rank)

    def __repr__(self):
        return self.rank


cards = [Card(r) for r in "K29A"]
print(sorted(cards), Card("K") >= Card("Q"), Card("2") > Card("3"), Card("T") <= Card("T"))


@functools.singledispatch
def describe(value):
    return "something"


@describe.register
def _(value: int):
    return f"int {value}"


@describe.register(list)
def _(value):
    return f"list of {len(value)}"


print(describe(1), describe([1, 2]), describe("s"), describe(True))
