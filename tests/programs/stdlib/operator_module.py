# Checks: operator module functions with guest objects: itemgetter, attrgetter, methodcaller and operators.
import operator


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def greet(self, greeting):
        return f"{greeting}, {self.name}"


people = [Person("ada", 36), Person("bob", 25)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))])
print(list(map(operator.methodcaller("greet", "hi"), people)))
rows = [(1, "b", 3.0), (2, "a", 1.0)]
print(sorted(rows, key=operator.itemgetter(1)), operator.itemgetter(0, 2)(rows[0]))
print(operator.add(1, 2), operator.concat("a", "b"), operator.neg(5), operator.not_(0), operator.index(7))
print(operator.contains([1, 2], 2), operator.getitem({"k": "v"}, "k"), operator.truth([]))


class Number:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Number(self.value + other.value)

    def __lt__(self, other):
        return self.value < other.value


print(operator.add(Number(1), Number(2)).value, operator.lt(Number(1), Number(2)))
items = [1, 2]
operator.iadd(items, [3])
print(items, operator.length_hint(iter(range(4))))
