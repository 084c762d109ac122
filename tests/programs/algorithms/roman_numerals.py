# Checks: converting integers to and from Roman numerals, with validation errors.
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number):
    if not 0 < number < 4000:
        raise ValueError(f"{number} is out of range")
    parts = []
    for value, letters in PAIRS:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def from_roman(text):
    values = {letters: value for value, letters in PAIRS if len(letters) == 1}
    total = 0
    for current, following in zip(text, text[1:] + " "):
        value = values[current]
        total += -value if following != " " and values[following] > value else value
    return total


print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
try:
    to_roman(0)
except ValueError as error:
    print("ValueError:", error)
