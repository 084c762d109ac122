# Checks: class patterns without __match_args__ use keyword sub-patterns; attribute lookups go through properties.
class Rect:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    @property
    def square(self):
        print("square property evaluated")
        return self.width == self.height


def kind(shape):
    match shape:
        case Rect(square=True, width=w):
            return f"square of side {w}"
        case Rect(width=w, height=h) if w > h:
            return "wide"
        case Rect():
            return "tall"


print(kind(Rect(2, 2)), kind(Rect(3, 1)), kind(Rect(1, 3)))
try:
    match Rect(1, 1):
        case Rect(1):
            pass
except TypeError as error:
    print("TypeError:", error)
