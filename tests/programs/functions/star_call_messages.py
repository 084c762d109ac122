# Checks: the messages of calls with * and ** and of {**x} name the callable as CPython does ("dir()", "__main__.g()", "None"), f(*a) hands a to the call itself, {**x} takes a mapping's keys() and items only, and f(**{1: 2}) says "keywords must be strings"; found by test_extcall, test_metaclass and test_unpack_ex's doctests.
def g(*args): return args
class Nothing: pass
def h(**kw): return kw
nothing = None
for call in (lambda: g(*Nothing()), lambda: h(*h), lambda: dir(*h), lambda: nothing(*h),
             lambda: dir(**h), lambda: nothing(**h), lambda: dir(b=1, **{'b': 1}),
             lambda: h(**{1: 2}), lambda: {**1}, lambda: {**[]}, lambda: {**{'a': 1}, **{'b': 2}},
             lambda: g(*[1, 2]), lambda: g(*(x for x in range(3))), lambda: g(1, *[2]),
             lambda: print(*Nothing(), sep=1), lambda: g(*"ab", **{}),
             lambda: exec("class C(metaclass=type, **{'metaclass': type}): pass")):
    try:
        print(call())
    except TypeError as error:
        print("TypeError:", error)
class M(dict):
    def __getitem__(self, key): return 42
    def keys(self): return ["z"]
print({**M(a=1)})
class K:
    def keys(self): return ["q"]
    def __getitem__(self, key): return key * 2
print({**K()}, h(**K()))
