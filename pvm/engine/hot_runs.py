"""Hot code with its runs joined: one handler per run of instructions, made at run time.

Tier 0 dispatches once per instruction (once per row, where a superinstruction's row
fits).  A code object that has run often, past ``threshold`` frame starts and loop
back-edges, is decoded again with one handler per *run*: the longest stretch of
instructions that no jump lands inside, that no protected range starts, ends or lands
inside, and that no return or yield interrupts.  A run goes on through a call (of a host
function, or of a leaf, the call runs to its end), and another run starts after it, for
a frame that resumes there when the call entered a guest frame.  The generator joins
each run's bodies from the instruction definitions, as it joins the rows of
superinstructions at build time: the values one instruction hands the next stay in host
locals, a conditional jump inside the run leaves it, and a part that fails records its
own index, so tracebacks and exception handlers see what they see in tier 0.

Frames already running the code switch at their next dispatch: the executable's list
of handlers is replaced in place, the single handlers stay behind each run's first one
(a frame resumes at one after a call, and a handler found in the exception table starts
a run of its own).

A run's maker depends only on the bodies it joins (and on the count of each variable
input), so makers are kept for the life of the process and shared; the handlers they
make belong to the interpreter that decoded the code, as all its handlers do.
"""

import bisect
import importlib
import keyword
import marshal
import os
from types import CodeType, FunctionType

from pvm import opcodes
from pvm.cache import sha256, write_atomic
from pvm.engine import tier0
from pvm.engine.host_stack import register_run_lines

# After an unconditional jump the run's end is the only way on.
_UNCONDITIONAL = frozenset(opcode.number for opcode in opcodes.OPCODES if opcode.ends_block)

# (body names, variable input counts) -> the maker of their joined handler, or None
# where the generator cannot join them.
_makers = {}
# The key of each joined handler's maker, by the handler's host code.
_keys = {}
# The globals of the makers: tier 0's, and what the joined bodies import.
_namespace = None


def _definitions_by_name():
    from pvm.engine.instructions import DEFINITIONS, VARIANTS
    by_name = dict(DEFINITIONS)
    for variants in VARIANTS.values():
        by_name.update((definition.name, definition) for definition in variants)
    return by_name


_by_name = None


def by_name():
    """Every definition (plain and variant) by its body's name."""
    global _by_name
    if _by_name is None:
        _by_name = _definitions_by_name()
    return _by_name


def namespace():
    """The globals of joined code: tier 0's, and what the joined bodies import (added
    as they are joined)."""
    global _namespace
    if _namespace is None:
        _namespace = dict(vars(tier0))
    return _namespace


def maker_of(names, variable_counts, attribute_names, charges=(), refunds=(), checks=()):
    """The maker of the handler joining the bodies ``names``, made on first request
    (or read from the cache of makers, when an earlier process made it); with
    ``charges`` and ``refunds`` (the positions of the parts that start a stretch, and of
    the jumps that give back), one that charges a budget, and with ``checks`` (the
    positions and kinds of the parts the budget looks at first), one that runs the
    budget's checks (``pvm.engine.charging``)."""
    key = (names, variable_counts, attribute_names, charges, refunds, checks)
    try:
        return _makers[key]
    except KeyError:
        pass
    namespace()
    entry = _cache.get(key)
    if entry is ABSENT:
        entry = _generate(names, variable_counts, attribute_names, charges, refunds, checks)
        _cache.put(key, entry)
    if entry is None:
        maker = None
    else:
        host_code, line_parts, imports = entry
        for name, module in imports:
            # (Tier 0's namespace holds every helper a body reads; a definition
            # module named here need not be imported: tier 0 imports none.)
            if name not in _namespace:
                _namespace[name] = getattr(importlib.import_module(module), name)
        maker = FunctionType(marshal.loads(host_code), _namespace)
        for constant in maker.__code__.co_consts:
            if isinstance(constant, CodeType):
                register_run_lines(constant, line_parts)
                _keys[constant] = key
    _makers[key] = maker
    return maker


def _generate(names, variable_counts, attribute_names, charges, refunds, checks):
    """(the maker's host code, marshalled; the part of each line; the names its code
    imports, with their modules), or None where the generator declines the bodies."""
    # The generator is only needed once code is hot: programs that never get there do
    # not pay for importing it.
    from pvm.engine import generate
    line_parts = []
    try:
        lines, imports = generate.fused_handler([_by_name[name] for name in names], "maker",
                                                variable_counts, line_parts, attribute_names,
                                                charges=charges, refunds=refunds,
                                                checks=checks)
    except generate.GenerationError:
        return None
    namespace = {}
    exec(compile("\n".join(lines), "<pvm joined run>", "exec"), namespace)
    return (marshal.dumps(namespace["maker"].__code__), tuple(line_parts),
            tuple(sorted(imports.items())))


def joined_source(handler):
    """The generated source of a joined handler's maker, or None if ``handler`` is
    not one."""
    key = _keys.get(getattr(handler, "__code__", None))
    if key is None:
        return None
    from pvm.engine import generate
    names, variable_counts, attribute_names, charges, refunds, checks = key
    lines, _imports = generate.fused_handler([_by_name[name] for name in names], "maker",
                                             variable_counts, None, attribute_names,
                                             charges=charges, refunds=refunds, checks=checks)
    return "\n".join(lines)


class DiskCache:
    """What earlier processes generated, one marshalled file per key, kept in pvm's own
    ``__pycache__`` folder beside the host's cache of pvm's modules: the makers of
    joined runs here (generating one costs about a millisecond, reading one some
    microseconds), tier 1's translations (``pvm.engine.tier1``).

    The folder's name is ``prefix`` and a fingerprint of what the entries are made from
    (the ``sources``, modules of this folder) and the host's bytecode magic, so entries
    of other sources or another host are never read; a process that makes the folder of
    a new fingerprint removes the others of its prefix.  Each file is written as the
    bytecode cache's are (``pvm.cache.write_atomic``), so a reader never sees half a
    file; where the folder cannot be written, nothing is kept.
    """

    def __init__(self, parent, prefix, sources):
        self.parent = parent
        self.prefix = prefix
        self.sources = sources
        self.folder = None

    # shutil is imported on first use: every process imports this module, few get
    # code hot enough to join.  The digests are CPython's own sha256 (pvm.cache's),
    # not hashlib's, whose OpenSSL costs start-up time and memory.

    def _folder(self):
        if self.folder is None:
            import importlib.util
            digest = sha256(importlib.util.MAGIC_NUMBER)
            here = os.path.dirname(os.path.abspath(__file__))
            for name in self.sources:
                with open(os.path.join(here, name), "rb") as file:
                    digest.update(file.read())
            self.folder = os.path.join(self.parent, self.prefix + digest.hexdigest()[:20])
        return self.folder

    def _path(self, key):
        name = sha256(repr(key).encode()).hexdigest()[:32]
        return os.path.join(self._folder(), name + ".marshal")

    def get(self, key):
        """The entry kept for ``key``, or ABSENT."""
        try:
            with open(self._path(key), "rb") as file:
                kept_key, entry = marshal.load(file)
        except (OSError, EOFError, ValueError, TypeError):
            return ABSENT
        return entry if kept_key == key else ABSENT

    def holds(self, key):
        """Whether a file is kept for ``key`` (a read may still find it is another
        key's, or broken: ``get`` says)."""
        return os.path.exists(self._path(key))

    def put(self, key, entry):
        path = self._path(key)
        try:
            if not os.path.isdir(self.folder):
                os.makedirs(self.folder, exist_ok=True)
                self._remove_others()
            write_atomic(path, marshal.dumps((key, entry)))
        except OSError:
            pass

    def _remove_others(self):
        import shutil
        for name in os.listdir(self.parent):
            path = os.path.join(self.parent, name)
            if name.startswith(self.prefix) and path != self.folder:
                shutil.rmtree(path, ignore_errors=True)


ABSENT = object()
CACHE_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
_cache = DiskCache(CACHE_FOLDER, "joined-runs-",
                   ("tier0.py", "generate.py", "hot_runs.py", "size_checks.py"))


def runs_of(code, pairs, charged=()):
    """The runs of ``code`` worth joining, as (start, end) index pairs, and the name of
    the body each instruction runs (None: one no run may take).  A run of one
    instruction is worth it only where ``charged`` has it (a budget's charge or check
    joined to the instruction saves the call of a wrapper: a loop's jump back, alone at
    the target of the jumps that skip the rest of its body)."""
    starts, resumes, names = boundaries_of(code, pairs)
    bounds = sorted(starts)
    runs = list(zip(bounds, bounds[1:]))
    runs += [(resume, bounds[bisect.bisect(bounds, resume)]) for resume in resumes
             if resume not in starts]
    return [(start, end) for start, end in runs
            if (end - start >= 2 or start in charged) and names[start] is not None], names


def boundaries_of(code, pairs):
    """Where the runs of ``code`` start (with its end, a set), where a frame resumes
    after a call inside one (a list), and the name of the body each instruction runs
    (None: one no run may take)."""
    count = len(pairs)
    selectors = tier0.SELECTORS
    names = [selectors[opcode](code, operand, index)
             for index, (opcode, operand) in enumerate(pairs)]
    starts = {0, count}
    starts.update(operand for opcode, operand in pairs if opcode in opcodes.HAS_JUMP)
    for start, end, target, _depth, _lasti in code.co_exceptiontable:
        starts.update((start, end, target))
        # An instruction that opens a protected range and takes values from the stack
        # (PUSH_EXC_INFO) puts its outputs where the handler's depth counts them: they
        # must be on the real stack before anything after it in the range can fail.
        if start < count:
            opcode, operand = pairs[start]
            if opcodes.OPCODES[opcode].stack_effect(operand)[0]:
                starts.add(start + 1)
    by_name()
    # A call may enter a guest frame, which returns to the instruction after the call:
    # the run goes on through the call (a host function's call does not leave the run),
    # and another run starts after it, where a frame resumes.
    resumes = []
    for index, ((opcode, _operand), name) in enumerate(zip(pairs, names)):
        if name is None:
            starts.update((index, index + 1))
        elif opcode in _UNCONDITIONAL or name in tier0.LEAVES_FRAME:
            starts.add(index + 1)
        elif name in tier0.ENTERS_FRAME:
            resumes.append(index + 1)
    return {start for start in starts if start <= count}, resumes, names


def variable_count(definition, operand):
    """How many values the variable input of ``definition`` takes, or None."""
    if definition.variable_input is None:
        return None
    return definition.opcode.stack_effect(operand)[0] - len(definition.inputs)


def join_runs(code, pairs, handlers, later=None, threshold=0, budget=None, plan=None):
    """Put a joined handler at the start of each run of ``code`` in ``handlers``;
    return how many runs there are.  With a ``budget``, each joined handler charges it
    as ``plan`` says (a ``pvm.engine.charging.Plan``), as the handlers it stands in
    front of do.

    With a ``threshold``, each run is joined only once it has run that many more times
    (a big function that became hot may have runs that seldom or never run again, and
    joining costs about a millisecond a run): until then a counter stands at its start
    and, when the count is reached, puts the joined handler in ``later`` (the list the
    frames run, which ``handlers`` is meant to replace)."""
    if plan is None:
        runs, names = runs_of(code, pairs)
    else:
        runs, names = runs_of(code, pairs, plan.charges.keys() | plan.refunds.keys()
                              | plan.checks.keys())
    counts = [variable_count(_by_name[name], operand) if name is not None else None
              for name, (_opcode, operand) in zip(names, pairs)]
    attributes = [attribute_name(code, name, operand)
                  for name, (_opcode, operand) in zip(names, pairs)]
    shape = (names, counts, attributes, budget, plan)
    for start, end in runs:
        if threshold:
            handlers[start] = _run_counter(code, pairs, shape, start, end,
                                           handlers[start], later, threshold)
        else:
            handlers[start] = _joined(code, pairs, shape, start, end) or handlers[start]
            if budget is not None:
                # Joining a big function at once (a threshold of 0) may take longer
                # than its instructions: the time it takes counts (the run stays as
                # it is where the clock says stop).
                budget.check_clock()
    return len(runs)


def joined_alone(code, pairs, index, budget, plan):
    """The joined handler of the instruction at ``index`` alone, with what ``plan``
    says it does for ``budget`` (its stretch's charge, its refund, its check), or None
    where the generator declines it: an instruction of cold code that would otherwise
    run behind wrappers (``pvm.engine.charging``).  (Its attribute name is not written
    into its body: one maker for every name.)"""
    opcode, operand = pairs[index]
    name = tier0.SELECTORS[opcode](code, operand, index)
    if name is None:
        return None
    by_name()
    charges, refunds, amounts, checks = plan.in_run(index, index + 1)
    maker = maker_of((name,), (variable_count(_by_name[name], operand),), (None,),
                     charges, refunds, checks)
    if maker is None:
        return None
    return maker(code, pairs[index:index + 1], index, budget, amounts)


def attribute_name(code, name, operand):
    """The attribute name to write into the joined body ``name`` (see
    ``generate.bakes_attribute_name``), or None."""
    if name not in tier0.BAKES_ATTRIBUTE_NAME:
        return None
    attribute = code.co_names[operand]
    # Only a name the host's parser reads as one (a code object may have been built
    # with any string).
    if not attribute.isidentifier() or keyword.iskeyword(attribute):
        return None
    return attribute


def _joined(code, pairs, shape, start, end):
    """The joined handler of the run from ``start`` to ``end``, or None.  A run the
    generator declines is tried shorter: its head still gains."""
    names, counts, attributes, budget, plan = shape
    charged = budget is not None and (start in plan.charges or start in plan.refunds
                                      or start in plan.checks)
    while end - start >= 2 or (charged and end - start == 1):
        charges = refunds = checks = ()
        if budget is not None:
            charges, refunds, amounts, checks = plan.in_run(start, end)
        maker = maker_of(tuple(names[start:end]), tuple(counts[start:end]),
                         tuple(attributes[start:end]), charges, refunds, checks)
        if maker is None:
            handler = None
        elif charges or refunds or checks:
            handler = maker(code, pairs[start:end], start, budget, amounts)
        else:
            handler = maker(code, pairs[start:end], start)
        if handler is not None:
            return handler
        end -= 1
    return None


def _run_counter(code, pairs, shape, start, end, handler, handlers, threshold):
    remaining = threshold

    def count_then_run(frame, stack, fast):
        nonlocal remaining
        remaining -= 1
        if remaining <= 0 and handlers[start] is count_then_run:
            handlers[start] = _joined(code, pairs, shape, start, end) or handler
        return handler(frame, stack, fast)
    return count_then_run
