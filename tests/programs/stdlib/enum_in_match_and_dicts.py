# Checks: enum members as dict keys, in sets (sorted by value), in match statements and with Flag iteration.
import enum


class Suit(enum.Enum):
    CLUBS = 1
    DIAMONDS = 2
    HEARTS = 3
    SPADES = 4

    @property
    def colour(self):
        match self:
            case Suit.HEARTS | Suit.DIAMONDS:
                return "red"
            case _:
                return "black"


counts = {suit: len(suit.name) for suit in Suit}
print(counts[Suit.SPADES], [suit.colour for suit in Suit])
print(sorted({Suit.SPADES, Suit.CLUBS}, key=lambda s: s.value), Suit.HEARTS in counts)
try:
    Suit.CLUBS < Suit.SPADES
except TypeError as error:
    print("TypeError:", error)
