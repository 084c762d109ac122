"""Tier 1 runs the body of a small callee in place of its call (pvm.engine.inlining),
where tier 0 saw that callee alone called there while the caller warmed up: what the
guest sees of the callee (its frame, when asked for: its line, locals and f_back; its
traceback entry; its depth against the recursion limit; its locals freed at its
return; a tracer's events) must be CPython's, as must a call whose callee changed."""

import textwrap

from tests.subprocesses import run, run_python

# Each function below gets hot (the loops at the end), with one callee seen at its
# calls of get() and pick(): tier 1 inlines them, then the same calls meet callees
# that do what an inlined body must not get wrong.
PROGRAM = textwrap.dedent('''
    import sys
    import threading
    import traceback
    import warnings


    class Box:
        def __init__(self, v):
            self.v = v

        def get(self):
            return self.v

        def pick(self, other):
            return self.v if other else self.missing


    class Peek(Box):
        def __init__(self, v):
            pass

        @property
        def v(self):
            # The caller of this property is get(), inlined: its frame, made now.
            f = sys._getframe(1)
            g = f.f_back
            return (f.f_code.co_name, f.f_lineno, sorted(f.f_locals), g.f_code.co_name,
                    g.f_lineno)


    class Fails(Box):
        def __init__(self, v):
            pass

        @property
        def v(self):
            raise ValueError("from property")


    class Warns(Box):
        def __init__(self, v):
            pass

        @property
        def v(self):
            warnings.warn("careful", UserWarning, stacklevel=2)
            return 7


    class Noisy(Box):
        def __del__(self):
            print("freed", self.v)


    def use(box, n):
        total = []
        for i in range(n):
            total.append(box.get())
        return total[-1]


    def pick(box, flag):
        return box.pick(flag)


    def drop(v):
        box = Noisy(v)
        box.get()
        del box
        print("dropped", v)


    def deep(box, n):
        if n == 0:
            return box.get()
        return deep(box, n - 1)


    def entries(error):
        found = []
        tb = error.__traceback__
        while tb is not None:
            found.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return found


    for _ in range(40):
        use(Box(1), 5)
        pick(Box(2), True)
        deep(Box(3), 3)
    for v in range(3):
        drop(v)
    print(use(Box(3), 3))
    print(use(Peek(0), 2))
    try:
        use(Fails(0), 2)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    for _ in range(3):
        try:
            pick(Box(4), False)
        except AttributeError as error:
            print(entries(error))
    warnings.simplefilter("always")
    warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: \\
        print("warned", message, lineno)
    print(use(Warns(0), 2))
    # The recursion limit, near its edge: the inlined callee's frame counts.
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    for slack in range(-3, 4):
        try:
            deep(Box(5), sys.getrecursionlimit() - depth - 2 + slack)
            print("ok", slack)
        except RecursionError:
            print("RecursionError", slack)
    # A tracer set once the callers are hot sees the callee's events.
    events = []


    def tracer(frame, event, arg):
        if frame.f_code.co_name in ("get", "use"):
            events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer


    sys.settrace(tracer)
    use(Box(6), 2)
    sys.settrace(None)
    print(events)
    # Calls from another thread, once one runs.
    results = []
    thread = threading.Thread(target=lambda: results.append(use(Peek(0), 2)))
    thread.start()
    thread.join()
    print(results, use(Box(7), 2))


    # The callee's code replaced: the calls run the new code.
    def negated(self):
        return -self.v


    Box.get.__code__ = negated.__code__
    print(use(Box(8), 2), pick(Box(9), True))
''')


def test_inlined_callees_run_as_cpython(tmp_path):
    program = tmp_path / "inlined.py"
    program.write_text(PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "freed 0\ndropped 0" in expected[1]
    assert "('get', " in expected[1] and "RecursionError 3" in expected[1]
    for threshold in ("3", "40"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   "-X", "jit-log", str(program)]
        status, stdout, stderr = run(command, str(tmp_path))
        assert (status, stdout) == expected[:2], threshold
        # (What makes the test: the calls were inlined; drop() runs thrice.)
        inlined = [("use", "Box.get"), ("pick", "Box.pick")]
        if threshold == "3":
            inlined.append(("drop", "Box.get"))
        for caller, callee in inlined:
            assert any(line.startswith("pvm tier 1: translated %s " % caller)
                       and "inlined: %s at " % callee in line
                       for line in stderr.splitlines()), (threshold, caller)
