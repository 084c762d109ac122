# Checks: collections: Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap with guest values.
import collections

counts = collections.Counter("mississippi")
print(counts.most_common(2), counts["s"], counts["z"], sorted(counts.elements())[:4])
counts.update("ssx")
print(counts - collections.Counter("s"), (counts & collections.Counter("sss"))["s"])
groups = collections.defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
queue = collections.deque([1, 2, 3], maxlen=4)
queue.appendleft(0)
queue.append(4)
queue.rotate(1)
print(queue, queue.popleft(), queue.pop(), list(queue))
Point = collections.namedtuple("Point", ["x", "y"], defaults=[0])
point = Point(3)
print(point, point._replace(y=5), point._asdict(), Point._fields, point.x + point[1])
ordered = collections.OrderedDict.fromkeys("abc")
ordered.move_to_end("a")
print(list(ordered), ordered.popitem(last=False))
chain = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(chain["a"], chain["b"], dict(chain), chain.new_child({"c": 4})["c"])
