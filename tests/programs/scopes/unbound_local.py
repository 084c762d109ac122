# Checks: UnboundLocalError when a local is read before assignment, NameError for missing globals.
value = "global"


def shadow():
    try:
        print(value)
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    value = "local"
    return value


print(shadow())


def missing():
    return undefined_name


try:
    missing()
except NameError as error:
    print("NameError:", error)


def deleted():
    item = 1
    del item
    try:
        return item
    except UnboundLocalError as error:
        return f"UnboundLocalError: {error}"


print(deleted())


def free_deleted():
    cell = 1

    def reader():
        return cell
    del cell
    try:
        reader()
    except NameError as error:
        print(type(error).__name__, error)


free_deleted()
