# Checks: capture patterns bind names; wildcard does not; names stay bound after the match.
def check(value):
    match value:
        case [first, _, last]:
            return f"first={first} last={last}"
        case other:
            return f"captured {other!r}"


print(check([1, 2, 3]), check("ab"), check((4, 5, 6)))
match 42:
    case number:
        pass
print(number)
