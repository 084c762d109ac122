# Checks: the objects a call's arguments are made of die once the callee holds them:
# a generator made by a call with keywords, run by the next call, finds its arguments
# only it holds (as CPython's reference counting frees them), however hot the caller.
import gc
import weakref

gc.disable()


class Held:
    pass


def arguments_only_here(first, second):
    first = weakref.ref(first)
    second = weakref.ref(second)
    yield first() is None, second() is None


class Maker:
    def make(self, first, second):
        return arguments_only_here(first, second)


def with_keywords():
    return next(arguments_only_here(Held(), second=Held()))


def positional():
    return next(arguments_only_here(Held(), Held()))


def after_a_jump(flag):
    # The call ends its stretch of code: the jump's target comes next.
    return next(flag and arguments_only_here(Held(), second=Held()))


def method_with_keywords(maker):
    return next(maker.make(Held(), second=Held()))


maker = Maker()
# Enough calls for the callers to get hot (pvm joins and translates hot code).
for case, arguments in ((with_keywords, ()), (positional, ()), (after_a_jump, (True,)),
                        (method_with_keywords, (maker,))):
    results = {case(*arguments) for _ in range(1200)}
    print(case.__name__, sorted(results))
