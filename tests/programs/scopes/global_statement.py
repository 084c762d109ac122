# Checks: global declarations: assignment, augmented assignment and deletion of module names.
total = 0


def add(amount):
    global total
    total += amount


def create():
    global created
    created = "made inside a function"


def remove():
    global created
    del created


add(5)
add(7)
print(total)
create()
print(created)
remove()
print("created" in globals())


def reads_global():
    return total * 2


print(reads_global())
