# Checks: collections: namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap, UserDict/List/String.
import collections
import collections.abc

Point = collections.namedtuple("Point", "x y", defaults=[0])
point = Point(3)
print(point, point._asdict(), point._replace(y=5), Point._fields, Point._field_defaults)
print(Point._make([7, 8]), point == (3, 0))
queue = collections.deque(range(5), maxlen=4)
queue.appendleft(-1)
queue.rotate(2)
print(queue, queue.maxlen, queue.count(2))
queue.extend("ab")
print(queue, queue.pop(), queue.popleft())
counts = collections.Counter("abracadabra")
print(counts.most_common(3), sorted(counts.elements())[:6], counts["z"])
counts.update({"a": -2, "q": 1})
print(sorted(counts.items()), (counts - collections.Counter(a=1)).total())
print(sorted((collections.Counter(a=3, b=1) & collections.Counter(a=1, b=2)).items()))
ordered = collections.OrderedDict.fromkeys("abcde")
ordered.move_to_end("b")
ordered.move_to_end("e", last=False)
print(list(ordered), ordered.popitem(), ordered.popitem(last=False))
groups = collections.defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), groups.default_factory)
chain = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
child = chain.new_child({"c": 4})
print(chain["a"], chain["b"], sorted(child), child.parents["a"], len(child))


class LowerDict(collections.UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


lower = LowerDict({"A": 1})
lower["B"] = 2
print(lower, "a" in lower)


class Stack(collections.UserList):
    def push(self, item):
        self.append(item)


stack = Stack([1])
stack.push(2)
print(stack, stack[::-1], type(stack + [3]).__name__)
print(collections.UserString("hello").upper(), collections.abc.Mapping in type(lower).__mro__)
