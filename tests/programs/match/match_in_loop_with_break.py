# Checks: match inside loops with break/continue/return from case blocks.
def first_command(lines):
    for line in lines:
        match line.split():
            case []:
                continue
            case ["#", *_]:
                continue
            case ["stop"]:
                break
            case [command, *args]:
                return command, args
    return None


print(first_command(["", "# comment", "run fast now"]), first_command(["stop", "run"]), first_command([]))
