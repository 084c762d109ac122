"""Hot code with its runs joined: one handler per run of instructions, made at run time.

Tier 0 dispatches once per instruction (once per row, where a superinstruction's row
fits).  A code object that has run often, past ``threshold`` frame starts and loop
back-edges, is decoded again with one handler per *run*: the longest stretch of
instructions that no jump lands inside, that no protected range starts, ends or lands
inside, and that no frame switch (a call of a guest function, a yield, a return)
interrupts.  The generator joins each run's bodies from the instruction definitions,
as it joins the rows of superinstructions at build time: the values one instruction
hands the next stay in host locals, a conditional jump inside the run leaves it, and a
part that fails records its own index, so tracebacks and exception handlers see what
they see in tier 0.

Frames already running the code switch at their next dispatch: the executable's list
of handlers is replaced in place, the single handlers stay behind each run's first one
(a frame resumes at one after a call, and a handler found in the exception table starts
a run of its own).

A run's maker depends only on the bodies it joins (and on the count of each variable
input), so makers are kept for the life of the process and shared; the handlers they
make belong to the interpreter that decoded the code, as all its handlers do.
"""

import sys
from types import CodeType

from pvm import opcodes
from pvm.engine import tier0
from pvm.engine.host_stack import register_run_lines

# The bodies after which a run ends: the frame switches to another, or the run's end
# is the only way on (an unconditional jump).
_ENDS_RUN = frozenset({"enter_frame", "suspend_frame", "leave_frame"})
_UNCONDITIONAL = frozenset(opcode.number for opcode in opcodes.OPCODES if opcode.ends_block)

# (body names, variable input counts) -> the maker of their joined handler, or None
# where the generator cannot join them.
_makers = {}
# The generated source of each joined handler, by the handler's host code.
_sources = {}
_namespace = None


def _definitions_by_name():
    from pvm.engine.instructions import DEFINITIONS, VARIANTS
    by_name = dict(DEFINITIONS)
    for variants in VARIANTS.values():
        by_name.update((definition.name, definition) for definition in variants)
    return by_name


_by_name = None


def maker_of(names, variable_counts):
    """The maker of the handler joining the bodies ``names``, made on first request."""
    key = (names, variable_counts)
    try:
        return _makers[key]
    except KeyError:
        pass
    # The generator is only needed once code is hot: programs that never get there do
    # not pay for importing it.
    from pvm.engine import generate
    global _namespace
    if _namespace is None:
        _namespace = dict(vars(tier0))
    definitions = [_by_name[name] for name in names]
    maker_name = "join_%d" % len(_makers)
    line_parts = []
    try:
        lines, imports = generate.fused_handler(definitions, maker_name, variable_counts,
                                                line_parts)
    except generate.GenerationError:
        maker = None
    else:
        for name, module in imports.items():
            _namespace.setdefault(name, getattr(sys.modules[module], name))
        source = "\n".join(lines)
        exec(compile(source, "<pvm joined run>", "exec"), _namespace)
        maker = _namespace.pop(maker_name)
        for constant in maker.__code__.co_consts:
            if isinstance(constant, CodeType):
                register_run_lines(constant, line_parts)
                _sources[constant] = source
    _makers[key] = maker
    return maker


def joined_source(handler):
    """The generated source of a joined handler's maker, or None if ``handler`` is
    not one."""
    return _sources.get(getattr(handler, "__code__", None))


def runs_of(code, pairs):
    """The runs of ``code`` worth joining, as (start, end) index pairs, and the name of
    the body each instruction runs (None: one no run may take)."""
    count = len(pairs)
    selectors = tier0.SELECTORS
    names = [selectors[opcode](code, operand) for opcode, operand in pairs]
    starts = {0, count}
    starts.update(operand for opcode, operand in pairs if opcode in opcodes.HAS_JUMP)
    for start, end, target, _depth, _lasti in code.co_exceptiontable:
        starts.update((start, end, target))
    global _by_name
    if _by_name is None:
        _by_name = _definitions_by_name()
    for index, ((opcode, _operand), name) in enumerate(zip(pairs, names)):
        if name is None:
            starts.update((index, index + 1))
        elif opcode in _UNCONDITIONAL or _ends_run(_by_name[name]):
            starts.add(index + 1)
    bounds = sorted(start for start in starts if start <= count)
    return [(start, end) for start, end in zip(bounds, bounds[1:])
            if end - start >= 2 and names[start] is not None], names


def _variable_count(definition, operand):
    """How many values the variable input of ``definition`` takes, or None."""
    if definition.variable_input is None:
        return None
    return definition.opcode.stack_effect(operand)[0] - len(definition.inputs)


_terminators = {}


def _ends_run(definition):
    result = _terminators.get(definition)
    if result is None:
        from pvm.engine.generate import body_of
        result = _terminators[definition] = bool(body_of(definition).terminators & _ENDS_RUN)
    return result


def join_runs(code, pairs, handlers):
    """Put a joined handler at the start of each run of ``code``; return how many."""
    runs, names = runs_of(code, pairs)
    counts = [_variable_count(_by_name[name], operand) if name is not None else None
              for name, (_opcode, operand) in zip(names, pairs)]
    joined = 0
    for start, end in runs:
        # A run the generator declines is tried shorter: its head still gains.
        while end - start >= 2:
            run = pairs[start:end]
            maker = maker_of(tuple(names[start:end]), tuple(counts[start:end]))
            handler = maker(code, run, start) if maker is not None else None
            if handler is not None:
                handlers[start] = handler
                joined += 1
                break
            end -= 1
    return joined
