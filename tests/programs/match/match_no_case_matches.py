# Checks: when no case matches nothing happens, and names from failed patterns may stay unbound.
value = (1, 2)
match value:
    case (1, 3):
        print("no")
    case [x, y, z]:
        print("no")
print("after match")
match {"a": 1}:
    case {"b": _}:
        print("no")
print("no default needed")
