"""Tier 1's generators (pvm.engine.tier1, ``_resumer_body``): a generator function's
translation is a host generator that the guest generator resumes; wherever the frame
has to go on in tier 0 (an exception its code handles, an exception thrown in, a
tracer, a call past the nesting limit) it does, and the guest sees CPython's
generator throughout."""

import dis
import textwrap

from pvm import opcodes
from pvm.compiler import compile as pvm_compile
from pvm.engine import objects
from pvm.engine.decode import single_handlers
from pvm.engine.instructions.support import (passes_generator_to_loop,
                                             passes_new_generator)
from pvm.world import World
from tests.subprocesses import run, run_python

PROGRAM = textwrap.dedent('''
    import gc
    import sys

    def numbers(count):
        for value in range(count):
            yield value

    def squares(source):
        for value in source:
            yield value * value

    def summed(count):
        total = 0
        for value in numbers(count):
            total += value
            received = yield total
            if received is not None:
                total = received
        return "summed %d" % total

    class Tree:
        def __init__(self, left, value, right):
            self.left, self.value, self.right = left, value, right

        def __iter__(self):
            if self.left is not None:
                yield from self.left
            yield self.value
            if self.right is not None:
                yield from self.right

    def build(low, high):
        if low >= high:
            return None
        middle = (low + high) // 2
        return Tree(build(low, middle), middle, build(middle + 1, high))

    def handles(values):
        # Exceptions the generator's own code handles: the frame goes on in tier 0.
        for value in values:
            try:
                yield 10 // value
            except ZeroDivisionError as error:
                yield "caught: %s" % error
        yield "handles done"

    def stops_inside():
        # A StopIteration the guest code catches itself (the host would make it a
        # RuntimeError on its way out of a host generator).
        try:
            next(iter([]))
        except StopIteration:
            yield "stop caught"
        yield "after"

    def stops_out():
        yield 1
        next(iter([]))

    def stops_at_once():
        # The compiler drops the yield: no host generator can run this one.
        raise StopIteration
        yield

    def guarded(log):
        try:
            for value in range(5):
                yield value
        except ValueError as error:
            log.append("thrown: %s" % error)
            yield "recovered"
        finally:
            log.append("finally ran")

    def where():
        frame = sys._getframe()
        yield frame.f_back.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno
        local = "seen"
        yield sorted(sys._getframe().f_locals)

    class Noisy:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            print("del", self.name)

    def makes_noisy(count):
        for number in range(count):
            yield Noisy(number)

    def deep(level):
        if level:
            yield from deep(level - 1)
        yield level

    def seen_handled(count):
        # No handler of its own: what it sees handled is its resumer's.
        for _ in range(count):
            yield repr(sys.exception())

    def handles_then_sees(count):
        # Handlers of its own: inside them its own exception, outside its resumer's.
        for index in range(count):
            try:
                raise KeyError(index)
            except KeyError:
                yield repr(sys.exception())
            yield repr(sys.exception())

    def tracer(frame, event, argument):
        if frame.f_code.co_name == "traced":
            print("trace", event, frame.f_lineno - frame.f_code.co_firstlineno)
        return tracer

    def traced():
        for value in range(3):
            yield value

    for round_ in range(3):
        print(sum(squares(numbers(50))), list(squares(range(4))))
        generator = summed(6)
        print(next(generator), next(generator), generator.send(100), list(generator))
        try:
            generator = summed(2)
            while True:
                next(generator)
        except StopIteration as stop:
            print("returned", stop.value)
        print(sum(build(0, 40)), list(build(0, 5)))
        print(list(handles([1, 0, 5, 0])))
        print(list(stops_inside()))
        for stopping in (stops_out, stops_at_once):
            try:
                list(stopping())
            except RuntimeError as error:
                print(type(error).__name__, error, type(error.__cause__).__name__)
        log = []
        generator = guarded(log)
        print(next(generator), next(generator), generator.throw(ValueError("bad")))
        generator.close()
        print(log)
        generator = guarded(log)
        print(next(generator))
        print(generator.gi_frame.f_lineno - guarded.__code__.co_firstlineno,
              sorted(generator.gi_frame.f_locals))
        del generator
        gc.collect()
        print(log)
        generator = where()
        print(next(generator), next(generator))
        for noisy in makes_noisy(3):
            print("got", noisy.name)
            del noisy
        print(list(deep(30))[-3:], any(value > 7 for value in range(10)))
        generator = traced()
        print(next(generator))
        sys.settrace(tracer)
        print(list(generator))
        sys.settrace(None)
        plain, handling = seen_handled(4), handles_then_sees(2)
        print(next(plain), next(handling))
        try:
            raise OSError("outside")
        except OSError:
            print(next(plain), next(handling), next(handling))
            print([next(plain), next(handling)])
        print(next(plain), list(handling), list(plain))
        generator = squares(range(3))
        print(generator.__next__(), generator.gi_running, generator.gi_suspended)
        try:
            generator.send(5)
            print(list(generator))
        except ValueError as error:
            print(error)
''')


def test_translated_generators_run_as_cpython(tmp_path):
    program = tmp_path / "generators.py"
    program.write_text(PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "stop caught" in expected[1] and "trace line" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   "-X", "jit-log", str(program)]
        status, stdout, stderr = run(command, str(tmp_path))
        assert (status, stdout) == expected[:2], threshold
        # The generators were translated (so it is the host generators that ran).
        for name in ("numbers", "summed", "Tree.__iter__", "handles", "guarded", "deep",
                     "seen_handled", "handles_then_sees"):
            assert "pvm tier 1: translated %s (" % name in stderr, (threshold, name)


# A host ``for`` over a pvm generator the guest holds runs the generator's host
# generator itself (objects.generator_items), the generator's state left SUSPENDED
# meanwhile: everything the guest can see of it must be CPython's -- gi_running inside,
# resuming it from inside it (next, send, throw, close: "already executing"), its
# handlers (tier 0 takes the frame on), its errors and their tracebacks, a StopIteration
# leaving it, its return, next() and close() and throw() from the loop's body, a break
# and another loop after it, a tracer set in the body, and ``yield from`` of it.
HELD_LOOPED_PROGRAM = textwrap.dedent('''
    import sys
    import traceback


    def counting(count, log):
        for value in range(count):
            log.append(("running", me[0].gi_running, me[0].gi_suspended))
            yield value


    me = [None]


    def reentered():
        yield 1
        try:
            next(me[0])
        except ValueError as error:
            yield "inside: %s" % error
        try:
            me[0].send(None)
        except ValueError as error:
            yield "send: %s" % error
        try:
            me[0].throw(KeyError("x"))
        except ValueError as error:
            yield "throw: %s" % error
        try:
            me[0].close()
        except ValueError as error:
            yield "close: %s" % error
        yield me[0].gi_running, me[0].gi_suspended, me[0].gi_yieldfrom


    def poked(how):
        try:
            if how == "next":
                next(me[0])
            elif how == "send":
                me[0].send(None)
            elif how == "throw":
                me[0].throw(KeyError("x"))
            else:
                me[0].close()
        except ValueError as error:
            return "%s: %s" % (how, error)


    def reentered_without_handlers():
        # (No handler of its own: the host's for runs its host generator directly.)
        yield 1
        yield poked("next")
        yield poked("send")
        yield poked("throw")
        yield poked("close")
        yield me[0].gi_running, me[0].gi_suspended, me[0].gi_yieldfrom


    def handling(values):
        for value in values:
            try:
                yield 12 // value
            except ZeroDivisionError:
                yield "handled"
        return "done"


    def failing(count):
        for value in range(count):
            yield value
        raise KeyError("from the generator")


    def stops():
        yield 1
        raise StopIteration("inner")


    def returns_early(values):
        for value in values:
            if value > 2:
                return value
            yield value


    def loop_all(generator):
        seen = []
        for value in generator:
            seen.append(value)
        return seen


    def interleaved(generator):
        seen = []
        for value in generator:
            seen.append(value)
            seen.append(next(generator, "ended"))
        return seen


    def closes_inside(generator):
        seen = []
        for value in generator:
            seen.append(value)
            if value == 1:
                generator.close()
                seen.append(("closed", generator.gi_frame))
        return seen


    def throws_inside(generator):
        seen = []
        for value in generator:
            seen.append(value)
            if value == 0:
                seen.append(generator.throw(ZeroDivisionError("thrown")))
        return seen


    def breaks_then_goes_on(generator):
        first = []
        for value in generator:
            first.append(value)
            if value == 1:
                break
        frame = generator.gi_frame
        first.append((frame.f_lineno - frame.f_code.co_firstlineno, generator.gi_running,
                       generator.gi_suspended))
        return first, [value for value in generator]


    def traced_midway(generator):
        def tracer(frame, event, argument):
            if frame.f_code.co_name == "counting":
                print("trace", event, frame.f_lineno - frame.f_code.co_firstlineno)
            return tracer
        seen = []
        for value in generator:
            seen.append(value)
            if value == 1:
                sys.settrace(tracer)
        sys.settrace(None)
        return seen


    def delegating(generator):
        result = yield from generator
        yield ("returned", result)


    def watches_delegation(inner):
        outer = delegating(inner)
        seen = []
        for value in outer:
            frame = inner.gi_frame
            seen.append((value, outer.gi_yieldfrom is inner, inner.gi_running,
                         inner.gi_suspended, outer.gi_running,
                         frame and frame.f_lineno - frame.f_code.co_firstlineno))
        return seen


    def main():
        for round_ in range(3):
            log = []
            generator = counting(3, log)
            me[0] = generator
            print(loop_all(generator), log, generator.gi_running, generator.gi_suspended)
            generator = reentered()
            me[0] = generator
            print(loop_all(generator))
            generator = reentered_without_handlers()
            me[0] = generator
            print(loop_all(generator))
            print(loop_all(handling([1, 0, 3, 0])))
            try:
                loop_all(failing(3))
            except KeyError:
                traceback.print_exc(file=sys.stdout)
            try:
                loop_all(stops())
            except RuntimeError as error:
                print("RuntimeError", error, repr(error.__cause__))
            print(loop_all(returns_early(range(10))))
            me[0] = counting(7, [])
            print(interleaved(me[0]))
            me[0] = counting(5, [])
            print(closes_inside(me[0]))
            print(throws_inside(handling([1, 2, 3])))
            me[0] = counting(5, [])
            print(breaks_then_goes_on(me[0]))
            me[0] = counting(4, [])
            print(traced_midway(me[0]))
            print(loop_all(delegating(handling([4, 0]))))
            me[0] = counting(3, [])
            print(loop_all(delegating(me[0])))
            me[0] = reentered_without_handlers()
            print(loop_all(delegating(me[0])))
            print(watches_delegation(counting(3, [])))
            try:
                loop_all(delegating(failing(2)))
            except KeyError:
                traceback.print_exc(file=sys.stdout)
            print(loop_all(delegating(delegating(returns_early([1, 2, 5])))))


    main()
''')


def test_loops_over_held_generators_run_as_cpython(tmp_path):
    program = tmp_path / "looped.py"
    program.write_text(HELD_LOOPED_PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "next: generator already executing" in expected[1]
    assert "trace line" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   str(program)]
        assert run(command, str(tmp_path))[:2] == expected[:2], threshold


def test_a_generator_translation_shows_its_yields(tmp_path):
    program = tmp_path / "shown.py"
    program.write_text("def countdown(n):\n    while n:\n        yield n\n        n -= 1\n\n"
                       "print(list(countdown(3)))\n")
    status, stdout, stderr = run(["python3", "-m", "pvm", "-X", "tier=1", "-X",
                                  "jit-threshold=0", "-X", "jit-show=countdown", str(program)],
                                 str(tmp_path))
    assert (status, stdout) == (0, "[3, 2, 1]\n")
    assert "def resume_countdown(frame, stack, fast, label=0):" in stderr
    assert "(yield " in stderr and "YIELD_VALUE, line 3" in stderr


# Generators resumed by functions that run with no frame (``sum()`` over a generator
# expression in a frameless runner): the generator's f_back, and the frames below it,
# are made only when read (frames._BackMadeOnRead), and must be CPython's then.
RESUMED_FRAMELESS = textwrap.dedent('''
    import sys
    import traceback

    def counted(count):
        for value in range(count):
            if value == 2:
                caller = sys._getframe(1)
                print("f_back", caller.f_code.co_name, caller.f_lineno)
                print([entry.name for entry in traceback.extract_stack()][-5:])
            yield value

    def total(count):
        return sum(value for value in counted(count))

    def repeated(count):
        result = 0
        for _ in range(3):
            result += total(count)
        return result

    print([repeated(4) for _ in range(3)])

    def failing():
        yield 1
        raise ValueError("from the generator")

    def consumer():
        return sum(failing())

    try:
        consumer()
    except ValueError:
        traceback.print_exc(file=sys.stdout)

    def outer_names():
        yield sys._getframe().f_back.f_back.f_code.co_name

    def second():
        return list(outer_names())

    def first():
        return second()

    print([first() for _ in range(5)])

    def unread(count):
        yield from range(count)

    def quiet(count):
        return sum(unread(count))

    print([quiet(value) for value in range(6)], sys._getframe().f_code.co_name)

    # The generator's host generator links its frame itself, and unlinks it where it
    # yields: its own layer of handled exceptions, the frames below it read in its
    # handler (which the translation leaves to tier 0's loop), and its resumer's after.
    def layered():
        try:
            yield repr(sys.exception())
            raise KeyError("inside")
        except KeyError:
            yield repr(sys.exception()), sys._getframe(1).f_code.co_name
        yield repr(sys.exception()), sys._getframe(1).f_code.co_name

    def layered_consumer():
        try:
            raise ValueError("outside")
        except ValueError:
            held = layered()
            first = next(held)
            return [first, repr(sys.exception()), *list(held), repr(sys.exception())]

    print([layered_consumer() for _ in range(3)])
''')


def test_generators_resumed_by_frameless_functions_see_cpython_frames(tmp_path):
    program = tmp_path / "resumed.py"
    program.write_text(RESUMED_FRAMELESS)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "f_back <genexpr>" in expected[1]
    command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=0",
               str(program)]
    assert run(command, str(tmp_path))[:2] == expected[:2]


# Builtins that iterate a generator expression's generator, which nothing else holds:
# each is given tier 1's driver of the frame (objects.PendingGenerator), which does at each
# resumption what the generator's _resume does.  Everything a guest can see of that:
# values, early ends (the frame closed where it yields, its locals freed then), errors
# and their tracebacks, a StopIteration leaving the frame, frames read from inside, a
# tracer set midway (tier 0 takes the frame on), and the cases the driver must not
# take: a generator the guest holds, one a conditional expression chooses.
CONSUMED_PROGRAM = textwrap.dedent('''
    import gc
    import sys
    import traceback


    class Noisy:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            print("del", self.name)


    def totals(values, limit):
        return (sum(value for value in values if value < limit),
                min(value * 2 for value in values), max(-value for value in values),
                sorted(value % 3 for value in values))


    def tests(values):
        return (all(value >= 0 for value in values), any(value > 3 for value in values),
                all(value < 2 for value in values), any(value == 1 for value in values))


    def caller_name():
        return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name


    def frames(values):
        return sum(len(caller_name()[1]) for value in values), [
            name for name in (caller_name() for value in values[:1])]


    def failing(values):
        return sum(10 // value for value in values)


    def stopping(values):
        iterator = iter(values)
        return sum(next(iterator) for value in range(5))


    def held(values):
        generator = (value + 1 for value in values)
        first = sum(generator)
        return first, next(generator, "ended")


    def chosen(values, which):
        given = (value for value in values)
        return sum(given if which else (value * 10 for value in values))


    def closed_early():
        keep = [Noisy("a"), Noisy("b")]
        found = any(item.name == "a" for item in keep)
        del keep
        print("after any", found)


    def nested(rows):
        return sum(sum(cell for cell in row) for row in rows)


    def collected(values):
        return (tuple(value + 1 for value in values), list(value for value in values),
                "-".join(str(value) for value in values), set(value for value in values),
                dict((value, str(value)) for value in values), frozenset(
                    value for value in values), bytes(value for value in values),
                tuple(value for value in values if value > 1 // (value - 1)))


    def traced(values):
        def tracer(frame, event, arg):
            if frame.f_code.co_name == "<genexpr>":
                print("trace", event, frame.f_lineno)
            return tracer
        return sum((sys.settrace(tracer) if value == 2 else None, value)[1]
                   for value in values)


    for round_ in range(3):
        values = [3, 1, 4, 1, 5]
        print(totals(values, 4), tests(values), frames(values))
        print(held(values), chosen(values, True), chosen(values, False),
              nested([values, values]))
        print(collected([3, 4, 5]))
        try:
            collected(values)
        except ZeroDivisionError:
            traceback.print_exc(file=sys.stdout)
        closed_early()
        for function, argument in ((failing, [1, 0]), (stopping, [1, 2])):
            try:
                function(argument)
            except Exception:
                traceback.print_exc(file=sys.stdout)
    print(traced([1, 2, 3]))
    sys.settrace(None)
    gc.collect()
    print("done")
''')


def test_builtins_iterating_generator_expressions_see_cpython_generators(tmp_path):
    program = tmp_path / "consumed.py"
    program.write_text(CONSUMED_PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "ZeroDivisionError" in expected[1] \
        and "generator raised StopIteration" in expected[1] and "trace line" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   str(program)]
        assert run(command, str(tmp_path))[:2] == expected[:2], threshold


def test_a_generator_expression_alone_is_driven_by_its_translation():
    # The driver, given in place of the generator, runs the frame as the generator would;
    # any other callee is given the generator.
    world = World(tier=1, join_threshold=0)
    world.run_source("def doubled(values):\n    for value in values:\n"
                     "        yield value * 2\n", "<test>")
    doubled = world.modules["__main__"].__dict__["doubled"]
    list(doubled([0]))      # (translated at its first call)
    driver = world.interpreter.driven_generator(doubled, [[1, 2, 3]])
    assert driver.gi_code.co_name == "drive_doubled" and sum(driver) == 12
    generator = objects.PendingGenerator(doubled, [[1, 2]]).made()
    assert type(generator) is objects.Generator and list(generator) == [2, 4]


def test_a_yield_statement_passes_its_value_through_no_list():
    # ``yield value`` pushed the value on the real stack for the suspension to pop, and
    # pushed the value sent in for the POP_TOP after it to drop: the host generators
    # that start the frame and that drive it yield the value, and take none back.
    world = World(tier=1, join_threshold=0)
    world.run_source("def doubled(values):\n    for value in values:\n"
                     "        yield value * 2\n        yield value\n", "<test>")
    doubled = world.modules["__main__"].__dict__["doubled"]
    assert list(doubled([1, 2])) == [2, 1, 4, 2]
    resumer = world.interpreter.executable_of(doubled.__code__).resumer
    # The appends left: GET_ITER's (the loop's iterator, on the stack); and the driver's
    # None pushed where it leaves the frame to tier 0 just after each yield, a tracer
    # set meanwhile, for the POP_TOP that tier 0 runs next.
    for host_function, appends in ((resumer.from_start, 1), (resumer.drive, 3)):
        calls = [instruction.argval for instruction in dis.get_instructions(host_function)
                 if instruction.opname == "LOAD_METHOD"]
        assert calls.count("append") == appends and "pop" not in calls, (host_function, calls)
    assert sum(world.interpreter.driven_generator(doubled, [[1, 2, 3]])) == 18


def test_only_a_call_of_a_new_generator_takes_it_alone():
    # CALL's decode-time test: the call right after a comprehension's call, no jump
    # landing between (a conditional expression brings a held generator there).
    code = pvm_compile("sum(x for x in y)\nsum(g if c else (x for x in y))\n"
                       "len([x for x in y])\nf(x)(y)\n", "<test>", "exec")
    calls = [index for index, (opcode, operand) in enumerate(code.instructions())
             if opcode == opcodes.BY_NAME["CALL"].number]
    taking = [passes_new_generator(code, index) for index in calls]
    assert taking == [False, True, False, False, False, True, False, False], taking
    # (The call before one that takes it makes the generator it passes: CALL's
    # ``makes_passed_generator``.)
    making = [passes_new_generator(code, index + 1) for index in calls]
    assert making == [True, False, False, False, True, False, False, False], making


# A for loop iterating what a call of a generator function returns holds the generator
# alone: it is given the driver of the frame (Interpreter.iterated_generator).  The
# same things a guest can see, with recursion (nqueens' permutations), methods with
# closures, a value returned, a loop broken out of, and a generator with a handler
# (no driver: its frame must see the close).
LOOPED_PROGRAM = textwrap.dedent('''
    import sys
    import traceback


    class Noisy:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            print("del", self.name)


    def permutations(items):
        if len(items) <= 1:
            yield list(items)
            return
        for index in range(len(items)):
            rest = items[:index] + items[index + 1:]
            for tail in permutations(rest):
                yield [items[index]] + tail


    def names():
        yield sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
        yield sys._getframe(2).f_code.co_name


    def outer_loop():
        return [name for name in names()], [value for value in names()]


    def looping():
        found = []
        for value in names():
            found.append(value)
        return found


    def returns_value(count):
        for number in range(count):
            yield number
        return "ignored"


    def noisy_items():
        first = Noisy("first")
        yield first.name
        second = Noisy("second")
        yield second.name
        print("not reached")


    def broken():
        for name in noisy_items():
            print("got", name)
            break
        print("after break")


    def fails(count):
        for number in range(count):
            yield 10 // (number - 2)


    def failing():
        total = 0
        for value in fails(5):
            total += value
        return total


    def stops():
        yield 1
        raise StopIteration("inner")


    def stopping():
        return [value for value in [0]] + [value for value in stops()]


    def loop_over_stops():
        seen = []
        for value in stops():
            seen.append(value)
        return seen


    class Box:
        def __init__(self, values):
            self.values = values

        def items(self):
            scale = 10
            def scaled(value):
                return value * scale
            for value in self.values:
                yield scaled(value)


    def methods(box):
        total = 0
        for value in box.items():
            total += value
        return total


    def guarded():
        try:
            yield 1
            yield 2
        finally:
            print("finally")


    def breaks_guarded():
        for value in guarded():
            break
        print("after guarded")


    def traced():
        def tracer(frame, event, arg):
            if frame.f_code.co_name == "counting":
                print("trace", event, frame.f_lineno)
            return tracer
        def counting():
            yield 1
            sys.settrace(tracer)
            yield 2
            yield 3
        total = 0
        for value in counting():
            total += value
        sys.settrace(None)
        return total


    for round_ in range(3):
        print(sum(1 for _ in permutations([1, 2, 3, 4])), list(permutations([1, 2]))[:2])
        print(outer_loop(), looping())
        print([value for value in returns_value(3)], methods(Box([1, 2, 3])))
        broken()
        breaks_guarded()
        for function in (failing, loop_over_stops, stopping):
            try:
                print(function())
            except Exception:
                traceback.print_exc(file=sys.stdout)
    print(traced())
    print("done")
''')


def test_for_loops_over_new_generators_see_cpython_generators(tmp_path):
    program = tmp_path / "looped.py"
    program.write_text(LOOPED_PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "after break" in expected[1] and "finally" in expected[1] \
        and "generator raised StopIteration" in expected[1] and "trace line" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   str(program)]
        assert run(command, str(tmp_path))[:2] == expected[:2], threshold


def test_only_a_call_whose_value_a_loop_takes_at_once_makes_it_for_the_loop():
    code = pvm_compile("for x in f(): pass\ng = f()\nfor x in g: pass\n"
                       "for x in (f() if c else g): pass\n", "<test>", "exec")
    calls = [index for index, (opcode, operand) in enumerate(code.instructions())
             if opcode == opcodes.BY_NAME["CALL"].number]
    looping = [passes_generator_to_loop(code, index) for index in calls]
    assert looping == [True, False, False], looping


def test_the_call_of_a_comprehension_s_function_is_its_own_variant():
    # The call that makes what the next call takes (CALL's ``makes_passed_generator``)
    # calls the comprehension's function just made: CALL_OF_COMPREHENSION, which makes
    # a generator expression's generator with no test of the callable (a list
    # comprehension's runs on as CALL).
    code = pvm_compile("sum(x for x in y)\nsorted([x for x in y])\nf(g(x))\n",
                       "<test>", "exec")
    handlers = single_handlers(code)
    called = [handlers[index].__name__ for index, (opcode, operand)
              in enumerate(code.instructions())
              if opcode == opcodes.BY_NAME["CALL"].number]
    assert called == ["CALL_OF_COMPREHENSION", "CALL_OF_NEW_GENERATOR",
                      "CALL_OF_COMPREHENSION", "CALL_OF_NEW_GENERATOR", "CALL", "CALL"], called


# Generators fail at several instructions (an attribute, an item, a division, in a
# loop's iteration, in a generator expression a builtin drives): the host generators
# read the failing instruction off the line where the error left them, as frames'
# translations do (tier1._failures_left_to_lines), and the tracebacks are CPython's.
FAILING_GENERATORS = textwrap.dedent('''
    import traceback


    class Broken:
        def __iter__(self):
            yield 1
            raise KeyError("from the iteration")


    def failing(kind, items):
        total = 0
        for item in items:
            total += item
            if kind == "attribute":
                total = total.missing
            yield total
            if kind == "index":
                yield items[total * 10]
        if kind == "division":
            yield total // (total - total)


    def driven(kind, items):
        return sum(item.missing if kind == "attribute"
                   else items[item * 10]
                   for item in items if item)


    for round_ in range(3):
        for kind in ("attribute", "index", "division"):
            for make in (failing, driven):
                try:
                    print(list(make(kind, [1, 2])) if make is failing else make(kind, [0, 1]))
                except Exception as error:
                    entries = traceback.extract_tb(error.__traceback__)
                    print(type(error).__name__, [(entry.name, entry.lineno, entry.line)
                                                 for entry in entries[1:]])
        try:
            print(list(failing("none", Broken())))
        except KeyError as error:
            print("KeyError", error.__traceback__.tb_next.tb_lineno)
''')


def test_generators_read_the_failing_instruction_off_their_host_lines(tmp_path):
    program = tmp_path / "failing.py"
    program.write_text(FAILING_GENERATORS)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "AttributeError [('failing', 16," in expected[1] \
        and "('<genexpr>', 26" in expected[1] and "KeyError 13" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   str(program)]
        assert run(command, str(tmp_path)) == expected, threshold
    # One handler records the failing instruction in each host generator (a driver's
    # close clears it too), not one around each statement that may fail.
    world = World(tier=1, join_threshold=0)
    world.run_source(FAILING_GENERATORS.split("for round_")[0], "<test>")
    failing = world.modules["__main__"].__dict__["failing"]
    assert list(failing("none", [1, 2])) == [1, 3] and world.interpreter.tier
    resumer = world.interpreter.executable_of(failing.__code__).resumer
    for host_function, records in ((resumer.from_start, 1), (resumer.drive, 2)):
        stores = [instruction.argval for instruction in dis.get_instructions(host_function)
                  if instruction.opname == "STORE_ATTR"]
        assert stores.count("failed_index") == records, (host_function, stores)


def test_a_tuple_or_set_of_values_known_is_made_by_a_display():
    # BUILD_TUPLE and BUILD_SET of values that the translation names are host displays,
    # with no list made first (generate._displays_made).
    world = World(tier=1, join_threshold=0)
    world.run_source("def pair(a, b):\n    return (a, b), {a, b}, (), set()\n", "<test>")
    pair = world.modules["__main__"].__dict__["pair"]
    assert pair(1, 2) == ((1, 2), {1, 2}, (), set())
    direct = world.interpreter.executable_of(pair.__code__).direct
    opnames = [instruction.opname for instruction in dis.get_instructions(direct)]
    globals_read = [instruction.argval for instruction in dis.get_instructions(direct)
                    if instruction.opname == "LOAD_GLOBAL"]
    assert "BUILD_SET" in opnames and "tuple" not in globals_read, (opnames, globals_read)


SUSPENDED_LOCALS_PROGRAM = textwrap.dedent('''
    import sys, inspect

    def gen(n):
        total = 0
        for i in range(n):
            total += i
            label = "at %d" % i
            yield total
        return total

    g = gen(5)
    next(g); next(g)
    print(sorted(g.gi_frame.f_locals.items()))
    print(inspect.getgeneratorlocals(g))
    next(g)
    print(sorted(inspect.getgeneratorlocals(g).items()))

    def catching(n):
        state = "start"
        try:
            for i in range(n):
                state = "item %d" % i
                yield i
        except ValueError as error:
            print("caught", error, state, i)
            yield "after"
        finally:
            print("finally", state)

    c = catching(4)
    next(c); next(c)
    print(c.throw(ValueError("boom")))
    c.close()
    c = catching(4)
    next(c); next(c); next(c)
    c.close()
    c = catching(4)
    next(c)
    del c

    # A generator expression's frame, kept while it ran and read while it is suspended.
    frames = []
    def keep(x):
        frames.append(sys._getframe(1))
        return x
    def look(x):
        f = frames[-1]
        return (x, sorted(k for k in f.f_locals if not k.startswith('.')), f.f_locals.get('v'))
    print(list(map(look, (keep(v) for v in range(3)))))

    # A generator function iterated by a for loop (a driver), its frame kept.
    def numbers(n):
        for k in range(n):
            square = k * k
            keep(square)
            yield square
    for value in numbers(3):
        f = frames[-1]
        print(value, f.f_code.co_name, f.f_locals.get('k'), f.f_locals.get('square'))

    # A tracer set while the generator is suspended: tier 0 takes it on.
    g = gen(4)
    next(g); next(g)
    events = []
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "gen":
            events.append((event, frame.f_lineno, frame.f_locals.get('total')))
        return tracer
    sys.settrace(tracer)
    print(next(g), next(g))
    sys.settrace(None)
    print(events)

    class Noisy:
        def __init__(self, name): self.name = name
        def __del__(self): print("del", self.name)
    def holder():
        x = Noisy("first")
        yield 1
        x = Noisy("second")
        yield 2
        x = None
        yield 3
    h = holder()
    print(next(h)); print(next(h)); print(next(h)); print("end")
''')


def test_the_locals_of_a_suspended_generator_are_its_host_generator_s(tmp_path):
    # Where tier 1's host generators yield, the locals they store stay theirs (nothing
    # written back to the frame): read through gi_frame, a frame kept from a generator
    # expression or a driven generator, a throw() or close() that tier 0 takes on (with
    # the host generator closed first), a tracer set while suspended; and a value the
    # guest drops after it resumes is freed there.
    program = tmp_path / "suspended.py"
    program.write_text(SUSPENDED_LOCALS_PROGRAM)
    expected = run_python([str(program)], str(tmp_path))
    assert expected[0] == 0 and "caught boom item 1 1" in expected[1] \
        and "2\ndel second\n3" in expected[1]
    for threshold in ("0", "2"):
        command = ["python3", "-m", "pvm", "-X", "tier=1", "-X", "jit-threshold=" + threshold,
                   "-X", "jit-log", str(program)]
        status, stdout, stderr = run(command, str(tmp_path))
        assert (status, stdout) == expected[:2], threshold
        for name in ("gen", "catching", "numbers", "holder") if threshold == "0" else ():
            assert "pvm tier 1: translated %s (" % name in stderr, name
