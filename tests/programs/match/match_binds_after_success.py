# Checks: a pattern binds its captures only once it has matched in full (a failed alternative or case leaves no partial bindings), or-alternatives binding the same names in different orders, and the compile-time errors of patterns.
def bound_by(subject):
    match subject:
        case ((a, b, c, 9) | (c, a, b, 10) | (b, -5, a, c) | (-1, c, b, a)):
            w = 0
    found = dict(locals())
    del found["subject"]
    return sorted(found.items())


for subject in (range(10, 14), range(7, 11), [1, -5, 2, 3], (-1, 2, 3, 4), (0, 1, 2, 3)):
    print(list(subject), bound_by(subject))


def nested(subject):
    match subject:
        case [y, (a, b, 1) | (b, a, 2), z]:
            return sorted(locals().items())
        case [y, *_]:
            return sorted(locals().items())


print(nested((0, (5, 6, 1), 9)))
print(nested((0, (5, 6, 2), 9)))
print(nested((0, (5, 6, 3), 9)))


def first_case_fails(subject):
    match subject:
        case [x, 1]:
            pass
        case [_, y]:
            pass
    return sorted(locals().items())


print(first_case_fails([7, 2]))


bad_sources = [
    "case 'a' | a: pass",
    "case [a, [b] | [c]]: pass",
    "case C(a=_, a=_): pass",
    "case {f'': _}: pass",
    "case a, a: pass",
    "case {'k': a, 'l': a}: pass",
    "case C(x, y=x): pass",
    "case a as a: pass",
    "case a | 'a': pass",
    "case x | [_ as x] if x: pass",
    "case _ | _: pass",
    "case (_ as x) | [x]: pass",
    "case (None | _) | _: pass",
    "case f'{x}': pass",
    "case {1: _, 1: _}: pass",
    "case [*a, *b]: pass",
    "case __debug__: pass",
    "case x:\n        pass\n    case _: pass",
]
for body in bad_sources:
    source = "match s:\n    " + body + "\n"
    try:
        compile(source, "<patterns>", "exec")
    except SyntaxError as error:
        print(repr(body), "->", error.msg, error.lineno)
    else:
        print(repr(body), "-> compiles")
