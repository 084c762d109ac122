# Checks: as-patterns capture sub-matches, including inside or-patterns and sequences.
def parse(command):
    match command.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", *items] as whole if items:
            return f"taking {items} (from {len(whole)} words)"
        case [("quit" | "exit")]:
            return "bye"
        case _:
            return "unknown command"


for command in ("go north", "go up", "take lamp key", "take", "exit", ""):
    print(repr(command), parse(command))
