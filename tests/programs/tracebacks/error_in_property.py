# Checks: traceback through a property getter.
class Circle:
    def __init__(self, radius):
        self.radius = radius

    @property
    def area(self):
        return 3.14159 * self.radius ** 2


print(Circle(2).area)
print(Circle("2").area)
