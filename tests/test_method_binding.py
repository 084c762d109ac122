"""Guest functions become methods through the host's C slot once code is hot
(pvm.engine.method_binding), and through ``Function.__get__`` before: both must bind
as CPython binds.  The program runs under python3, under pvm with the slot pointed at
the host's from the first call (-X jit-threshold=0), and under pvm with nothing hot
(-X jit-threshold of a million: the Python-level ``__get__``)."""

import textwrap

import pytest

from tests.subprocesses import run_python

PROGRAM = textwrap.dedent('''
    import functools, types

    class Base:
        def method(self, x=1):
            return ("Base.method", type(self).__name__, x)

        @classmethod
        def made(cls):
            return ("made", cls.__name__)

        @staticmethod
        def plain(x):
            return ("plain", x)

        @property
        def prop(self):
            return ("prop", type(self).__name__)

        def _getter(self):
            return "via property(function)"
        other = property(_getter)
        partly = functools.partialmethod(method, 42)

    class Derived(Base):
        def method(self, x=2):
            return ("Derived.method", super().method(x))

    class Meta(type):
        def on_class(cls):
            return ("Meta.on_class", cls.__name__)

    class WithMeta(metaclass=Meta):
        pass

    class Slotted:
        __slots__ = ("a",)
        def get(self):
            return self.a

    class Listing(list):
        def first(self):
            return self[0]

    class Fallback:
        def __getattr__(self, name):
            return ("fallback", name)
        def real(self):
            return "real"

    d = Derived()
    print(d.method(), d.method(5), Derived.method(d, 7), Base.method(d))
    print(d.made(), Derived.made(), d.plain(3), d.prop, d.other, d.partly())
    bound = d.method
    print(type(bound) is types.MethodType, bound.__self__ is d,
          bound.__func__ is Derived.__dict__["method"], bound == d.method,
          bound is d.method, Derived.method is Derived.__dict__["method"])
    # An instance attribute shadows a function of the class; deleting it uncovers it.
    d.method = lambda: "instance's own"
    print(d.method())
    del d.method
    print(d.method())
    print(WithMeta.on_class(), Meta.on_class(WithMeta))
    s = Slotted(); s.a = 9
    print(s.get(), Listing([4, 5]).first(), Fallback().real(), Fallback().missing)
    function = Derived.__dict__["method"]
    print(function.__get__(d)(), function.__get__(None, Derived) is function,
          function.__get__(d, Derived).__self__ is d)
    print(classmethod(function).__get__(d, Derived)())
    # A function put on the class later binds too; and methods of methods.
    def added(self, y):
        return ("added", y)
    Derived.added = added
    print(d.added(8), getattr(d, "added")(9), vars(Derived)["added"] is added)
    print(repr(d.method).startswith("<bound method Derived.method of"))
    try:
        Slotted().get()
    except AttributeError as error:
        print("AttributeError", error)
    for _ in range(3):
        print([Listing([i]).first() for i in range(3)])

    # Special methods the host looks up on the type and calls with the instance first
    # (operators, len, hash): an instance attribute of the same name is not asked.
    class Number:
        def __init__(self, n):
            self.n = n
        def __sub__(self, other):
            return Number(self.n - other.n)
        def __rsub__(self, other):
            return ("rsub", other)
        def __len__(self):
            return self.n
        def __eq__(self, other):
            return isinstance(other, Number) and self.n == other.n
        def __hash__(self):
            return hash(self.n)
        def __repr__(self):
            return "Number(%d)" % self.n
        def __getitem__(self, index):
            return index * self.n
    a, b = Number(5), Number(2)
    a.__sub__ = lambda other: "the instance's own, which the operator never asks"
    for _ in range(3):
        print(a - b, 3 - a, len(a), a == Number(5), {a: 1}[Number(5)], a[3],
              sorted([a, b], key=len), list(map(Number.__len__, [a, b])),
              functools.partial(Base.method, d, x=3)(), a.__sub__(b))
''')


@pytest.mark.parametrize("threshold", ["0", "1000000"])
def test_methods_bind_as_cpython_binds(tmp_path, threshold):
    path = tmp_path / "binding.py"
    path.write_text(PROGRAM)
    expected = run_python([str(path)], str(tmp_path))
    assert expected[0] == 0, expected
    actual = run_python(["-m", "pvm", "-X", "jit-threshold=" + threshold, str(path)],
                        str(tmp_path))
    assert actual == expected


def test_this_host_binds_guest_functions_in_c():
    """On CPython the slot is found and pointed at the host function type's; were it
    not, methods would still bind, in Python, and this is where it would show."""
    import types

    from pvm.engine import method_binding
    from pvm.engine.objects import Function

    assert method_binding.bind_in_c(Function)
    assert method_binding._slot(Function) == method_binding._slot(types.FunctionType)
    # ... and is marked as the host marks its function type: a method the host calls
    # is called with its instance first, no bound method made.
    method_descriptor = 1 << 17
    assert types.FunctionType.__flags__ & method_descriptor
    assert Function.__flags__ & method_descriptor
