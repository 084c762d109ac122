"""Tier 1 runs a leaf (a function that calls nothing) without making its frame, and
makes it when something asks for it (pvm.engine.tier1's frameless runners): host code
the leaf set off calling guest code back (a property, an operator's special method, a
finalizer, a generator it iterates), an exception leaving it.  Whatever asks must see
what CPython shows: the program runs under python3 and under pvm with everything
translated at its first call."""

import textwrap

from tests.subprocesses import run_python

PROGRAM = textwrap.dedent('''
    import gc, sys, warnings

    seen = []

    class Probe:
        @property
        def caller(self):
            frame = sys._getframe(1)
            seen.append(frame)
            return (frame.f_code.co_name, frame.f_lineno,
                    sorted(k for k in frame.f_locals if not k.startswith(".")))

        def __add__(self, other):
            frame = sys._getframe(1)
            return (frame.f_code.co_name, frame.f_lineno, frame.f_back.f_code.co_name)

        @property
        def warns(self):
            warnings.warn("from a property", UserWarning, stacklevel=2)
            return 1

    class Finalized:
        def __del__(self):
            frame = sys._getframe(1)
            print("finalized in", frame.f_code.co_name, frame.f_lineno)

    def leaf_attribute(probe, n):
        total = n * 2
        first = probe.caller
        second = probe.caller
        return first, second, total

    def leaf_operator(probe):
        return probe + 1

    def leaf_raises(values, index):
        doubled = index * 2
        return values[doubled]

    def leaf_drops(holder):
        holder.item = None
        return "dropped"

    def numbers():
        yield sys._getframe(1).f_code.co_name
        yield sys._getframe(1).f_lineno

    def leaf_iterates(generator):
        found = []
        for value in generator:
            found.append(value)
        return found

    def leaf_warns(probe):
        return probe.warns

    def leaf_returns_self_frame(probe):
        probe.caller
        return 5

    def main():
        probe = Probe()
        for _ in range(3):
            print(leaf_attribute(probe, 4))
        print(seen[-1] is seen[-2], seen[-1].f_back.f_code.co_name)
        print(leaf_operator(probe))
        try:
            leaf_raises([1, 2, 3], 7)
        except IndexError as error:
            entries = []
            tb = error.__traceback__
            while tb is not None:
                entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno,
                                sorted(tb.tb_frame.f_locals)))
                tb = tb.tb_next
            print(entries)
        class Holder:
            pass
        holder = Holder()
        holder.item = Finalized()
        print(leaf_drops(holder))
        print(leaf_iterates(numbers()))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            leaf_warns(probe)
        print([(w.filename == __file__, w.lineno, str(w.message)) for w in caught])
        seen.clear()
        leaf_returns_self_frame(probe)
        kept = seen[-1]
        print(kept.f_code.co_name, kept.f_back.f_code.co_name)
        try:
            leaf_raises([1])
        except TypeError as error:
            print("TypeError", error)
        def deep(n):
            return deep(n + 1) if n < 10000 else n
        try:
            deep(0)
        except RecursionError as error:
            print("RecursionError", error)

    main()
''')


def test_frameless_leaves_show_cpythons_frames(tmp_path):
    path = tmp_path / "leaves.py"
    path.write_text(PROGRAM)
    expected = run_python([str(path)], str(tmp_path))
    assert expected[0] == 0, expected
    for options in (["-X", "tier=1", "-X", "jit-threshold=0"], ["-X", "tier=1"]):
        assert run_python(["-m", "pvm", *options, str(path)], str(tmp_path)) == expected
