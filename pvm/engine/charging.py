"""Charging the instructions guest code runs to a budget, a stretch at a time.

An interpreter with a *budget* (``Interpreter.set_budget``: a world's limits) charges
the instructions of each *stretch* as it starts: ``budget.left`` goes down by the
stretch's length, and where it goes below zero, ``budget.refill(length)`` is called
before anything of the stretch runs, which grants more of the budget (reading a clock
on the way) or raises.  A stretch is a basic block together with the blocks that
follow it where a forward conditional jump falls through (a ``for`` loop's body after
its ``FOR_ITER``, an ``if``'s body after its test): one charge where a block each
would be two or three.  Where such a jump is taken, what the stretch had charged
beyond it is given back (``budget.left`` goes up), so the count is exact.  A stretch
is charged whole where an exception cuts it short (or a generator suspended in it is
never resumed).  So the count is a property of the guest's run alone, the same
program stops at the same place every time, whether its code runs single handlers,
superinstructions or joined runs, and the world never runs more instructions than
its budget holds.

The charges are in the handlers the code runs anyway, not an instrument in front of
them: single handlers and superinstructions (kept inside stretches) get small
wrappers (``charge``); a hot run that is joined charges and gives back in its own
body (``hot_runs.join_runs``, ``generate.fused_handler``: a subtraction and a test,
where a wrapper is a host call), so limited hot code runs the same joined handlers as
unlimited hot code.
"""

from bisect import bisect_right

from pvm import opcodes
from pvm.engine import hot_runs, size_checks
from pvm.engine.safe_points import wraps_handlers


class Plan:
    """Where the code of one code object is charged: ``charges`` {index of a stretch's
    first instruction: the stretch's length} and ``refunds`` {index of a jump inside a
    stretch: (its target, the instructions of the stretch it skips)}; and ``checks``
    {index: kind of ``CHECKS``}, the instructions whose result's size the budget looks
    at before they run (a world's memory limit): each BINARY_OP of its
    ``guarded_operators`` and, where it ``guards_calls``, each call and each
    FORMAT_VALUE with a spec.

    A stretch is entered at its first instruction only, and runs forward: it ends
    where a return or raise, or a jump back (a loop's), ends the way on, and is cut
    where a loop's head, an exception handler, or the target of a jump from another
    stretch is.  A forward jump inside it skips what lies between (or the rest of the
    stretch, where it leaves), which it gives back, so that what the path through the
    stretch runs is what it is charged."""

    __slots__ = ("charges", "refunds", "checks", "operand_locals", "stores")

    def __init__(self, code, pairs, guarded_operators=frozenset(), guards_calls=False):
        count = len(pairs)
        self.checks = {}
        for index, (opcode, operand) in enumerate(pairs):
            kind = size_checks.check_kind(opcode, operand, guarded_operators, guards_calls)
            if kind is not None:
                self.checks[index] = kind
        jumps = [(index, operand) for index, (opcode, operand) in enumerate(pairs)
                 if opcode in opcodes.HAS_JUMP]
        starts = {0}
        starts.update(target for _start, _end, target, _depth, _lasti
                      in code.co_exceptiontable)
        if self.checks:
            # A product or power of a float constant needs no check.
            landed = starts.union(target for _index, target in jumps)
            for index in size_checks.of_float_constants(code, pairs, self.checks, landed):
                del self.checks[index]
        # Of the checked operators, the fast locals their operands are read from
        # (``size_checks.operand_locals``), and where each local is stored: a run's
        # checks of a local read again, unchanged, use what the first found
        # (``in_run``).
        self.operand_locals = size_checks.operand_locals(pairs, self.checks)
        self.stores = size_checks.local_stores(pairs) if self.operand_locals else {}
        starts.update(index + 1 for index, (opcode, _operand) in enumerate(pairs)
                      if opcode in _ENDS_WAY)
        for index, target in jumps:
            if target <= index:
                starts.update((target, index + 1))
        # A forward jump's target inside another stretch than the jump's starts one of
        # its own, which may leave more jumps outside their targets' stretches.
        changed = True
        while changed:
            changed = False
            ordered = sorted(start for start in starts if start < count)
            for index, target in jumps:
                if target > index and target not in starts and target < count \
                        and ordered[bisect_right(ordered, target) - 1] > index:
                    starts.add(target)
                    changed = True
        ordered = sorted(start for start in starts if start < count)
        ends = ordered[1:] + [count]
        self.charges = {start: float(end - start) for start, end in zip(ordered, ends)}
        self.refunds = {}
        for index, target in jumps:
            end = ends[bisect_right(ordered, index) - 1]
            skipped = (min(target, end) if target > index else end) - index - 1
            if skipped:
                self.refunds[index] = (target, float(skipped))

    def bounds(self):
        """The indexes no superinstruction may cross: each stretch's start, and each
        checked instruction's, which stays alone (behind its check's wrapper) until
        its code is hot and joined."""
        return (self.charges.keys() | self.checks.keys()
                | {index + 1 for index in self.checks})

    def in_run(self, start, end):
        """What the joined run from ``start`` to ``end`` does itself: the places in it
        of the stretches that start there, of the jumps that give back, the amounts of
        both, in that order, and the places and kinds of its checks
        (``generate.fused_handler``'s ``charges``, ``refunds``, its maker's
        ``amounts``, and its ``checks``)."""
        charges = tuple(index - start for index in range(start, end)
                        if index in self.charges)
        refunds = tuple(index - start for index in range(start, end)
                        if index in self.refunds)
        amounts = tuple(self.charges[start + place] for place in charges) \
            + tuple(self.refunds[start + place][1] for place in refunds)
        checks = tuple((index - start, self.checks[index]) for index in range(start, end)
                       if index in self.checks)
        if self.operand_locals and end - start > 1:
            checks = size_checks.with_floats_kept(checks, start, self.operand_locals,
                                                  self.stores)
        return charges, refunds, amounts, checks


# The instructions after which nothing runs on (a forward jump does not end a stretch:
# its target may be further on in it).
_ENDS_WAY = opcodes.ENDS_BLOCK - opcodes.HAS_JUMP
# The makers of the checks of single handlers, by kind (made at the first check: a
# world limited in instructions or time has none).
_checkers = None


def charge(budget, handlers, plan, placed, pairs, code=None):
    """Wrap the handlers the loop runs so that they charge ``plan``'s stretches, give
    back at its jumps and run its checks; ``placed`` says where superinstructions stand
    ({start: length}), none of which crosses ``plan.bounds()``.  With ``code``, an
    instruction so wrapped gets a joined handler of its own instead once it has run
    (``hot_runs.joined_alone``)."""
    global _checkers
    if plan.checks and _checkers is None:
        _checkers = size_checks.checker_makers()
    for index, kind in plan.checks.items():
        opcode, operand = pairs[index]
        check = _checkers[kind](budget, size_checks.given_on_stack(opcode, operand))
        handlers[index] = _checking(check, operand, size_checks.inputs_on_stack(opcode, operand),
                                    handlers[index])
    refunds = plan.refunds
    if refunds:
        # A jump inside a superinstruction gives back where the superinstruction is
        # run, and where the frame enters at the jump itself (resuming after a call).
        for start, length in placed.items():
            for index in range(start + 1, start + length):
                if index in refunds:
                    handlers[start] = _refunding(budget, *refunds[index], handlers[start])
        for index, (target, amount) in refunds.items():
            handlers[index] = _refunding(budget, target, amount, handlers[index])
    for start, length in plan.charges.items():
        handlers[start] = _charging(budget, length, handlers[start])
    if code is not None:
        # An instruction that charges, gives back or is checked, and starts no
        # superinstruction, runs all that in one joined handler of its own once it has
        # run twice (code run once keeps its wrappers: making the handler costs more), where
        # the generator makes one: one host call, where its wrappers are two to four.
        inside = {index for start, length in placed.items()
                  for index in range(start, start + length) if length > 1}
        for index in plan.charges.keys() | plan.refunds.keys() | plan.checks.keys():
            if index not in inside:
                handlers[index] = _joining(code, pairs, index, budget, plan, handlers,
                                           handlers[index])


def _joining(code, pairs, index, budget, plan, handlers, wrapped):
    """A handler that runs ``wrapped`` and, run the second time, puts in its place the
    joined handler of the instruction alone (``hot_runs.joined_alone``), or
    ``wrapped``."""
    runs = 0

    def joining(frame, stack, fast):
        nonlocal wrapped, runs
        if runs < 2:
            runs += 1
            if runs == 2:
                wrapped = hot_runs.joined_alone(code, pairs, index, budget, plan) or wrapped
                # (Where a counter of heat stands in front of it, it stays, and runs
                # what it put in place.)
                if handlers[index] is joining:
                    handlers[index] = wrapped
        return wrapped(frame, stack, fast)
    return joining


def _charging(budget, length, handler):
    def charging(frame, stack, fast, budget=budget, length=length, handler=handler):
        left = budget.left - length
        budget.left = left
        if left < 0.0:
            budget.refill(length)
        return handler(frame, stack, fast)
    return charging


def _refunding(budget, target, amount, handler):
    def refunding(frame, stack, fast, budget=budget, target=target, amount=amount,
                  handler=handler):
        index = handler(frame, stack, fast)
        if index == target:
            budget.left += amount
        return index
    return refunding


def _checking(check, operand, inputs_of, handler):
    """``handler`` behind ``check``, whose inputs ``inputs_of(stack)`` gives."""
    def checking(frame, stack, fast, check=check, operand=operand, inputs_of=inputs_of,
                 handler=handler):
        check(operand, stack, *inputs_of(stack))
        return handler(frame, stack, fast)
    return checking


# A handler called through these is still called by the loop (a signal may run its
# guest handler there: pvm.engine.safe_points).
wraps_handlers(_charging(None, 0, None).__code__)
wraps_handlers(_refunding(None, 0, 0, None).__code__)
wraps_handlers(_checking(None, 0, None, None).__code__)
wraps_handlers(_joining(None, None, 0, None, None, None, None).__code__)
