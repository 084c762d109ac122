# Checks: in a = b = expr, targets are assigned left to right after evaluating the value once.
class Recorder(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


record = Recorder()
record["first"] = record["second"] = print("value evaluated") or 7
x = y = z = [0]
x.append(1)
print(y, z, record)
