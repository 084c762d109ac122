# Checks: __format__ of user classes called by f-strings with the spec text.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "cents":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)


price = Money(1999)
print(f"{price} {price:cents} {price:>10.1f}|")
try:
    f"{object():x}"
except TypeError as error:
    print("TypeError:", error)
