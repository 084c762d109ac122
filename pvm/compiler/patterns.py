"""Code generation for the match statement.

Each case copies the subject and runs its pattern on the copy.  A pattern
starts with its subject on top of the stack and, on success, leaves the stack
as it found it minus that subject.  On failure it jumps to ``fail_pop(n)``,
where ``n`` is how many items it (and the patterns around it) left on the
stack: a chain of POP_TOPs that ends at the next case.

Capture names are bound as soon as they match (CPython binds them all at the
end of a successful pattern; the difference shows only in a failed pattern's
partial bindings, which the language leaves unspecified).
"""

import ast

from pvm import opcodes as op


class PatternContext:
    def __init__(self, generator, fail_block):
        self.generator = generator
        self.fail_block = fail_block
        self.pop_blocks = []        # pop_blocks[n - 1] pops n items

    def fail_pop(self, count):
        if count == 0:
            return self.fail_block
        while len(self.pop_blocks) < count:
            self.pop_blocks.append(self.generator.new_block())
        return self.pop_blocks[count - 1]

    def emit_pop_blocks(self):
        generator = self.generator
        for block in reversed(self.pop_blocks):
            generator.use_block(block)
            generator.emit_artificial(op.POP_TOP)
        if self.pop_blocks:
            generator.emit_artificial(op.JUMP, self.fail_block)


def compile_match(generator, node):
    generator.visit(node.subject)
    end = generator.new_block()
    cases = node.cases
    for index, case in enumerate(cases):
        if index < len(cases) - 1 and case.guard is None:
            _check_reachable(generator, case.pattern)
        saved = generator.position
        generator.position = _position_of(case.pattern)
        next_case = generator.new_block()
        context = PatternContext(generator, next_case)
        generator.emit(op.COPY, 1)
        compile_pattern(generator, case.pattern, context, 0)
        if case.guard is not None:
            generator.jump_if(case.guard, next_case, False)
        generator.position = saved
        generator.emit_artificial(op.POP_TOP)
        generator.visit_statements(case.body)
        generator.emit_artificial(op.JUMP, end)
        context.emit_pop_blocks()
        generator.use_block(next_case)
    generator.emit_artificial(op.POP_TOP)
    generator.use_block(end)


def _position_of(node):
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


def _check_reachable(generator, pattern):
    if isinstance(pattern, ast.MatchAs) and pattern.pattern is None:
        if pattern.name is None:
            raise generator.error("wildcard makes remaining patterns unreachable", pattern)
        raise generator.error("name capture %r makes remaining patterns unreachable"
                              % pattern.name, pattern)
    if isinstance(pattern, ast.MatchOr):
        for alternative in pattern.patterns:
            _check_reachable(generator, alternative)


def compile_pattern(generator, pattern, context, on_top):
    saved = generator.position
    generator.position = _position_of(pattern)
    _PATTERN_COMPILERS[type(pattern)](generator, pattern, context, on_top)
    generator.position = saved


def _match_value(generator, pattern, context, on_top):
    generator.visit(pattern.value)
    generator.emit(op.COMPARE_OP, 2)
    generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top))
    generator.use_block(generator.new_block())


def _match_singleton(generator, pattern, context, on_top):
    generator.emit_const(pattern.value)
    generator.emit(op.IS_OP, 0)
    generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top))
    generator.use_block(generator.new_block())


def _match_as(generator, pattern, context, on_top):
    if pattern.pattern is None:
        if pattern.name is None:
            generator.emit(op.POP_TOP)
        else:
            generator.store_name(pattern.name)
        return
    generator.emit(op.COPY, 1)
    compile_pattern(generator, pattern.pattern, context, on_top + 1)
    generator.store_name(pattern.name)


def _match_or(generator, pattern, context, on_top):
    end = generator.new_block()
    for alternative in pattern.patterns:
        next_alternative = generator.new_block()
        inner = PatternContext(generator, next_alternative)
        generator.emit(op.COPY, 1)
        compile_pattern(generator, alternative, inner, 0)
        generator.emit(op.POP_TOP)
        generator.emit(op.JUMP, end)
        inner.emit_pop_blocks()
        generator.use_block(next_alternative)
    generator.emit(op.POP_TOP)
    generator.emit(op.JUMP, context.fail_pop(on_top))
    generator.use_block(end)


def _match_sequence(generator, pattern, context, on_top):
    patterns = pattern.patterns
    star = [index for index, item in enumerate(patterns) if isinstance(item, ast.MatchStar)]
    if len(star) > 1:
        raise generator.error("multiple starred names in sequence pattern", pattern)
    generator.emit(op.MATCH_SEQUENCE)
    generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top + 1))
    generator.use_block(generator.new_block())
    count = len(patterns)
    if star:
        minimum = count - 1
        if minimum:
            generator.emit(op.GET_LEN)
            generator.emit_const(minimum)
            generator.emit(op.COMPARE_OP, 5)
            generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top + 1))
            generator.use_block(generator.new_block())
        before = star[0]
        generator.emit(op.UNPACK_EX, before | (count - before - 1) << 8)
    else:
        generator.emit(op.GET_LEN)
        generator.emit_const(count)
        generator.emit(op.COMPARE_OP, 2)
        generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top + 1))
        generator.use_block(generator.new_block())
        generator.emit(op.UNPACK_SEQUENCE, count)
    for index, item in enumerate(patterns):
        below = count - 1 - index
        if isinstance(item, ast.MatchStar):
            if item.name is None:
                generator.emit(op.POP_TOP)
            else:
                generator.store_name(item.name)
        else:
            compile_pattern(generator, item, context, on_top + below)


def _match_mapping(generator, pattern, context, on_top):
    keys = pattern.keys
    generator.emit(op.MATCH_MAPPING)
    generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top + 1))
    generator.use_block(generator.new_block())
    if not keys and pattern.rest is None:
        generator.emit(op.POP_TOP)
        return
    if keys:
        generator.emit(op.GET_LEN)
        generator.emit_const(len(keys))
        generator.emit(op.COMPARE_OP, 5)
        generator.emit(op.POP_JUMP_IF_FALSE, context.fail_pop(on_top + 1))
        generator.use_block(generator.new_block())
    seen = set()
    for key in keys:
        if isinstance(key, ast.Constant):
            if key.value in seen:
                raise generator.error("mapping pattern checks duplicate key (%r)" % key.value,
                                      key)
            seen.add(key.value)
        generator.visit(key)
    generator.emit(op.BUILD_TUPLE, len(keys))
    generator.emit(op.MATCH_KEYS)
    generator.emit(op.COPY, 1)
    generator.emit(op.POP_JUMP_IF_NONE, context.fail_pop(on_top + 3))
    generator.use_block(generator.new_block())
    generator.emit(op.UNPACK_SEQUENCE, len(keys))
    for index, item in enumerate(pattern.patterns):
        below = len(keys) - 1 - index
        compile_pattern(generator, item, context, on_top + 2 + below)
    # Stack: subject, keys.
    if pattern.rest is not None:
        generator.emit(op.BUILD_MAP, 0)
        generator.emit(op.COPY, 3)
        generator.emit(op.DICT_UPDATE, 1)            # subject, keys, rest
        generator.emit(op.SWAP, 2)                   # subject, rest, keys
        generator.emit(op.UNPACK_SEQUENCE, len(keys))
        for remaining in range(len(keys), 0, -1):
            generator.emit(op.COPY, remaining + 1)
            generator.emit(op.SWAP, 2)
            generator.emit(op.DELETE_SUBSCR)
        generator.store_name(pattern.rest)
        generator.emit(op.POP_TOP)
    else:
        generator.emit(op.POP_TOP)
        generator.emit(op.POP_TOP)


def _match_class(generator, pattern, context, on_top):
    generator.visit(pattern.cls)
    generator.emit_const(tuple(pattern.kwd_attrs))
    generator.emit(op.MATCH_CLASS, len(pattern.patterns))
    generator.emit(op.COPY, 1)
    generator.emit(op.POP_JUMP_IF_NONE, context.fail_pop(on_top + 1))
    generator.use_block(generator.new_block())
    items = list(pattern.patterns) + list(pattern.kwd_patterns)
    generator.emit(op.UNPACK_SEQUENCE, len(items))
    for index, item in enumerate(items):
        compile_pattern(generator, item, context, on_top + len(items) - 1 - index)


_PATTERN_COMPILERS = {
    ast.MatchValue: _match_value,
    ast.MatchSingleton: _match_singleton,
    ast.MatchAs: _match_as,
    ast.MatchOr: _match_or,
    ast.MatchSequence: _match_sequence,
    ast.MatchMapping: _match_mapping,
    ast.MatchClass: _match_class,
}
