# Checks: every augmented assignment operator on names, attributes and subscripts.
x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x /= 3; print(x)
x = 17
x //= 3; print(x)
x %= 4; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF0; print(x)
x |= 0x0F; print(x)
x ^= 0xFF; print(x)


class Box:
    def __init__(self):
        self.value = 1


box = Box()
box.value += 5
box.value *= 2
print(box.value)
table = {"a": [1]}
table["a"] += [2]
table["a"] *= 2
print(table)
items = [1, 2]
alias = items
items += [3]
print(alias, alias is items)
numbers = (1, 2)
other = numbers
numbers += (3,)
print(other, numbers)
text = "ab"
text *= 3
print(text)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
