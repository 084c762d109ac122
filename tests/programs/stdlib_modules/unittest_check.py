# Checks: unittest: a TestCase suite run with a StringIO stream; failures, errors, skips, subTest, expected failures; counts only.
import io
import unittest


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = [1, 2, 3]

    def setUp(self):
        self.value = 10

    def test_add(self):
        self.assertEqual(self.value + 5, 15)
        self.assertIn(2, self.shared)

    def test_fails(self):
        self.assertEqual([1, 2], [1, 3], "lists differ")

    def test_errors(self):
        raise KeyError("boom")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_subtests(self):
        for number in range(4):
            with self.subTest(number=number):
                self.assertNotEqual(number, 2)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(Arithmetic)
print(suite.countTestCases(), sorted(test.id().split(".")[-1] for test in suite))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
print(result.wasSuccessful(), [test.id().split(".")[-1] for test, _ in result.failures])
print(sorted(test.id().split(".", 1)[-1] for test, _ in result.errors))
print([message for _, message in result.skipped])
failure_text = result.failures[0][1]
print(failure_text.splitlines()[-1])
print([line for line in stream.getvalue().splitlines() if line.startswith(("FAIL", "ERROR", "FAILED"))])
case = Arithmetic("test_add")
try:
    case.assertDictEqual({"a": 1}, {"a": 2})
except AssertionError as error:
    print(str(error).splitlines()[0])
print(unittest.TestCase().assertIsNone(None), unittest.TestResult().wasSuccessful())
