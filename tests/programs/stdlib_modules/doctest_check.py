# Checks: doctest: run examples from docstrings and from a string, failures reported, summary counts.
import contextlib
import doctest
import io
import sys


def square(number):
    """Square a number.

    >>> square(3)
    9
    >>> [square(n) for n in range(4)]
    [0, 1, 4, 9]
    >>> square("x")
    Traceback (most recent call last):
        ...
    TypeError: can't multiply sequence by non-int of type 'str'
    """
    return number * number


def wrong(value):
    """A function whose example is wrong.

    >>> wrong(2)
    5
    >>> print("a  b")  # doctest: +NORMALIZE_WHITESPACE
    a b
    """
    return value + 2


finder = doctest.DocTestFinder()
runner = doctest.DocTestRunner(verbose=False)
output = io.StringIO()
for function in (square, wrong):
    for test in finder.find(function, globs={"square": square, "wrong": wrong}):
        print(test.name, len(test.examples), [example.source for example in test.examples])
        runner.run(test, out=output.write)
report = output.getvalue()
print(report.replace(__file__, "FILE"))
print(runner.summarize(verbose=False))
parser = doctest.DocTestParser()
text = """
>>> x = 10
>>> x + 5
15
>>> print(
...     "multi")
multi
"""
test = parser.get_doctest(text, {}, "text", "text.txt", 0)
print([(example.source, example.want) for example in test.examples])
stream = io.StringIO()
runner2 = doctest.DocTestRunner()
runner2.run(test, out=stream.write)
print(runner2.summarize(verbose=False), repr(stream.getvalue()))
captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    results = doctest.testmod(sys.modules[__name__], verbose=False, report=False, extraglobs={"square": square})
print(results, captured.getvalue().replace(__file__, "FILE"))
