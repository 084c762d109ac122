"""A helper module imported by main.py."""
print("loading shapes module")
loaded_count = 1


def area(side):
    return side * side


class Square:
    def __init__(self, side):
        self.side = side

    def perimeter(self):
        return 4 * self.side
