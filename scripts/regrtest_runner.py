"""Run one of CPython's regression-test modules and print one line per test outcome.

    python3 scripts/regrtest_runner.py test.test_grammar
    python3 -m pvm scripts/regrtest_runner.py [--cpython-only-tests] test.test_grammar

Run by both interpreters (scripts/regrtest.py compares them).  Each outcome line is

    @@ OUTCOME TEST_ID | LAST LINE OF THE ERROR

with OUTCOME one of pass, fail, error, skip, xfail, xpass.  A test with
subtests counts as one test: it passes when it and all its subtests pass.
The test's own output goes to a buffer, so it cannot break the lines.

``--cpython-only-tests`` runs, under pvm, the tests that the suite keeps for CPython
(``@support.cpython_only``, ``support.check_impl_detail()``): pvm's objects of the
built-in types are CPython's own, so CPython's implementation details of them hold.
"""

import io
import sys
import unittest

MARK = "@@ "


class OutcomeResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}      # test id -> (outcome, detail)
        self.order = []

    def _set(self, test, outcome, detail=""):
        test_id = test.id()
        if test_id not in self.outcomes:
            self.order.append(test_id)
        previous = self.outcomes.get(test_id)
        # A failing subtest makes the whole test fail; a later pass does not undo it.
        if previous is not None and previous[0] in ("fail", "error") and outcome == "pass":
            return
        self.outcomes[test_id] = (outcome, detail)

    @staticmethod
    def _last_line(error):
        kind, value, _ = error
        text = "%s: %s" % (kind.__name__, value)
        return text.strip().splitlines()[-1][:200] if text.strip() else kind.__name__

    def addSuccess(self, test):
        self._set(test, "pass")

    def addFailure(self, test, error):
        self._set(test, "fail", self._last_line(error))

    def addError(self, test, error):
        if isinstance(test, unittest.TestCase):
            self._set(test, "error", self._last_line(error))
        else:       # a failing setUpClass / setUpModule: the id is the class or module
            self._set(_Named(str(test)), "error", self._last_line(error))

    def addSkip(self, test, reason):
        self._set(test, "skip", reason)

    def addExpectedFailure(self, test, error):
        self._set(test, "xfail")

    def addUnexpectedSuccess(self, test):
        self._set(test, "xpass")

    def addSubTest(self, test, subtest, error):
        if error is None:
            return
        outcome = "fail" if issubclass(error[0], test.failureException) else "error"
        self._set(test, outcome, self._last_line(error))


class _Named:
    def __init__(self, name):
        self.name = name

    def id(self):
        return self.name


def run_cpython_only_tests():
    """Answer the suite's implementation-detail guards as they are answered on CPython."""
    from test import support

    def check_impl_detail(**guards):
        guards, default = support._parse_guards(guards)
        return guards.get("cpython", default)

    support.check_impl_detail = check_impl_detail


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[0] == "--cpython-only-tests":
        run_cpython_only_tests()
        argv = argv[1:]
    name = argv[0]
    real_stdout = sys.stdout
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
    result = OutcomeResult()
    captured = io.StringIO()
    sys.stdout = captured
    stderr = sys.stderr
    sys.stderr = captured
    try:
        suite.run(result)
    finally:
        sys.stdout = real_stdout
        sys.stderr = stderr
    for test_id in result.order:
        outcome, detail = result.outcomes[test_id]
        real_stdout.write("%s%s %s | %s\n" % (MARK, outcome, test_id,
                                               detail.replace("\n", " ")))
    real_stdout.flush()


if __name__ == "__main__":
    main()
