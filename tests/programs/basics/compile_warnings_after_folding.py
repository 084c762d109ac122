# Checks: the '"is" with a literal' SyntaxWarnings are given on the folded tree, as CPython's compiler gives them after its AST optimizer: a constant subscripted by a constant is a literal ("hello"[-1]), so is an empty tuple, and not (a is b) is a is not b (and the other way round), which names the operator warned about.
import warnings

SOURCES = [
    '"hello"[-1] is a', 'b"x"[0] is a', '(1, 2)[0] is not a', '"hello"[1:] is a',
    '"abc"[5] is a', '"abc"["x"] is a', '[1][0] is a', 'a is ()', 'not (a is ())',
    'not (a is not 3.0)', 'not (a is 3.0)', 'x = not ("a" is not b)', 'not a is 1',
    'not (a is 1 is b)', 'not (a in "xy")', 'not (a == 1)', 'a is -1', 'a is None',
]

for source in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, "<source>", "exec")
    print(repr(source), [(warning.category.__name__, str(warning.message), warning.lineno)
                         for warning in caught])


# What the folding changes at run time: nothing but the operator negated.
def negations(a, b):
    return not (a in b), not (a not in b), not (a is b), not (a is not b)


print(negations(1, [1]), negations(2, [1]))
print("hello"[-1], (1, 2)[0], b"ab"[1], ())
try:
    print(not (1 in
               2))
except TypeError as error:
    print("TypeError:", error)
