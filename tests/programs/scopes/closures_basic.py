# Checks: closures capture variables (not values), cells shared between closures.
def make_pair():
    value = 0

    def get():
        return value

    def set_(new):
        nonlocal value
        value = new
    return get, set_


get, set_ = make_pair()
print(get())
set_(42)
print(get())
print(get.__code__.co_freevars, make_pair.__code__.co_cellvars)
print([cell.cell_contents for cell in get.__closure__])


def late_binding():
    functions = []
    for i in range(3):
        functions.append(lambda: i)
    return [f() for f in functions]


print(late_binding())
