"""Code generation for the match statement.

The scheme is CPython's, so that what a guest can observe (which names a case
binds, when, in which order; which of its methods a match calls) is the same.

A case copies the subject (except the last case that can fail, which may use it
up) and runs its pattern on the copy.  A pattern starts with its subject on
top of the stack and, on success, leaves the stack as it found it minus that
subject, plus the values it captured.  Captured values wait on the stack and are
stored only once the whole pattern has matched, so a pattern that fails half way
binds nothing.  ``PatternContext`` tracks what lies on the stack: ``stores``,
the names captured so far (the first name's value nearest the top, each later
one under it), and ``on_top``, the items above those values that the pattern in
progress still needs.  On failure a pattern jumps to ``fail_pop(n)``, a chain of
POP_TOPs that clears the ``n`` items it has pushed and ends at the next case.
"""

import ast

from pvm import opcodes as op

_EQUAL = op.COMPARE_OPERATORS.index("==")
_AT_LEAST = op.COMPARE_OPERATORS.index(">=")
_SUBTRACT = op.BINARY_OPERATORS.index("-")


class PatternContext:
    def __init__(self, generator, allow_irrefutable):
        self.generator = generator
        self.stores = []
        self.on_top = 0
        self.allow_irrefutable = allow_irrefutable
        self.fail_pops = []     # fail_pops[n] pops n items, then the pattern has failed

    def fail_pop(self, count):
        while len(self.fail_pops) <= count:
            self.fail_pops.append(self.generator.new_block())
        return self.fail_pops[count]

    def jump_to_fail_pop(self, opcode):
        """Emit ``opcode`` jumping to the failure path that clears what is on the stack."""
        generator = self.generator
        generator.emit(opcode, self.fail_pop(self.on_top + len(self.stores)))
        generator.use_block(generator.new_block())

    def emit_fail_pops(self):
        """Place the failure path; code after it runs when the pattern has failed."""
        generator = self.generator
        for block in reversed(self.fail_pops[1:]):
            generator.use_block(block)
            # At the failed pattern's line (set by the caller), as CPython places it.
            generator.emit(op.POP_TOP)
        if self.fail_pops:
            generator.use_block(self.fail_pops[0])
        self.fail_pops = []


def compile_match(generator, node):
    generator.visit(node.subject)
    end = generator.new_block()
    cases = node.cases
    # A last "case _:" needs no copy of the subject and no test.
    has_default = len(cases) > 1 and _is_wildcard(cases[-1].pattern)
    tested = cases[:-1] if has_default else cases
    saved = generator.position
    for index, case in enumerate(tested):
        generator.position = _position_of(case.pattern)
        is_last = index == len(tested) - 1
        if not is_last:
            generator.emit(op.COPY, 1)
        # An irrefutable pattern must be guarded or last: later cases could never run.
        context = PatternContext(generator, case.guard is not None or index == len(cases) - 1)
        _compile_pattern(generator, case.pattern, context)
        for name in context.stores:
            generator.store_name(name)
        if case.guard is not None:
            generator.jump_if(case.guard, context.fail_pop(0), False)
        if not is_last:
            generator.emit(op.POP_TOP)
        generator.position = saved
        generator.visit_statements(case.body)
        generator.emit_artificial(op.JUMP, end)
        generator.position = _position_of(case.pattern)
        context.emit_fail_pops()
    if has_default:
        case = cases[-1]
        generator.position = _position_of(case.pattern)
        # No code for "case _:", but its line is run (a trace function sees it).
        generator.emit(op.NOP)
        if case.guard is not None:
            generator.jump_if(case.guard, end, False)
        generator.position = saved
        generator.visit_statements(case.body)
    generator.position = saved
    generator.use_block(end)


def _position_of(node):
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


def _is_wildcard(pattern):
    return isinstance(pattern, ast.MatchAs) and pattern.pattern is None and pattern.name is None


def _is_star_wildcard(pattern):
    return isinstance(pattern, ast.MatchStar) and pattern.name is None


def _compile_pattern(generator, pattern, context):
    saved = generator.position
    generator.position = _position_of(pattern)
    _PATTERN_COMPILERS[type(pattern)](generator, pattern, context)
    generator.position = saved


def _compile_subpattern(generator, pattern, context):
    """A pattern inside another: it may be irrefutable whatever its parent may be."""
    allow_irrefutable = context.allow_irrefutable
    context.allow_irrefutable = True
    _compile_pattern(generator, pattern, context)
    context.allow_irrefutable = allow_irrefutable


def _store_capture(generator, name, pattern, context):
    """Keep the value on top for ``name``, under what the pattern still needs."""
    if name is None:
        generator.emit(op.POP_TOP)
        return
    if name == "__debug__":
        raise generator.error("cannot assign to __debug__", pattern)
    if name in context.stores:
        raise generator.error("multiple assignments to name %r in pattern" % name, pattern)
    _rotate(generator, context.on_top + len(context.stores) + 1)
    context.stores.append(name)


def _rotate(generator, count):
    """Move the top item ``count - 1`` places down."""
    while count > 1:
        generator.emit(op.SWAP, count)
        count -= 1


def _match_value(generator, pattern, context):
    if not isinstance(pattern.value, (ast.Constant, ast.Attribute)):
        raise generator.error("patterns may only match literals and attribute lookups",
                              pattern)
    generator.visit(pattern.value)
    generator.emit(op.COMPARE_OP, _EQUAL)
    context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)


def _match_singleton(generator, pattern, context):
    generator.emit_const(pattern.value)
    generator.emit(op.IS_OP, 0)
    context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)


def _match_as(generator, pattern, context):
    if pattern.pattern is None:
        if not context.allow_irrefutable:
            if pattern.name is None:
                raise generator.error("wildcard makes remaining patterns unreachable", pattern)
            raise generator.error("name capture %r makes remaining patterns unreachable"
                                  % pattern.name, pattern)
        _store_capture(generator, pattern.name, pattern, context)
        return
    # The inner pattern uses up a copy; the subject itself waits to be captured.  The
    # inner pattern is as refutable as this one: "(_ as x) | y" hides y.
    context.on_top += 1
    generator.emit(op.COPY, 1)
    _compile_pattern(generator, pattern.pattern, context)
    context.on_top -= 1
    _store_capture(generator, pattern.name, pattern, context)


def _match_star(generator, pattern, context):
    _store_capture(generator, pattern.name, pattern, context)


def _match_or(generator, pattern, context):
    """Each alternative captures into a context of its own; the first one's names, in
    its order, are the ones the others must bind, reordered on the stack to match."""
    end = generator.new_block()
    alternatives = pattern.patterns
    control = None
    for index, alternative in enumerate(alternatives):
        inner = PatternContext(generator, index == len(alternatives) - 1
                               and context.allow_irrefutable)
        saved = generator.position
        generator.position = _position_of(alternative)
        generator.emit(op.COPY, 1)
        generator.position = saved
        _compile_pattern(generator, alternative, inner)
        if control is None:
            control = inner.stores
        elif sorted(inner.stores) != sorted(control):
            raise generator.error("alternative patterns bind different names", pattern)
        else:
            _reorder_captures(generator, inner.stores, control)
        generator.emit_artificial(op.JUMP, end)
        inner.emit_fail_pops()
    # No alternative matched: drop the subject and fail.
    generator.emit(op.POP_TOP)
    context.jump_to_fail_pop(op.JUMP)
    generator.use_block(end)
    # On the stack: earlier captures, what the enclosing pattern still needs, the
    # subject, then the alternative's captures.  Sink each capture under all of it.
    depth = len(control) + 1 + context.on_top + len(context.stores)
    for name in control:
        _rotate(generator, depth)
        if name in context.stores:
            raise generator.error("multiple assignments to name %r in pattern" % name,
                                  pattern)
        context.stores.append(name)
    generator.emit(op.POP_TOP)


def _reorder_captures(generator, stores, control):
    """Permute the captures on the stack (and ``stores``) into ``control``'s order.

    ``stores[0]``'s value is on top; rotating the top ``k`` values each one place
    down moves ``stores[:k]`` to after the rest of a ``k + 1``-long run.
    """
    for position in range(len(control) - 1, -1, -1):
        found = stores.index(control[position])
        if found == position:
            continue
        moved = found + 1
        rotated = stores[:moved]
        del stores[:moved]
        stores[position - found:position - found] = rotated
        for _ in range(moved):
            _rotate(generator, position + 1)


def _match_sequence(generator, pattern, context):
    patterns = pattern.patterns
    size = len(patterns)
    star = None
    only_wildcards = True
    star_is_wildcard = False
    for index, item in enumerate(patterns):
        if isinstance(item, ast.MatchStar):
            if star is not None:
                raise generator.error("multiple starred names in sequence pattern", pattern)
            star = index
            star_is_wildcard = item.name is None
            only_wildcards = only_wildcards and star_is_wildcard
        else:
            only_wildcards = only_wildcards and _is_wildcard(item)
    # The subject stays on the stack through the type and length tests.
    context.on_top += 1
    generator.emit(op.MATCH_SEQUENCE)
    context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)
    if star is None:
        generator.emit(op.GET_LEN)
        generator.emit_const(size)
        generator.emit(op.COMPARE_OP, _EQUAL)
        context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)
    elif size > 1:
        generator.emit(op.GET_LEN)
        generator.emit_const(size - 1)
        generator.emit(op.COMPARE_OP, _AT_LEAST)
        context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)
    context.on_top -= 1
    if only_wildcards:
        generator.emit(op.POP_TOP)
    elif star_is_wildcard:
        _match_items_by_index(generator, patterns, star, context)
    else:
        _match_items_by_unpacking(generator, patterns, star, context)


def _match_items_by_index(generator, patterns, star, context):
    """Subscript only the items that matter: a ``*_`` need not go through the
    whole sequence (``range(1 << 30)`` would otherwise be unpacked in full)."""
    size = len(patterns)
    context.on_top += 1
    for index, item in enumerate(patterns):
        if index == star or _is_wildcard(item):
            continue
        generator.emit(op.COPY, 1)
        if index < star:
            generator.emit_const(index)
        else:
            # The sequence need not accept negative indexes.
            generator.emit(op.GET_LEN)
            generator.emit_const(size - index)
            generator.emit(op.BINARY_OP, _SUBTRACT)
        generator.emit(op.BINARY_SUBSCR)
        _compile_subpattern(generator, item, context)
    context.on_top -= 1
    generator.emit(op.POP_TOP)


def _match_items_by_unpacking(generator, patterns, star, context):
    size = len(patterns)
    if star is None:
        generator.emit(op.UNPACK_SEQUENCE, size)
    else:
        generator.emit(op.UNPACK_EX, star | (size - star - 1) << 8)
    context.on_top += size
    for item in patterns:
        context.on_top -= 1
        _compile_subpattern(generator, item, context)


def _match_mapping(generator, pattern, context):
    keys = pattern.keys
    size = len(keys)
    context.on_top += 1
    generator.emit(op.MATCH_MAPPING)
    context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)
    if not keys and pattern.rest is None:
        context.on_top -= 1
        generator.emit(op.POP_TOP)
        return
    if keys:
        generator.emit(op.GET_LEN)
        generator.emit_const(size)
        generator.emit(op.COMPARE_OP, _AT_LEAST)
        context.jump_to_fail_pop(op.POP_JUMP_IF_FALSE)
    seen = set()
    for key in keys:
        if isinstance(key, ast.Constant):
            if key.value in seen:
                raise generator.error("mapping pattern checks duplicate key (%r)" % key.value,
                                      key)
            seen.add(key.value)
        elif not isinstance(key, ast.Attribute):
            raise generator.error("mapping pattern keys may only match literals and "
                                  "attribute lookups", key)
        generator.visit(key)
    generator.emit(op.BUILD_TUPLE, size)
    generator.emit(op.MATCH_KEYS)
    # Above the subject now: the tuple of keys and the tuple of values (or None).
    context.on_top += 2
    generator.emit(op.COPY, 1)
    context.jump_to_fail_pop(op.POP_JUMP_IF_NONE)
    generator.emit(op.UNPACK_SEQUENCE, size)
    context.on_top += size - 1
    for item in pattern.patterns:
        context.on_top -= 1
        _compile_subpattern(generator, item, context)
    # Matched: what follows uses up the keys and the subject.
    context.on_top -= 2
    if pattern.rest is None:
        generator.emit(op.POP_TOP)
        generator.emit(op.POP_TOP)
        return
    # rest = dict(subject), then del rest[key] for each key.
    generator.emit(op.BUILD_MAP, 0)                 # subject, keys, rest
    generator.emit(op.SWAP, 3)                      # rest, keys, subject
    generator.emit(op.DICT_UPDATE, 2)               # rest, keys
    generator.emit(op.UNPACK_SEQUENCE, size)        # rest, key...
    for remaining in range(size, 0, -1):
        generator.emit(op.COPY, remaining + 1)
        generator.emit(op.SWAP, 2)
        generator.emit(op.DELETE_SUBSCR)
    _store_capture(generator, pattern.rest, pattern, context)


def _match_class(generator, pattern, context):
    attribute_names = pattern.kwd_attrs
    for index, name in enumerate(attribute_names):
        if name == "__debug__":
            raise generator.error("cannot assign to __debug__", pattern.kwd_patterns[index])
        if name in attribute_names[:index]:
            raise generator.error("attribute name repeated in class pattern: %s" % name,
                                  pattern.kwd_patterns[index])
    generator.visit(pattern.cls)
    generator.emit_const(tuple(attribute_names))
    generator.emit(op.MATCH_CLASS, len(pattern.patterns))
    generator.emit(op.COPY, 1)
    # Above the subject's place now: the tuple of attributes (or None).
    context.on_top += 1
    context.jump_to_fail_pop(op.POP_JUMP_IF_NONE)
    items = list(pattern.patterns) + list(pattern.kwd_patterns)
    generator.emit(op.UNPACK_SEQUENCE, len(items))
    context.on_top += len(items) - 1
    for item in items:
        context.on_top -= 1
        if _is_wildcard(item):
            generator.emit(op.POP_TOP)
            continue
        _compile_subpattern(generator, item, context)


_PATTERN_COMPILERS = {
    ast.MatchValue: _match_value,
    ast.MatchSingleton: _match_singleton,
    ast.MatchAs: _match_as,
    ast.MatchStar: _match_star,
    ast.MatchOr: _match_or,
    ast.MatchSequence: _match_sequence,
    ast.MatchMapping: _match_mapping,
    ast.MatchClass: _match_class,
}
