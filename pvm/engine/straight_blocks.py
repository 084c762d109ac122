"""Tier 1's blocks laid out straight where jumps allow: fewer tests of ``label``.

A translation lays its blocks out as a host ``while`` that tests ``label`` before each
block (``if label == N:``), each block ending by setting the label of the next; a loop
of the guest's turns in a ``while`` of its own inside a host ``for`` (``tier1._host_for``).
That layout costs every jump two or three host tests, and every turn of a loop a
``while`` entered and left: 38 ns a turn of a loop of four blocks whose work takes 29.

This pass rewrites a runner that is entered at its start (a frameless or direct
runner: ``tier1._frameless_runner``; the host generators that start a generator's
frame and drive it) so that:

- a block that only one place jumps to, at the end of an earlier block of the same
  ``while``, is written at that place (its test gone); a small block that several such
  places jump to (the end of a turn: the check for tier 0, then the jump back), with no
  loop or handler of its own, is written at each of them;
- a turn of a host ``for`` left with one block (the head's) runs it with no ``while``
  around it: the turn's ``break`` becomes the ``for``'s ``continue`` (the next turn) or
  ``break`` (out of the loop), as the ``label`` it set says.

The order in which the blocks of a ``while`` run does not matter to what they do: each
runs when ``label`` names it, and nothing else runs between (a back-edge's block is met
at the ``while``'s next pass, a forward jump's in the same pass).  A block written at
the end of an earlier one keeps that: what it jumps to next is met by the tests that
follow.  Its instructions' exceptions now pass the handler of the jump they sit in,
which records the failing instruction too (``failed_index``): that handler then keeps
the index recorded first (the innermost instruction's), as a host ``for``'s does: a
guest exception leaves a runner (tier 0 runs the guest's handlers), and the index is
unset (-1) until one does.  A block with a yield is written at no such place: an
exception thrown in at a yield is the yield's.
"""

import ast
import copy

_LABEL = "label"
# The most statements a block may have to be written at each of several places.
_SMALL_BLOCK = 4


def is_block_test(statement):
    """Whether ``statement`` is a block of the layout: ``if label == N:``."""
    if not isinstance(statement, ast.If) or statement.orelse:
        return False
    test = statement.test
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == _LABEL and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant))


def straighten(body):
    """Rewrite ``body`` (the statements of a runner entered at its start, a copy of its
    own) in place."""
    setters = {}
    if not _count_setters(body, setters):
        return
    _straighten_list(body, setters)


def _count_setters(statements, setters):
    """Count each ``label = N`` in ``setters``; whether every store of ``label`` is one."""
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign) and any(_is_label(target) for target in node.targets):
                if len(node.targets) != 1 or not isinstance(node.value, ast.Constant):
                    return False
                setters[node.value.value] = setters.get(node.value.value, 0) + 1
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.NamedExpr)) \
                    and _is_label(node.target):
                return False
    return True


def _straighten_list(statements, setters):
    while _inline_one_block(statements, setters):
        pass
    for statement in statements:
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner:
                _straighten_list(inner, setters)
        for handler in getattr(statement, "handlers", ()):
            _straighten_list(handler.body, setters)
        # (After its turn's blocks are straightened: it may be left with one.)
        if isinstance(statement, ast.For):
            _without_turn_loop(statement, setters)


def _inline_one_block(statements, setters):
    """Write one block of ``statements`` at the ends of the earlier blocks that jump to
    it, if it can be; whether one was."""
    for position, block in enumerate(statements):
        if not is_block_test(block):
            continue
        label = block.test.comparators[0].value
        count = setters.get(label, 0)
        if label == 0 or count == 0 or count > 1 and len(block.body) > _SMALL_BLOCK:
            continue
        sites = []
        for earlier in statements[:position]:
            if is_block_test(earlier):
                _collect_tail_sites(earlier.body, label, [], sites)
        if len(sites) != count or any(site is None for site in sites):
            continue
        if any(tries for _owner, _index, tries in sites) and any(
                isinstance(node, ast.Yield) for statement in block.body
                for node in ast.walk(statement)):
            # (An exception thrown in at the yield is the yield's: no jump's handler
            # may record its own instruction for it.)
            continue
        # (A small block's ways out are written as often as it is: its exit to tier 0,
        # its return.  No loop or handler of its own is.)
        if count > 1 and any(isinstance(node, (ast.For, ast.While, ast.Try))
                             for statement in block.body for node in ast.walk(statement)):
            continue
        reads_label = any(isinstance(node, ast.Name) and node.id == _LABEL
                          and isinstance(node.ctx, ast.Load)
                          for statement in block.body for node in ast.walk(statement))
        for number, (owner, index, tries) in enumerate(sites):
            body = block.body if number == 0 else copy.deepcopy(block.body)
            if reads_label:
                body = [owner[index]] + body
            owner[index:index + 1] = body
            for handled in tries:
                _keep_first_failure(handled)
        if count > 1:
            _count_setters(block.body * (count - 1), setters)
        setters[label] = 0
        del statements[position]
        return True
    return False


def _collect_tail_sites(statements, label, tries, sites):
    """Append to ``sites`` each ``label = <label>`` in ``statements`` (a block's body,
    or a list within it): (its list, its index, the ``try`` statements around it) where
    it is the last thing its block does, else None."""
    last = len(statements) - 1
    for index, statement in enumerate(statements):
        if _sets_label(statement, label):
            sites.append((statements, index, tries) if index == last else None)
            continue
        if not any(_sets_label(node, label) for node in ast.walk(statement)):
            continue
        if index != last:
            sites.append(None)
        elif isinstance(statement, ast.If):
            _collect_tail_sites(statement.body, label, tries, sites)
            _collect_tail_sites(statement.orelse, label, tries, sites)
        elif isinstance(statement, ast.Try) and _records_failure_only(statement) \
                and not any(_sets_label(node, label) for handler in statement.handlers
                            for node in ast.walk(handler)):
            _collect_tail_sites(statement.body, label, tries + [statement], sites)
        else:
            sites.append(None)


def _records_failure_only(statement):
    """Whether the ``try`` ``statement`` has one handler, of every exception, that
    records the failing instruction and raises again (the wrapper of an instruction
    that may raise), and nothing else (no ``else``, no ``finally``)."""
    if statement.orelse or statement.finalbody or len(statement.handlers) != 1:
        return False
    handler = statement.handlers[0]
    if not (isinstance(handler.type, ast.Name) and handler.type.id == "BaseException"
            and handler.name is None and isinstance(handler.body[-1], ast.Raise)
            and handler.body[-1].exc is None):
        return False
    recorded = handler.body[:-1]
    if len(recorded) == 1 and isinstance(recorded[0], ast.If):
        recorded = recorded[0].body     # (already kept the first)
    return len(recorded) == 1 and isinstance(recorded[0], ast.Assign) \
        and _is_failed_index(recorded[0].targets[0])


def _keep_first_failure(statement):
    """Make the handler of the ``try`` ``statement`` record the failing instruction only
    if none was recorded: an instruction written inside it recorded its own."""
    handler = statement.handlers[0]
    record = handler.body[0]
    if isinstance(record, ast.If):
        return
    target = record.targets[0]
    test = ast.Compare(left=copy.deepcopy(target), ops=[ast.Lt()],
                       comparators=[ast.Constant(0)])
    test.left.ctx = ast.Load()
    guarded = ast.If(test=test, body=[record], orelse=[])
    ast.copy_location(guarded, record)
    ast.fix_missing_locations(guarded)
    handler.body[0] = guarded


def _without_turn_loop(loop, setters):
    """A host ``for`` whose turn is ``label = -H; while True: if label == -H: BODY;
    if label == H or ...: break`` then ``if label != H: break``: BODY in the ``for``
    itself, where BODY has no loop of its own and does not read ``label``."""
    body = loop.body
    if len(body) < 3:
        return
    start, turn, after = body[-3], body[-2], body[-1]
    if not (isinstance(start, ast.Assign) and len(start.targets) == 1
            and _is_label(start.targets[0]) and isinstance(start.value, ast.Constant)
            and isinstance(turn, ast.While) and isinstance(turn.test, ast.Constant)
            and turn.test.value is True and not turn.orelse and len(turn.body) == 2
            and is_block_test(turn.body[0])
            and turn.body[0].test.comparators[0].value == start.value.value
            and isinstance(turn.body[1], ast.If) and len(turn.body[1].body) == 1
            and isinstance(turn.body[1].body[0], ast.Break)
            and setters.get(start.value.value) == 1):
        return
    head = _turn_end_label(after)
    if head is None:
        return
    block = turn.body[0].body
    for statement in block:
        for node in ast.walk(statement):
            if isinstance(node, (ast.For, ast.While, ast.Continue, ast.FunctionDef,
                                 ast.Lambda)) or (isinstance(node, ast.Name)
                                                  and node.id == _LABEL
                                                  and isinstance(node.ctx, ast.Load)):
                return
    _breaks_as_turn_ends(block, head)
    body[-3:-1] = block


def _turn_end_label(statement):
    """H, where ``statement`` is ``if label != H: break``."""
    if not (isinstance(statement, ast.If) and not statement.orelse
            and len(statement.body) == 1 and isinstance(statement.body[0], ast.Break)):
        return None
    test = statement.test
    if not (isinstance(test, ast.Compare) and _is_label(test.left) and len(test.ops) == 1
            and isinstance(test.ops[0], ast.NotEq)
            and isinstance(test.comparators[0], ast.Constant)):
        return None
    return test.comparators[0].value


def _breaks_as_turn_ends(statements, head):
    """Each ``break`` of the turn's ``while`` in ``statements`` (none is in a loop of
    its own) as what followed the ``while``: the ``for``'s next turn where the label set
    is the head's, else out of the ``for``."""
    for index in range(len(statements) - 1, -1, -1):
        statement = statements[index]
        if isinstance(statement, ast.Break):
            before = statements[index - 1] if index else None
            if isinstance(before, ast.Assign) and _is_label(before.targets[0]) \
                    and isinstance(before.value, ast.Constant):
                if before.value.value == head:
                    statements[index] = ast.copy_location(ast.Continue(), statement)
                continue
            test = ast.Compare(left=ast.Name(id=_LABEL, ctx=ast.Load()), ops=[ast.Eq()],
                               comparators=[ast.Constant(head)])
            next_turn = ast.If(test=test, body=[ast.Continue()], orelse=[])
            ast.copy_location(next_turn, statement)
            ast.fix_missing_locations(next_turn)
            statements.insert(index, next_turn)
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner:
                _breaks_as_turn_ends(inner, head)
        for handler in getattr(statement, "handlers", ()):
            _breaks_as_turn_ends(handler.body, head)


def _sets_label(node, label):
    return isinstance(node, ast.Assign) and len(node.targets) == 1 \
        and _is_label(node.targets[0]) and isinstance(node.value, ast.Constant) \
        and node.value.value == label


def _is_label(node):
    return isinstance(node, ast.Name) and node.id == _LABEL


def _is_failed_index(node):
    return (isinstance(node, ast.Name) and node.id == "failed_index") or (
        isinstance(node, ast.Attribute) and node.attr == "failed_index")
