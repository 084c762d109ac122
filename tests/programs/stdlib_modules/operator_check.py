# Checks: operator: function forms of operators, itemgetter/attrgetter/methodcaller, in-place forms, index, length_hint.
import operator
import collections

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-2), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(16, 2), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.contains("abc", "b"))
print(operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.getitem({"k": 1}, "k"))
items = [1, 2, 3]
operator.setitem(items, 0, 9)
operator.delitem(items, 1)
print(items, operator.index(7), operator.length_hint(iter(range(5))), operator.length_hint(object(), 3))
Person = collections.namedtuple("Person", "name age address")
Address = collections.namedtuple("Address", "city")
people = [Person("ada", 36, Address("London")), Person("bob", 25, Address("Paris"))]
print(sorted(people, key=operator.attrgetter("age"))[0].name, list(map(operator.attrgetter("address.city", "name"), people)))
print(operator.itemgetter(1, 0)("ab"), operator.itemgetter(slice(1, None))([1, 2, 3]), operator.methodcaller("split", ",", 1)("a,b,c"))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("x")), repr(operator.methodcaller("m", 1, k=2)))
accumulator = [1]
print(operator.iadd(accumulator, [2]) is accumulator, operator.iadd(5, 1), operator.imul("x", 3), operator.matmul.__name__)


class Matrix:
    def __init__(self, value):
        self.value = value

    def __matmul__(self, other):
        return Matrix(self.value * other.value)


print(operator.matmul(Matrix(3), Matrix(4)).value, operator.call(max, 1, 5) if hasattr(operator, "call") else max(1, 5))
try:
    operator.index(1.5)
except TypeError as error:
    print("TypeError:", error)
