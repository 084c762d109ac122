# Checks: while/else used for searching, with break skipping the else clause.
def find(items, target):
    index = 0
    while index < len(items):
        if items[index] == target:
            print("found", target, "at", index)
            break
        index += 1
    else:
        print(target, "not found")


find([4, 5, 6], 5)
find([4, 5, 6], 9)
find([], 1)
