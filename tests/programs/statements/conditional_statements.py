# Checks: if/elif/else chains with various conditions.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score < 0:
        return "invalid"
    else:
        return "F"


print([grade(s) for s in (95, 85, 75, 10, -1, 90, 80)])
value = None
if value is None:
    print("none")
if not value:
    print("falsy")
if value == 0 or value is None and True:
    print("precedence: and binds tighter than or")
