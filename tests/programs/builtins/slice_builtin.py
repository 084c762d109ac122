# Checks: slice objects: attributes, indices(), use on lists, strings and custom __getitem__.
class Recorder:
    def __getitem__(self, key):
        return key


recorder = Recorder()
print(recorder[1:2], recorder[::3], recorder[1:2, ::-1], recorder[...], recorder[:])
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s.indices(5), "abcdefghij"[s], list(range(20))[s])
print(slice(5) == slice(None, 5), slice(-3, None).indices(10))
