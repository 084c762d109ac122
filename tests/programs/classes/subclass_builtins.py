# Checks: subclasses of list, dict and int with overridden methods.
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = value = len(key)
        return value


class LoggingList(list):
    def append(self, item):
        print("append", item)
        super().append(item)


class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"


counts = DefaultDict()
print(counts["abc"], counts, counts.get("zz"))
items = LoggingList([1])
items.append(2)
items.extend([3])
print(items, len(items), type(items + [4]).__name__)
print(Meters(2.5), Meters(1) + 1, [Meters(3)])
