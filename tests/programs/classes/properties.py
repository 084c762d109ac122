# Checks: property with getter, setter, deleter, docstrings and read-only errors.
class Temperature:
    def __init__(self):
        self._celsius = 0.0

    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._celsius = 0.0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    kelvin = property(lambda self: self._celsius + 273.15, doc="Kelvin")


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit, t.kelvin, Temperature.celsius.__doc__, Temperature.kelvin.__doc__)
try:
    t.fahrenheit = 5
except AttributeError as error:
    print("AttributeError:", error)
try:
    t.celsius = -300
except ValueError as error:
    print("ValueError:", error)
del t.celsius
print(t.celsius, type(Temperature.celsius).__name__)
