"""Tier 1: a hot code object translated into one host function.

Tier 0 runs a code object as a list of handlers, one host call per instruction, row or
joined run (``pvm.engine.hot_runs``), each returning the index of the next.  Tier 1
writes the whole code object as one host function, so that the host runs its jumps and
loops itself: a loop that tier 0 dispatches run by run becomes a host ``while`` loop.

The function is the same kind of handler as tier 0's, ``(frame, stack, fast) -> next
index``, put in the handler list at the start of each *block* (the joined runs of
``hot_runs``, cut after a jump forward within the same loop too), with the block it
starts at as the default of a fourth parameter, ``label``.  The guest's locals are host
locals while the function runs (read from ``fast`` on entry, those it stores written
back on every way out).  Everything else stays tier 0's: the guest frame, the real stack
between blocks, the loop that switches
frames at a call that enters one (the function returns ``CALL_FRAME``, and the frame
resumes by calling the function again at the block after the call), exceptions (every
instruction that may fail records its index in ``frame.failed_index``, and the loop
finds the handler, which is a block too), tracing (instrumentation puts single handlers
back in the list).  Nothing is different for the guest because nothing of the frame's
state moves.

A block's statements are the joined run the generator makes of its instructions
(``generate.fused_handler``), its decode-time names replaced by their values: small
constants written into the code (``fast[3]``, ``return 17``), other objects as globals
of the function.  A block's exits become assignments of ``label``, and the blocks are
laid out in the host function's ``while`` loop, each under ``if label == START:``; each
loop of the guest code (a backward jump to a block, the blocks from there to the jump)
gets a ``while`` of its own inside, so a jump back to its head does not pass the tests
of the blocks before it, and a turn that passes no block's test (a jump out of several
loops at once) breaks out:

    def translated(frame, stack, fast, label=0):
        while True:
            if label == 0:
                ...                     # falls through: label = 4
            if 4 <= label < 20:         # a loop
                while True:
                    if label == 4:
                        ...             # FOR_ITER: label = 6, or label = 20; break
                    if label == 6:
                        ...             # label = 4; continue
                    if not 4 <= label < 20:
                        break
            if label == 20:
                ...                     # return RETURN

The host line of every statement is the index of its guest instruction plus one, so
the host frame tells which instruction runs (``host_stack.running_index``), and
``source`` prints the code with each line's instruction beside it.
"""

import ast
import bisect
import builtins
import copy
import importlib
import marshal
import operator
import re
import textwrap
import warnings
import weakref
import zlib
from itertools import chain
from types import FunctionType

from pvm import opcodes
from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE,
                      CO_OPTIMIZED, decode_instructions)
# pvm.engine.generate is imported by the functions that translate: a run whose
# translations all come from the cache needs none of it, nor what it imports (inspect,
# argparse: some 3 MB of the process's peak memory).  The digests are CPython's own
# sha256, not hashlib's: OpenSSL's library is another 4 MB.
from pvm.engine import host_trees, hot_runs, inlining
from pvm.engine.straight_blocks import is_block_test, straighten
from pvm.engine.tree_walk import walk
from pvm.engine.decode import is_leaf
from pvm.engine.arguments import bind
from pvm.engine.frames import Frame, LEAVE_TRANSLATED, UNBOUND
from pvm.engine.objects import (CellType, Generator, call_shape_of, generator_items,
                                go_on_in_tier0, register_resuming)
from pvm.engine.instructions.define import DECODED
from pvm.engine.host_stack import register_stored_locals, register_translated
from pvm.cache import sha256

# Values written into the code as constants; other values are globals of the function.
_CONSTANT_TYPES = (int, float, str, bool, type(None))
_SUSPENDS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
_LABEL = "label"
# The most syntax-tree nodes a translation may hold; code past it is left to tier 0.
# What a translation costs grows with its code: each call is written out whole, and each
# runner copies the blocks.  So the blocks' nodes are counted as they are made
# (``_Translator.piece``) and a runner's before any is made (``_runner_size``).  Peak
# memory ran at some 1.3 KB a counted node: re's ``_parse`` (1,553 instructions) counts
# 552,208; the benchmarks' largest, deltablue's ``projection_test`` (138 instructions),
# 53,562 (docs/architecture.md).
SIZE_CAP = 150_000


class Translation:
    """A code object translated: the host function, and what to show of it.  Only
    ``install`` keeps anything of it (the entries; each knows its guest code weakly,
    which ``source`` translates again, rather than every function keeping a tree)."""

    __slots__ = ("code", "function", "entries", "runner", "tree", "untranslated", "resumer",
                 "block_count", "inlined")

    def __init__(self, code, function, entries, runner, tree, untranslated, resumer,
                 block_count):
        self.code = code
        self.function = function
        self.entries = entries              # block start -> the function entering there
        self.runner = runner                # (function, arguments, caller) -> its value
        self.tree = tree                    # the function's syntax tree
        self.untranslated = untranslated    # indices left to tier 0's handlers
        # A generator's: (frame, stack, fast, label) -> the host generator that runs
        # the frame from the block at ``label`` (see ``_resumer_body``); else None.
        self.resumer = resumer
        self.block_count = block_count      # the blocks translated
        # (the index of a call, the code its frameless runners run there in its place)
        # for each callee inlined (pvm.engine.inlining).
        self.inlined = []


def translate(code, pairs, eager=False, callees=None):
    """The translation of ``code`` (decoded into ``pairs``), or None when no block of it
    can be translated, or it is not a function's.  ``eager``: for a run that translates
    everything at its first call (-X jit-threshold=0), whose translations are kept
    apart (``_caches``).  ``callees``: the index of each call where tier 0 saw one
    translated function called -> its executable, whose body the frameless runners may
    run in place of its call (``pvm.engine.inlining``).

    Module and class bodies stay tier 0's (their hot loops get joined runs): they
    mostly run once, and are long runs of calls, whose joined statements (the call
    protocol written out at each) cost far more to compile than a single run saves.
    A generator's translation is a host generator (``_resumer``); coroutines and
    async generators stay tier 0's."""
    if not _is_function_code(code):
        return None
    key = _key_of(code)
    cache = _caches[eager]
    entry = cache.get(key)
    wanted, inlined = _inlining_plan(callees)
    if type(entry) is tuple and entry[-1][0] != wanted:
        # Translated for other callees: translated again for these.
        entry = hot_runs.ABSENT
    if entry is hot_runs.ABSENT:
        translation, entry = _translate(code, pairs, wanted, inlined)
        if entry is not _UNCACHEABLE:
            cache.put(key, entry)
    elif type(entry) is tuple:
        return _from_entry(code, entry, inlined=inlined)
    else:
        translation = None
    if type(entry) is int:
        # Past the cap: the entry is the size, for ``untranslated_reason``.
        _oversized[code] = entry
    return translation


def is_cached(code, eager=False):
    """Whether the cache holds what ``translate`` would make of ``code``: a translation,
    or the size of code past the cap."""
    return _is_function_code(code) and _caches[eager].holds(_key_of(code))


def _is_function_code(code):
    """Whether ``code`` is what tier 1 translates: a function's or a plain generator's
    (not a module or class body, a coroutine or an async generator)."""
    return bool(code.co_flags & CO_OPTIMIZED) \
        and not (code.co_flags & _SUSPENDS and not _is_plain_generator(code))


# Code left to tier 0 for its size -> the nodes counted past the cap.
_oversized = weakref.WeakKeyDictionary()


def _inlining_plan(callees):
    """(what the cache keeps of the callees to inline in a translation:
    each call's index and its callee's key; the index of each call -> the callee's
    executable), of ``callees`` (see ``translate``) whose code lives."""
    chosen = {index: executable for index, executable in sorted((callees or {}).items())
              if executable.code_reference() is not None}
    return tuple((index, _key_of(executable.code_reference()))
                 for index, executable in chosen.items()), chosen


def _callee(code):
    """The ``inlining.Callee`` of the direct runner of ``code``'s translation, or None."""
    trees = _trees(code, code.instructions())
    if type(trees) is not _Trees or trees.direct_tree is None or trees.translator.recipes \
            or not trees.translator.cacheable:
        return None
    callee = inlining.callee_of(trees.direct_tree, _CONSTANT_PARAMETERS)
    if callee is None:
        return None
    namespace = _function_namespace()
    if any(name not in namespace and not hasattr(builtins, name) for name in callee.names):
        return None
    callee.names = {name for name in callee.names if name in namespace}
    return callee


class _Trees:
    """The host syntax trees of a translation, and what made them."""

    def __init__(self, **parts):
        self.__dict__.update(parts)


def _translate(code, pairs, wanted=(), inlined=None):
    """(the translation, or None; what the cache keeps of it, or _UNCACHEABLE).
    ``wanted`` and ``inlined``: the callees to inline (see ``_inlining_plan``)."""
    trees = _trees(code, pairs, inlined)
    if type(trees) is not _Trees:
        return None, trees
    return _compiled(code, trees, wanted, inlined)


def _trees(code, pairs, inlined=None):
    """The host trees of the translation of ``code`` (a ``_Trees``), or what the cache
    keeps in place of a translation: None, or the size past the cap."""
    loops = _loops(pairs)
    leaders, resumes, names = _leaders(code, pairs, loops)
    translator = _Translator(code, len(code.co_varnames))
    blocks = []               # (start, end, statements or None: left to tier 0)
    for start, end in zip(leaders, leaders[1:]):
        position = start
        while position < end:
            piece_end, statements = translator.longest_piece(pairs, names, position, end)
            blocks.append((position, piece_end, statements))
            position = piece_end
            if translator.size > SIZE_CAP:
                # (Told before the rest is generated: the size is cached in place of
                # the translation.)
                return translator.size
    # A block goes on through a call; where a frame resumes after one that entered a
    # guest frame, a block of its own is the way in.  It ends where the next such
    # block starts (and goes on into it): a block from each resumption to the end
    # would make a run of n calls n runs of n calls' length.
    starts = {start for start, _end, _statements in blocks}
    resumes = sorted(resumes)
    for position, resume in enumerate(resumes):
        if resume not in starts:
            end = leaders[bisect.bisect(leaders, resume)]
            if position + 1 < len(resumes):
                end = min(end, resumes[position + 1])
            piece_end, statements = translator.longest_piece(pairs, names, resume, end)
            blocks.append((resume, piece_end, statements))
            if translator.size > SIZE_CAP:
                return translator.size
    blocks.sort(key=lambda block: block[0])
    generator = bool(code.co_flags & CO_GENERATOR)
    if generator:
        blocks = [(start, end, _yielding(statements) if statements is not None else None)
                  for start, end, statements in blocks]
    translated = {start for start, _end, statements in blocks if statements is not None}
    if generator and not any(isinstance(node, ast.Yield) for _start, _end, statements in blocks
                             if statements is not None
                             for statement in statements for node in walk(statement)):
        # With no yield, the host function would be no host generator: its call would
        # run the frame (to a StopIteration returned, say: `raise StopIteration; yield`,
        # whose yield the compiler drops) where the guest generator wants a generator.
        return None
    if not translated or translator.fast_otherwise:
        # (No definition reads ``fast`` but by a constant index today; one that did
        # would need the list up to date, which host locals leave behind.)
        return None
    top = _Region(0, len(pairs), None)
    body = [_at(ast.While(test=ast.Constant(True), orelse=[]), 0)]
    body[0].body = _lay_out(top, blocks, loops, translated)
    if not generator and _one_block(body[0].body):
        # A function of one block (most methods) runs its statements with no loop
        # of blocks around them: no ``label`` to set, no test at each call.
        body = body[0].body[0].body
    body = _temporaries_folded(_failures_left_to_lines(body))
    # (Read by the checks after calls and at back-edges, see _with_exits.)
    translator.globals_read.update(_LEAVING)
    host_locals = translator.local_count
    stored = ()
    clears = []
    if host_locals:
        body, stored, clears = _with_host_locals(body, host_locals)
        if clears:
            translator.globals_read.add("UNBOUND")
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg(arg=name) for name in
                                                    ("frame", "stack", "fast", _LABEL)],
                              kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant(0)])
    name = _identifier(code.co_name)
    function_tree = _at(ast.FunctionDef(name="translated_" + name, args=arguments,
                                        decorator_list=[], returns=None), 0)
    function_tree.body = body if generator else _failure_read_off_its_line(body)
    if generator:
        # Two host generator functions: one takes a suspended frame on wherever tier 0
        # left it (``label``: its resume index), the other starts the frame at its
        # first instruction, which is where a generator made at tier 1 starts (most
        # of them).  The second has none of the blocks only tier 0's resumptions
        # enter, and no test for them at each turn of its loops (``_entered_at_start``).
        from pvm.engine import generate     # (not at import: see the imports above)
        # (Copies: _resumer_body rebuilds the statements it goes into in place.)
        # Neither is made where the first yield is in code left to tier 0 (the host
        # function would be no generator: its call would run the frame at once).
        start_body = _with_yield(_straightened(_entered_at_start(generate.copy_tree(body))))
        driver_body = _with_yield(_straightened(_entered_at_start(generate.copy_tree(body)))) \
            if _drivable(code, pairs) else None
        function_tree.name = "resume_" + name
        function_tree.body = _resumer_body(body)
        runner_tree = None
        if start_body is not None:
            runner_tree = _at(ast.FunctionDef(name="start_" + name,
                                              args=copy.deepcopy(arguments),
                                              decorator_list=[], returns=None), 0)
            runner_tree.body = _resumer_body(start_body)
        frameless_tree = direct_tree = None
        if driver_body is not None:
            # And a third, for a builtin that iterates a generator expression's
            # generator alone (objects.PendingGenerator): it does a generator's work at
            # each resumption itself, so each item costs no call of _resume.
            frameless_tree = _at(ast.FunctionDef(name="drive_" + name,
                                                 args=copy.deepcopy(arguments),
                                                 decorator_list=[], returns=None), 0)
            frameless_tree.body = _driver_body(driver_body, stored)
            translator.globals_read.update(("GO_ON_IN_TIER0", "RETURN"))
    else:
        runner_body = _entered_at_start([statement for statement in body
                                         if statement not in clears])
        size = _runner_size(runner_body)
        if size > SIZE_CAP:
            return size
        leaf = is_leaf(code)
        runner_tree = _runner(name, runner_body, not leaf, code)
        sites = _inlined_sites(inlined, translator)
        frameless_tree, direct_tree = _frameless_runner(name, runner_body, code, not leaf,
                                                        sites)
    return _Trees(function_tree=function_tree, runner_tree=runner_tree,
                  frameless_tree=frameless_tree, direct_tree=direct_tree,
                  translator=translator, blocks=blocks, translated=translated,
                  host_locals=host_locals, stored=stored, generator=generator,
                  written=[] if generator or frameless_tree is None else sites)


def _inlined_sites(inlined, translator):
    """The sites at which the frameless runners may run the body of a callee (see
    ``inlining.inline_calls``) of ``inlined`` (a call's index -> the callee's
    executable), the names their bodies read counted among the translation's."""
    sites = []
    for index, executable in sorted((inlined or {}).items()):
        callee_code = executable.code_reference()
        callee = _callee(callee_code) if callee_code is not None else None
        if callee is not None:
            number = len(sites) + 1
            sites.append((number, index, callee, "INLINED_%d" % number))
            translator.globals_read.update(callee.names)
    return sites


def _compiled(code, trees, wanted, inlined):
    """The translation that ``trees`` describe, compiled (see ``_translate``)."""
    function_tree, runner_tree = trees.function_tree, trees.runner_tree
    frameless_tree, direct_tree = trees.frameless_tree, trees.direct_tree
    translator, blocks, translated = trees.translator, trees.blocks, trees.translated
    host_locals, stored, generator = trees.host_locals, trees.stored, trees.generator
    module = ast.Module(body=[tree for tree in (function_tree, runner_tree, frameless_tree,
                                                direct_tree)
                              if tree is not None], type_ignores=[])
    with warnings.catch_warnings():
        # The host's warnings about the code it compiles (``local_0 is 5``, a guest
        # comparison with its constant written in) are not the guest's: the guest's
        # compiler warned about its source already.
        warnings.simplefilter("ignore")
        host_code = host_trees.compile_tree(module, "<pvm tier 1: %s>" % code.co_qualname)
    namespace = _function_namespace()
    global_names = tuple(sorted(name for name in translator.globals_read if name in namespace))
    scope = {}
    exec(host_code, scope)
    function_code = scope[function_tree.name].__code__
    # (Compressed: kept so until a call asks for it, see _full_runner_when_asked.)
    if generator:
        # (The host generator functions that start the frame: used at every generator
        # made at tier 1, not compressed.)
        runner_code = (marshal.dumps(scope[runner_tree.name].__code__)
                       if runner_tree is not None else None)
        frameless_code = (marshal.dumps(scope[frameless_tree.name].__code__)
                          if frameless_tree is not None else None)
    else:
        runner_code = (zlib.compress(marshal.dumps(scope[runner_tree.name].__code__))
                       if runner_tree is not None else None)
        frameless_code = (zlib.compress(marshal.dumps(scope[frameless_tree.name].__code__))
                          if frameless_tree is not None else None)
    direct_code = (marshal.dumps(scope[direct_tree.name].__code__)
                   if direct_tree is not None else None)
    untranslated = tuple(start for start, _end, statements in blocks if statements is None)
    # (Last, what inlining asked for and did: ``translate`` compares the first.)
    entry = (marshal.dumps(function_code), runner_code, frameless_code, direct_code,
             tuple(sorted(translator.imports.items())), global_names,
             tuple(translator.recipes), host_locals, stored, tuple(sorted(translated)),
             untranslated, (wanted, tuple(trees.written)))
    translation = _from_entry(code, entry, translator.constants, function_tree, inlined)
    return translation, entry if translator.cacheable else _UNCACHEABLE


_UNCACHEABLE = object()


def _from_entry(code, entry, constants=None, tree=None, inlined=None):
    """The translation of ``code`` that ``entry`` describes (see ``_translate``): its
    host function, with the globals it reads, the objects the recipes name made again
    from ``code`` (unless ``constants`` gives them), and the direct runners of the
    callees inlined (``inlined``: a call's index -> the callee's executable)."""
    (function_code, runner_code, frameless_code, direct_code, imports, global_names, recipes,
     host_locals, stored, starts, untranslated, (_wanted, written)) = entry
    function_code = marshal.loads(function_code)
    namespace = _function_namespace()
    for name, module in imports:
        namespace.setdefault(name, getattr(importlib.import_module(module), name))
    globals_ = {"__builtins__": builtins, "Frame": Frame, "CellType": CellType, "bind": bind,
                "ToTier0": ToTier0, "UNBOUND": UNBOUND,
                "PADDING": (UNBOUND,) * (len(code.co_varnames) - code.co_argcount)}
    for name in global_names:
        globals_[name] = namespace[name]
    if constants is not None:
        globals_.update(constants)
    else:
        for name, decoded, operand, index in recipes:
            globals_[name] = _decoder(decoded)(code, operand, index)
    for number, index, _function in written:
        globals_["INLINED_%d" % number] = inlined[index].direct
    function = FunctionType(function_code, globals_, function_code.co_name)
    if code.co_flags & CO_GENERATOR:
        # A generator's: the host generator function, which the guest generator resumes
        # (it runs the frame it is given, as a runner does), and the one that starts
        # it (``_translate``), which the first is asked for as ``from_start``.
        register_translated(function_code, host_locals, runner=True)
        register_resuming(function_code)
        register_stored_locals(code, stored)
        # Where a host generator may take a suspended frame on (objects._Suspendable).
        function.starts = frozenset(starts)
        function.from_start = function
        if runner_code is not None:
            runner_code = marshal.loads(runner_code)
            register_translated(runner_code, host_locals, runner=True)
            register_resuming(runner_code)
            function.from_start = FunctionType(runner_code, globals_, runner_code.co_name)
        # (Where others keep their frameless runner, a generator expression keeps its
        # driver: see _driver_body.)
        function.drive = None
        if frameless_code is not None:
            frameless_code = marshal.loads(frameless_code)
            register_translated(frameless_code, host_locals, runner=True)
            register_resuming(frameless_code)
            function.drive = FunctionType(frameless_code, globals_, frameless_code.co_name)
        # Whether the code handles exceptions (sets the one it handles): if not, its
        # resumptions need no layer of handled exceptions of their own (see there).
        function.handles = any(opcode == opcodes.PUSH_EXC_INFO
                               for opcode, _operand in decode_instructions(code.co_code))
        return Translation(code, function, {}, None, tree, list(untranslated), function,
                           len(starts))
    entries = {}
    guest_code = weakref.ref(code)
    for start in starts:
        entry_function = entries[start] = FunctionType(function_code, globals_,
                                                       function_code.co_name, (start,))
        entry_function.guest_code = guest_code
    register_translated(function_code, host_locals)
    if frameless_code is None:
        runner = _runner_from(runner_code, globals_, host_locals)
    else:
        # The runner a call runs; the one that makes the frame takes the calls it
        # does not.
        globals_["RUN_FULL"], full_runner = _full_runner_when_asked(runner_code, globals_,
                                                                    host_locals)
        sites = {number: (index, function) for number, index, function in written}
        # (Which Executable.set_run takes with the frameless runner: calls with exactly
        # the positional parameters run it.)
        direct_code = marshal.loads(direct_code)
        direct = FunctionType(direct_code, globals_, direct_code.co_name,
                              _constant_defaults(direct_code, code.co_argcount))
        direct.arity = code.co_argcount
        register_translated(direct_code, host_locals, runner=True, frameless=True,
                            inlined=sites)
        runner = _frameless_runner_when_called(frameless_code, globals_, host_locals, direct,
                                               full_runner, sites)
    register_stored_locals(code, stored)
    translation = Translation(code, function, entries, runner, tree, list(untranslated), None,
                              len(starts))
    translation.inlined = [(index, inlined[index].code_reference())
                           for _number, index, _function in written]
    return translation


def _frameless_runner_when_called(packed, globals_, host_locals, direct, full_runner,
                                  inlined):
    """What runs the calls of a translation with a frameless runner: a stand-in that
    makes the frameless runner from ``packed`` (its code, marshalled and compressed) at
    the first call, and puts it in its place as the function's ``run``.  Calls that
    pass exactly the positional parameters run the ``direct`` runner instead, and
    most functions get no other (a call binding defaults or keywords, host code
    calling a guest function): the frameless runner's code was a quarter of a
    translation's memory."""
    made = []

    def frameless():
        if not made:
            runner = _runner_from(packed, globals_, host_locals, frameless=True,
                                  inlined=inlined)
            runner.direct = direct
            # (Which Interpreter.materialize_frameless puts in its place for a leaf
            # whose frame keeps being asked for.)
            runner.full_runner = full_runner
            made.append(runner)
        return made[0]

    def run(function, arguments, caller):
        runner = frameless()
        executable = function.executable
        if executable.run is run:
            if executable.runner is run:
                executable.runner = runner
            executable.set_run(runner)
        return runner(function, arguments, caller)
    run.direct = direct
    run.full_runner = full_runner
    return run


def _runner_from(packed, globals_, host_locals, frameless=False, inlined=None):
    """A runner (the one that makes its frame, unless ``frameless``) from ``packed``
    (its code, marshalled and compressed), registered for the host stack's readers
    (with the sites of its ``inlined`` callees: their number -> the call's index)."""
    runner_code = marshal.loads(zlib.decompress(packed))
    register_translated(runner_code, host_locals, runner=True, frameless=frameless,
                        inlined=inlined)
    return FunctionType(runner_code, globals_, runner_code.co_name)


def _full_runner_when_asked(packed, globals_, host_locals):
    """(what a frameless runner calls as RUN_FULL; a function that gives the full
    runner): the full runner made only when first asked for.  A function with a
    frameless runner seldom needs the one that makes its frame (a call by a caller
    with a frame while frameless runners run below it; a frame asked for
    ``FRAMES_ASKED_LIMIT`` times), and its code was a quarter of a translation's
    memory; compressed, about a fifth of that."""
    def full_runner():
        runner = globals_["RUN_FULL"]
        if runner is run_full:
            runner = globals_["RUN_FULL"] = _runner_from(packed, globals_, host_locals)
        return runner

    def run_full(function, arguments, caller):
        return full_runner()(function, arguments, caller)
    return run_full, full_runner


# Marshal's version 0 writes a value only: later versions mark the strings that are
# interned and the objects referenced more than once (by the reference count), which
# differ between a code object just compiled and the same code read back from the
# bytecode cache, so that the first process to run a module (compiling it) kept its
# translations under keys no later process (reading its .pyc) asked for.
_KEY_MARSHAL_VERSION = 0


def _key_of(code):
    """What a translation of ``code`` depends on, hashed: its instructions, argument
    counts (its runner's), names and flags, and its constants where they are written
    into the translation (the type of the others, which recipes make again)."""
    constants = tuple((type(constant).__name__, constant) if type(constant) in _CONSTANT_TYPES
                      else (type(constant).__name__,) for constant in code.co_consts)
    description = (code.co_code, code.co_argcount, code.co_posonlyargcount,
                   code.co_kwonlyargcount, code.co_names, code.co_varnames, code.co_cellvars,
                   code.co_freevars, code.co_flags, code.co_name, code.co_qualname,
                   tuple(tuple(entry) for entry in code.co_exceptiontable), constants)
    return sha256(marshal.dumps(description, _KEY_MARSHAL_VERSION)).hexdigest()


_decoders = {}


def _decoder(name):
    """The function of ``(code, operand, index)`` that computes the decode-time name
    ``name`` (``define.DECODED``)."""
    decoder = _decoders.get(name)
    if decoder is None:
        decoder = _decoders[name] = eval("lambda code, operand, index: " + DECODED[name],
                                         _function_namespace())
    return decoder


# (Fingerprinted: every module whose code shapes a translation, the definitions' through
# tier0.py, which is generated from them, and support.py, whose tests of the code run as
# it is translated.  One left out had its changes hidden by translations read back.)
_SOURCES = ("tier0.py", "generate.py", "hot_runs.py", "tier1.py", "straight_blocks.py",
            "tree_walk.py", "host_trees.py", "inlining.py", "instructions/support.py")
# Two caches: a run at -X jit-threshold=0 (the tests', the corpus's) translates all it
# runs, the start-up's standard library too, and a later run that read those took the
# code that got warm in it at once (``Interpreter._translation_cached``): nbody at tier
# 1 took 10 translations of the standard library it would never have made, which cost
# its start-up 6% (paired runs) until the folder was cleared.  (The prefixes must not
# begin one another: a new fingerprint's folder removes the others of its prefix.)
_caches = (hot_runs.DiskCache(hot_runs.CACHE_FOLDER, "translations-", _SOURCES),
           hot_runs.DiskCache(hot_runs.CACHE_FOLDER, "eager-translations-", _SOURCES))


def install(translation, handlers):
    """Put the translation's entries in ``handlers`` (a list the generator of tier 0
    filled), at the start of each translated block."""
    for start, entry in translation.entries.items():
        handlers[start] = entry


def source(handler):
    """The host source of a translated function (any of its entries), each line
    ending with the guest instruction it runs; None for another handler."""
    guest_code = getattr(handler, "guest_code", None)
    code = guest_code() if guest_code is not None else None
    if code is None:
        return None
    return format_translation(_translate(code, code.instructions())[0])


def format_translation(translation):
    """The translation's host source, each line ending with the index, name and line of
    the guest instruction it runs."""
    return "\n".join(text for text, _index in annotated_lines(translation))


def annotated_lines(translation):
    """[(a line of ``format_translation``, the index of the guest instruction it runs,
    or None)]: the stage explorer links each line to its instruction."""
    code = translation.code
    pairs = code.instructions()
    if translation.tree is None:
        # Read from the cache, which keeps no tree: translate again.
        translation, _entry = _translate(code, pairs)
    lines = []
    for text, line in _source_lines(translation.tree, 0):
        index = line - 1
        if 0 <= index < len(pairs):
            lines.append((text, index, "# %d %s, line %s" % (
                index, opcodes.OPCODES[pairs[index][0]].name, code.line_of(index))))
        else:
            lines.append((text, None, ""))
    width = max(len(text) for text, _index, _comment in lines)
    return [(("%-*s  %s" % (width, text, comment)).rstrip(), index)
            for text, index, comment in lines]


def untranslated_reason(code):
    """Why ``translate`` gives None for ``code``: what -X jit-log says of code tier 1
    leaves to tier 0."""
    if not code.co_flags & CO_OPTIMIZED:
        return "a module or class body"
    if code.co_flags & _SUSPENDS and not _is_plain_generator(code):
        return "a coroutine or async generator"
    size = _oversized.get(code)
    if size is not None:
        return ("too big: its translation reached %d syntax-tree nodes, past the cap of"
                " %d (tier1.SIZE_CAP)" % (size, SIZE_CAP))
    if code.co_flags & CO_GENERATOR:
        return "no instruction the generator joins, or no yield"
    return "no instruction the generator joins"


def _source_lines(statement, depth):
    """(text, host line) for each line of ``statement`` as Python source."""
    indent = "    " * depth
    line = statement.lineno
    if isinstance(statement, ast.FunctionDef):
        yield indent + "def %s(%s):" % (statement.name, ast.unparse(statement.args)), line
        yield from _block_lines(statement.body, depth + 1)
    elif isinstance(statement, ast.While):
        yield indent + "while %s:" % ast.unparse(statement.test), line
        yield from _block_lines(statement.body, depth + 1)
    elif isinstance(statement, ast.For):
        yield indent + "for %s in %s:" % (ast.unparse(statement.target),
                                          ast.unparse(statement.iter)), line
        yield from _block_lines(statement.body, depth + 1)
        if statement.orelse:
            yield indent + "else:", statement.orelse[0].lineno
            yield from _block_lines(statement.orelse, depth + 1)
    elif isinstance(statement, ast.If):
        yield indent + "if %s:" % ast.unparse(statement.test), line
        yield from _block_lines(statement.body, depth + 1)
        if statement.orelse:
            yield indent + "else:", statement.orelse[0].lineno
            yield from _block_lines(statement.orelse, depth + 1)
    elif isinstance(statement, ast.Try):
        yield indent + "try:", line
        yield from _block_lines(statement.body, depth + 1)
        for handler in statement.handlers:
            clause = "except"
            if handler.type is not None:
                clause += " " + ast.unparse(handler.type)
                if handler.name:
                    clause += " as " + handler.name
            yield indent + clause + ":", handler.lineno
            yield from _block_lines(handler.body, depth + 1)
        for title, block in (("else", statement.orelse), ("finally", statement.finalbody)):
            if block:
                yield indent + title + ":", block[0].lineno
                yield from _block_lines(block, depth + 1)
    else:
        for text in ast.unparse(statement).splitlines():
            yield indent + text, line


def _block_lines(statements, depth):
    for statement in statements:
        yield from _source_lines(statement, depth)


# -- blocks ----------------------------------------------------------------------------

def _leaders(code, pairs, loops):
    """Where blocks start (with the code's end), sorted; where frames resume after a
    call inside a block; each instruction's body name.

    Runs are cut after a jump forward to a block of the same loop too (an ``if``): its
    exits are then its block's last statements, and going on to the block it lands in
    is an assignment of the label, with no test from the loop's head.  A jump out of
    the loop (``for``'s end, a ``while`` test) or back is a ``break`` or ``continue``
    wherever it stands, so the run goes on: FOR_ITER's item is the next instruction's
    input, with no stack between."""
    starts, resumes, names = hot_runs.boundaries_of(code, pairs)
    for index, (opcode, operand) in enumerate(pairs):
        if opcode in opcodes.HAS_JUMP:
            inner = [end for start, end in loops if start <= index < end]
            if operand <= index or not inner or operand < min(inner):
                starts.add(index + 1)
    count = len(pairs)
    return sorted(start for start in starts if start <= count), resumes, names


# (body names, variable counts, attribute names) -> the joined body (``_Piece``), or
# None where the generator declines it.
_pieces = {}
# The longest run whose piece ``_pieces`` keeps.  Longer runs hardly recur, and their
# statements were most of what translating left behind: translating every function of
# deltablue, richards and raytrace, runs of up to 4 instructions found their piece kept
# 207 times out of 321, of 5 to 8 24 of 161, of 9 to 16 5 of 100, longer ones never (46),
# while these held 190,000 of the 283,000 syntax-tree nodes kept; in test_descr's first
# 25 tests, 9 hits of 111 past 8 instructions, and the pieces were 87% of the memory
# blocks left after translating (some 1.4 million).
_PIECE_KEPT = 8


class _Piece:
    """A run's joined statements, with the line of each node its position in the run,
    the names its statements assign, and its decode-time prologue as a host function
    of ``(code, run, index)`` (None where a guard declines the run's operands)."""

    __slots__ = ("statements", "assigned", "prologue", "imports")

    def __init__(self, statements, assigned, prologue, imports):
        self.statements = statements
        self.assigned = assigned
        self.prologue = prologue
        self.imports = imports          # name -> module, of what the statements call


class _Translator:
    """What translating one code object collects: the globals its statements read,
    the objects they read as globals, whether ``fast`` is read other than by index."""

    def __init__(self, code, local_count):
        self.code = code
        self.local_count = local_count
        self.globals_read = set()
        self.imports = {}               # name -> module, of what the statements call
        self.constants = {}             # name -> value
        # (name, decode-time name, operand, index): how to make each constant again.
        self.recipes = []
        self.cacheable = True
        self.fast_otherwise = False
        self.size = 0                   # the syntax-tree nodes of the pieces made

    def longest_piece(self, pairs, names, start, end):
        """(where the piece ends, its statements): the longest run of instructions from
        ``start`` (before ``end``) the generator joins, or (start + 1, None) where it
        joins none."""
        if names[start] is not None:
            for stop in range(end, start, -1):
                if None in names[start:stop]:
                    continue
                statements = self.piece(pairs, names, start, stop)
                if statements is not None:
                    return stop, statements
        return start + 1, None

    def piece(self, pairs, names, start, stop):
        """The statements of the instructions from ``start`` to ``stop`` joined, for
        this code; None where the generator declines them."""
        code = self.code
        by_name = hot_runs.by_name()
        run = pairs[start:stop]
        run_names = tuple(names[start:stop])
        counts = tuple(hot_runs.variable_count(by_name[name], operand)
                       for name, (_opcode, operand) in zip(run_names, run))
        attributes = tuple(hot_runs.attribute_name(code, name, operand)
                           for name, (_opcode, operand) in zip(run_names, run))
        key = (run_names, counts, attributes)
        piece = _pieces.get(key, _ABSENT)
        if piece is _ABSENT:
            piece = _generate_piece(key)
            if len(run) <= _PIECE_KEPT:
                _pieces[key] = piece
        if piece is None:
            return None
        values = piece.prologue(code, run, start)
        if values is None:
            return None
        for name in piece.assigned:
            values.pop(name, None)
        self.imports.update(piece.imports)
        instance = _Instance(self, values, piece.assigned, start + 1, run, start)
        statements = _without_copies(_without_round_trips(_without_constant_tests(
            instance.statements(piece.statements))))
        self.size += sum(1 for statement in statements for _node in walk(statement))
        return statements

    def constant(self, value, decoded_name, run, start):
        """The name of a global holding ``value``, the decode-time name ``decoded_name``
        of the piece at ``start``, and the recipe that makes it again."""
        name = "constant_%d" % len(self.constants)
        self.constants[name] = value
        base, _, position = decoded_name.rpartition("_")
        if decoded_name == "code":
            base, position = "code", "0"
        if base in DECODED and position.isdigit() and int(position) < len(run):
            operand, index = run[int(position)][1], start + int(position)
            if _decoder(base)(self.code, operand, index) is value:
                self.recipes.append((name, base, operand, index))
                return name
        self.cacheable = False
        return name


_ABSENT = object()


def _generate_piece(key):
    from pvm.engine import generate     # (not at import: see the imports above)
    names, counts, attributes = key
    by_name = hot_runs.by_name()
    line_parts = []
    try:
        lines, imports = generate.fused_handler([by_name[name] for name in names], "maker",
                                                counts, line_parts, attributes,
                                                record_first=True, leaves_after_calls=True)
    except generate.GenerationError:
        return None
    namespace = _function_namespace()
    for name, module in imports.items():
        namespace.setdefault(name, getattr(importlib.import_module(module), name))
    maker = host_trees.parse("\n".join(lines)).body[0]
    inner = next(position for position, statement in enumerate(maker.body)
                 if isinstance(statement, ast.FunctionDef))
    statements = maker.body[inner].body
    if not _exits_are_plain(statements):
        return None
    # Every node's line: the position in the run of the instruction it belongs to.
    assigned = set()
    for statement in statements:
        part = line_parts[statement.lineno - 1] or 0
        for node in walk(statement):
            if "lineno" in node._attributes:
                node.lineno = node.end_lineno = part
                node.col_offset = node.end_col_offset = 0
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                assigned.add(node.id)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                assigned.add(node.name)
    # The prologue computes the decode-time names; its guards decline the run.
    prologue = ast.FunctionDef(
        name="prologue", args=maker.args,
        body=maker.body[:inner] + [ast.Return(value=ast.Call(
            func=ast.Name(id="locals", ctx=ast.Load()), args=[], keywords=[]))],
        decorator_list=[], returns=None)
    module = ast.fix_missing_locations(ast.Module(body=[prologue], type_ignores=[]))
    scope = dict(namespace)
    exec(host_trees.compile_tree(module, "<pvm tier 1 prologue>"), scope)
    return _Piece(statements, assigned - _RUNTIME, scope["prologue"], imports)


_RUNTIME = {"frame", "stack", "fast"}


def _exits_are_plain(statements):
    """Whether no exit of the statements is inside a loop of their own (where a
    ``continue`` or ``break`` would mean that loop)."""
    for node in walk(ast.Module(body=statements, type_ignores=[])):
        if isinstance(node, (ast.For, ast.While, ast.AsyncFor)):
            if any(isinstance(inner, (ast.Return, ast.Continue, ast.Break))
                   for inner in walk(node)):
                return False
    return True


class _Augmented:
    def __init__(self, operator):
        self.operator = operator


class _Statements(list):
    """Statements that take the place of one."""


# The operator module's functions BINARY_OP and COMPARE_OP decode to -> the syntax that
# does the same.
_SYNTAX = {
    operator.add: ast.Add(), operator.sub: ast.Sub(), operator.mul: ast.Mult(),
    operator.truediv: ast.Div(), operator.floordiv: ast.FloorDiv(),
    operator.mod: ast.Mod(), operator.pow: ast.Pow(), operator.lshift: ast.LShift(),
    operator.rshift: ast.RShift(), operator.and_: ast.BitAnd(), operator.or_: ast.BitOr(),
    operator.xor: ast.BitXor(), operator.matmul: ast.MatMult(),
    operator.iadd: _Augmented(ast.Add()), operator.isub: _Augmented(ast.Sub()),
    operator.imul: _Augmented(ast.Mult()), operator.itruediv: _Augmented(ast.Div()),
    operator.ifloordiv: _Augmented(ast.FloorDiv()), operator.imod: _Augmented(ast.Mod()),
    operator.ipow: _Augmented(ast.Pow()), operator.ilshift: _Augmented(ast.LShift()),
    operator.irshift: _Augmented(ast.RShift()), operator.iand: _Augmented(ast.BitAnd()),
    operator.ior: _Augmented(ast.BitOr()), operator.ixor: _Augmented(ast.BitXor()),
    operator.imatmul: _Augmented(ast.MatMult()),
    operator.lt: ast.Lt(), operator.le: ast.LtE(), operator.eq: ast.Eq(),
    operator.ne: ast.NotEq(), operator.gt: ast.Gt(), operator.ge: ast.GtE(),
}


class _Instance:
    """Makes a piece's statements for one place in the code, in one walk: a copy, each
    line shifted to the instruction's index plus one, the decode-time names replaced by
    their values (constants where the host's code can hold them, else globals of the
    function), the block's own variables renamed ``t0``, ``t1``, ... in order of
    appearance (blocks share them, so the host function's frame, made at every entry,
    stays as small as the biggest block needs), ``fast[K]`` made the host local
    ``local_K``."""

    def __init__(self, translator, values, variables, shift, run, start):
        self.translator = translator
        self.values = values
        self.variables = variables
        self.shift = shift
        self.run = run
        self.start = start
        self.renamed = {}

    def statements(self, statements):
        result = []
        for statement in statements:
            copied = self.copy(statement)
            if copied.__class__ is _Statements:
                result.extend(copied)
            else:
                result.append(copied)
        return result

    def copy(self, node):
        if isinstance(node, list):
            return self.statements(node) if node and isinstance(node[0], ast.stmt) \
                else [self.copy(item) for item in node]
        if not isinstance(node, ast.AST) or isinstance(node, ast.expr_context):
            return node
        kind = node.__class__
        if kind is ast.Name:
            return self.name(node)
        if kind is ast.Subscript:
            value = node.value
            if value.__class__ is ast.Name and value.id == "fast":
                index = node.slice
                if index.__class__ is ast.Name and index.id in self.values:
                    index = self.values[index.id]
                elif index.__class__ is ast.Constant:
                    index = index.value
                if type(index) is int and 0 <= index < self.translator.local_count:
                    return self.located(ast.Name(id=_local(index), ctx=node.ctx), node)
        if kind is ast.Call:
            operation = self.operation(node)
            if operation is not None:
                return operation
        elif kind is ast.Assign:
            augmented = self.augmented(node)
            if augmented is not None:
                return augmented
        new = kind()
        for field in node._fields:
            setattr(new, field, self.copy(getattr(node, field, None)))
        if kind is ast.ExceptHandler and new.name in self.variables:
            new.name = self.temporary(new.name)
        if "lineno" in node._attributes:
            self.located(new, node)
        return new

    def operator_of(self, call):
        """The value of the decode-time name ``call`` calls, if it is one of the
        operator module's functions that syntax writes, called with two arguments."""
        function = call.func
        if (function.__class__ is ast.Name and function.id in self.values
                and len(call.args) == 2 and not call.keywords
                and not any(argument.__class__ is ast.Starred for argument in call.args)):
            value = self.values[function.id]
            if value in _SYNTAX:
                return value
        return None

    def operation(self, call):
        """``a % b`` for ``operator.mod(a, b)`` (BINARY_OP's and COMPARE_OP's
        functions, decoded): the host's own instruction, which specializes, and no call;
        None for another call."""
        function = self.operator_of(call)
        syntax = _SYNTAX.get(function)
        if syntax is None or isinstance(syntax, _Augmented):
            return None
        left, right = self.copy(call.args)
        if isinstance(syntax, ast.cmpop):
            new = ast.Compare(left=left, ops=[syntax], comparators=[right])
        else:
            new = ast.BinOp(left=left, op=syntax, right=right)
        return self.located(new, call)

    def augmented(self, assign):
        """``t = a; t += b`` for ``t = operator.iadd(a, b)``, where ``a`` and ``b``
        are names or constants (read in the same order as the call reads them); None
        for another assignment."""
        value = assign.value
        if value.__class__ is not ast.Call or len(assign.targets) != 1 \
                or assign.targets[0].__class__ is not ast.Name:
            return None
        syntax = _SYNTAX.get(self.operator_of(value))
        if not isinstance(syntax, _Augmented) or not all(
                argument.__class__ in (ast.Name, ast.Constant) for argument in value.args):
            return None
        left, right = self.copy(value.args)
        target = self.copy(assign.targets[0])
        copy = self.located(ast.Assign(targets=[target], value=left), assign)
        update = self.located(ast.AugAssign(
            target=self.located(ast.Name(id=target.id, ctx=ast.Store()), assign),
            op=syntax.operator, value=right), assign)
        return _Statements([copy, update])

    def located(self, new, node):
        new.lineno = new.end_lineno = node.lineno + self.shift
        new.col_offset = new.end_col_offset = 0
        return new

    def name(self, node):
        name = node.id
        if name in self.variables:
            return self.located(ast.Name(id=self.temporary(name), ctx=node.ctx), node)
        translator = self.translator
        if name in self.values and isinstance(node.ctx, ast.Load):
            value = self.values[name]
            if type(value) in _CONSTANT_TYPES:
                return self.located(ast.Constant(value=value), node)
            name = translator.constant(value, name, self.run, self.start)
            return self.located(ast.Name(id=name, ctx=node.ctx), node)
        if name == "fast":
            translator.fast_otherwise = True
        elif name not in _RUNTIME:
            translator.globals_read.add(name)
        return self.located(ast.Name(id=name, ctx=node.ctx), node)

    def temporary(self, name):
        renamed = self.renamed.get(name)
        if renamed is None:
            renamed = self.renamed[name] = "t%d" % len(self.renamed)
        return renamed


# -- fewer copies ------------------------------------------------------------------------

_TEMPORARY = re.compile(r"t\d+$")


def _without_constant_tests(statements):
    """``statements`` with each ``if`` on a constant (a decode-time name written in:
    CALL's ``takes_new_generator``) the branch it takes, at any depth."""
    result = []
    for statement in statements:
        if isinstance(statement, ast.If) and isinstance(statement.test, ast.Constant):
            result.extend(_without_constant_tests(
                statement.body if statement.test.value else statement.orelse))
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner and isinstance(inner[0], ast.stmt):
                setattr(statement, field, _without_constant_tests(inner) or [ast.Pass()])
        for handler in getattr(statement, "handlers", ()):
            handler.body = _without_constant_tests(handler.body) or [ast.Pass()]
        result.append(statement)
    return result


def _without_copies(statements):
    """A block's statements with the copies the joined bodies make taken out, where
    nothing can tell: ``t1 = local_2`` or ``t1 = 3`` is written into each read of it
    (``local_2`` not stored in between: ``t1[t2] -= x`` reads and stores the item of
    ``local_2[3]``), and ``t3 = EXPRESSION`` that only the next
    statement stores, ``local_1 = t3``, becomes ``local_1 = EXPRESSION``; ``t0 =
    local_1; t0 += E; local_1 = t0`` becomes ``local_1 += E``; ``t1, t2 = E`` whose
    items are only copied, ``local_3 = t2; local_4 = t1``, stores them itself.  A
    temporary taken out also leaves the ``del`` statements that freed it.

    Each round finds the names once and makes every change whose statements no other
    change of the round touched (a statement taken out is None until the round ends)."""
    while True:
        uses = _uses(statements)
        round_ = _Round(statements, uses)
        for position in range(len(statements)):
            round_.inline(position) or round_.merge(position) or round_.augment(position) \
                or round_.unpack(position)
        if not round_.removed:
            return statements
        statements = [statement for statement in statements if statement is not None]
        for name in round_.removed:
            _forget(statements, name)


def _without_round_trips(statements):
    """``statements`` less the trips of a value through the real stack from one part to
    the next: ``stack.append(local_1)`` followed by ``t1 = stack.pop()`` (first in a
    ``try``, or not) is ``t1 = local_1`` (a part that reads deeper in the stack, such
    as LIST_APPEND's ``stack[-2]``, takes its inputs from there; nothing runs between,
    and a name or a constant cannot fail, so nothing can tell)."""
    result = []
    for statement in statements:
        previous = result[-1] if result else None
        pop = statement.body[0] if isinstance(statement, ast.Try) else statement
        pushed = _pushed_value(previous)
        if pushed is not None and _is_pop(pop, pushed):
            result.pop()
            pop.value = pushed
        result.append(statement)
    return result


def _pushed_value(statement):
    """X of ``stack.append(X)`` where X is a name or a constant, else None."""
    value = _appended(statement)
    return value if isinstance(value, (ast.Name, ast.Constant)) else None


def _appended(statement):
    """X of the statement ``stack.append(X)``, else None."""
    call = statement.value if isinstance(statement, ast.Expr) else None
    if _is_stack_call(call, "append") and len(call.args) == 1 and not call.keywords:
        return call.args[0]
    return None


def _is_pop(statement, pushed):
    """Whether ``statement`` is ``NAME = stack.pop()``, or ``frame.return_value =
    stack.pop()`` (the value a yield suspends with) where the value ``pushed`` is no
    temporary (whose copy ``_without_copies`` would fold into the statement that makes
    it, where ``_yielding`` does not look)."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and _is_stack_call(statement.value, "pop") and not statement.value.args):
        return False
    if isinstance(statement.targets[0], ast.Name):
        return True
    return (_frame_assignment([statement], "return_value") is not None
            and not (isinstance(pushed, ast.Name) and _TEMPORARY.match(pushed.id)))


def _is_stack_call(node, method):
    """Whether ``node`` is a call of the real stack's ``method``."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == method and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "stack")


def _uses(statements):
    """name -> [(top-level position, node, context)] of every name in the statements."""
    uses = {}
    for position, statement in enumerate(statements):
        pending = [statement]
        while pending:
            node = pending.pop()
            if node.__class__ is ast.Name:
                uses.setdefault(node.id, []).append((position, node, node.ctx.__class__))
                continue
            for field in node._fields:
                value = getattr(node, field, None)
                if value.__class__ is list:
                    pending.extend(item for item in value if isinstance(item, ast.AST))
                elif isinstance(value, ast.AST):
                    pending.append(value)
    return uses


def _single_copy(uses, name):
    """(where it is stored, where it is loaded) for a temporary stored once, loaded
    once and otherwise only deleted; else None."""
    if not _TEMPORARY.match(name):
        return None
    stores = [use for use in uses.get(name, ()) if use[2] is ast.Store]
    loads = [use for use in uses.get(name, ()) if use[2] is ast.Load]
    if len(stores) != 1 or len(loads) != 1:
        return None
    return stores[0], loads[0]


def _copy_uses(uses, name):
    """(where it is stored, [where it is loaded]) for a temporary stored once, loaded
    at least once and otherwise only deleted; else None."""
    if not _TEMPORARY.match(name):
        return None
    stores = [use for use in uses.get(name, ()) if use[2] is ast.Store]
    loads = [use for use in uses.get(name, ()) if use[2] is ast.Load]
    if len(stores) != 1 or not loads:
        return None
    return stores[0], loads


def _stored_between(uses, name, first, last):
    return any(first < position <= last and context is not ast.Load
               for position, _node, context in uses.get(name, ()))


class _Round:
    def __init__(self, statements, uses):
        self.statements = statements
        self.uses = uses
        self.touched = set()
        self.removed = []

    def free(self, first, last):
        """Whether no change of this round touched the statements first..last."""
        return not any(first <= position <= last for position in self.touched)

    def take(self, first, last, name):
        self.touched.update(range(first, last + 1))
        self.removed.append(name)

    def following(self, position, name):
        """The next statement after ``position`` but frees of other temporaries."""
        statements = self.statements
        following = position + 1
        while following < len(statements) and _frees_only(statements[following], name):
            following += 1
        return following if following < len(statements) else None

    def inline(self, position):
        statement = self.statements[position]
        if not (statement.__class__ is ast.Assign and len(statement.targets) == 1
                and statement.targets[0].__class__ is ast.Name):
            return False
        value = statement.value
        if value.__class__ not in (ast.Name, ast.Constant):
            return False
        name = statement.targets[0].id
        found = _copy_uses(self.uses, name)
        if found is None or found[0][1] is not statement.targets[0]:
            return False
        loads = found[1]
        last_position = max(load_position for load_position, _load, _context in loads)
        if any(load_position <= position for load_position, _load, _context in loads) \
                or not self.free(position, last_position):
            return False
        if value.__class__ is ast.Name and _stored_between(self.uses, value.id, position,
                                                           last_position):
            return False
        if value.__class__ is ast.Constant and any(
                _host_warns_of(value.value, self.statements[load_position], load)
                for load_position, load, _context in loads):
            return False
        for load_position, load, _context in loads:
            replacement = ast.copy_location(
                ast.Name(id=value.id, ctx=ast.Load()) if value.__class__ is ast.Name
                else ast.Constant(value=value.value), load)
            _replace_node(self.statements[load_position], load, replacement)
        self.statements[position] = None
        self.take(position, last_position, name)
        return True

    def merge(self, position):
        statements = self.statements
        statement = statements[position]
        definition = _last_in_tries(statement)
        if not (definition.__class__ is ast.Assign and len(definition.targets) == 1
                and definition.targets[0].__class__ is ast.Name):
            return False
        name = definition.targets[0].id
        found = _single_copy(self.uses, name)
        if found is None or found[0][1] is not definition.targets[0]:
            return False
        following = self.following(position, name)
        if following is None or not self.free(position, following):
            return False
        consumer = statements[following]
        if not (consumer.__class__ is ast.Assign and len(consumer.targets) == 1
                and consumer.value.__class__ is ast.Name and consumer.value.id == name):
            return False
        # A variable, or an attribute of the frame (``frame.return_value``): storing
        # either has no effect but the store.
        target = consumer.targets[0]
        if target.__class__ is ast.Attribute:
            if not (target.value.__class__ is ast.Name and target.value.id == "frame"):
                return False
            target_name = "frame"
        elif target.__class__ is ast.Name:
            target_name = target.id
        else:
            return False
        if any(target_name in _names_in(statements[between])
               for between in range(position + 1, following)):
            return False
        definition.targets[0] = target
        statements[following] = None
        self.take(position, following, name)
        return True

    def augment(self, position):
        statements = self.statements
        if position + 1 >= len(statements):
            return False
        # The copy and the update: two statements, or the body of one try (where
        # _Instance.augmented puts them).
        first = statements[position]
        if first.__class__ is ast.Try and len(first.body) == 2 and not first.orelse \
                and not first.finalbody:
            copy, inner = first.body
            after = position + 1
        else:
            copy = first
            if not (copy.__class__ is ast.Assign and len(copy.targets) == 1
                    and copy.targets[0].__class__ is ast.Name
                    and copy.value.__class__ is ast.Name):
                return False
            # The update may come after statements that neither read nor store the
            # copy or what it copies (the other operand's computation): the copy is
            # read as late as the update then, with the same value.
            update_position = position + 1
            while update_position < len(statements) and not {
                    copy.targets[0].id, copy.value.id} & _names_in(
                        statements[update_position]):
                update_position += 1
            if update_position >= len(statements) \
                    or not self.free(position, update_position):
                return False
            update = statements[update_position]
            inner = update.body[-1] if update.__class__ is ast.Try \
                and len(update.body) == 1 and not update.orelse \
                and not update.finalbody else update
            after = update_position + 1
        if not (copy.__class__ is ast.Assign and len(copy.targets) == 1
                and copy.targets[0].__class__ is ast.Name
                and copy.value.__class__ is ast.Name):
            return False
        name, source = copy.targets[0].id, copy.value.id
        if not (_TEMPORARY.match(name) and inner.__class__ is ast.AugAssign
                and inner.target.__class__ is ast.Name and inner.target.id == name):
            return False
        following = self.following(after - 1, name)
        if following is None or not self.free(position, following):
            return False
        back = statements[following]
        if not (back.__class__ is ast.Assign and len(back.targets) == 1
                and back.targets[0].__class__ is ast.Name and back.targets[0].id == source
                and back.value.__class__ is ast.Name and back.value.id == name):
            return False
        # The temporary: the copy's, the update's and the store's, and its frees.
        uses = self.uses.get(name, ())
        if len(uses) != 3 + sum(1 for use in uses if use[2] is ast.Del):
            return False
        if source in _names_in(inner.value) or any(
                source in _names_in(statements[between])
                for between in range(after, following)):
            return False
        inner.target = ast.copy_location(ast.Name(id=source, ctx=ast.Store()), inner.target)
        statements[following] = None
        if copy is first:
            statements[position] = None
        else:
            first.body.remove(copy)
        self.take(position, following, name)
        return True


    def unpack(self, position):
        """``t1, t2 = E`` followed by the copies of its items, ``local_3 = t2`` (and
        frees): the items go to the copies' targets directly.  Nothing but copies and
        frees comes between, so nothing can tell that the targets are stored first."""
        statements = self.statements
        statement = _last_in_tries(statements[position])
        if not (statement.__class__ is ast.Assign and len(statement.targets) == 1
                and statement.targets[0].__class__ is ast.Tuple):
            return False
        items = statement.targets[0].elts
        if not all(item.__class__ is ast.Name and _TEMPORARY.match(item.id) for item in items):
            return False
        copies = {}               # item's name -> the position of its copy
        last = position
        while len(copies) < len(items):
            following = last + 1
            if following >= len(statements):
                return False
            copy = statements[following]
            last = following
            if copy is None or copy.__class__ is ast.Delete:
                continue
            if not (copy.__class__ is ast.Assign and len(copy.targets) == 1
                    and copy.targets[0].__class__ is ast.Name
                    and copy.value.__class__ is ast.Name):
                return False
            name = copy.value.id
            found = _single_copy(self.uses, name)
            if found is None or found[1][1] is not copy.value \
                    or found[0][1] not in items or name in copies:
                return False
            copies[name] = following
        targets = [statements[copies[item.id]].targets[0].id for item in items]
        if len(set(targets)) != len(targets) or not self.free(position, last) \
                or set(targets) & _names_in(statement.value):
            return False
        for item, target in zip(items, targets):
            statements[copies[item.id]] = None
            item.id = target
        self.touched.update(range(position, last + 1))
        self.removed.extend(copies)
        return True


def _last_in_tries(statement):
    """The last statement of a try's body (of nested tries' bodies), which counts as the
    block's: the handlers leave, so what follows the try runs after it."""
    while statement.__class__ is ast.Try and statement.body \
            and not statement.orelse and not statement.finalbody:
        statement = statement.body[-1]
    return statement


def _frees_only(statement, name):
    return statement.__class__ is ast.Delete and all(
        target.__class__ is ast.Name and target.id != name for target in statement.targets)


def _names_in(statement):
    return {node.id for node in walk(statement) if node.__class__ is ast.Name}


def _host_warns_of(constant, tree, load):
    """Whether the host's compiler would warn of ``constant`` written where ``tree``
    loads ``load``: as what a call calls or a subscript subscripts (``5(x)``,
    ``None[0]``), or compared by identity (``x is 5``).  Its SyntaxWarning would reach
    the guest's warnings (world.host_warnings passes on what host C code warns while a
    guest runs) where the guest's compiler warned already, or never: the guest's
    ``value is 5`` warns once, at compile time, not again when it gets hot."""
    for node in walk(tree):
        kind = node.__class__
        if kind is ast.Call and node.func is load \
                or kind is ast.Subscript and node.value is load:
            return True
        if kind is ast.Compare and (node.left is load or load in node.comparators) \
                and any(op.__class__ in (ast.Is, ast.IsNot) for op in node.ops):
            # (Compared by identity: ``0 in (False,)`` holds.)
            return not any(constant is literal for literal in _IDENTITY_LITERALS)
    return False


# The literals the host's compiler takes for an operand of ``is`` without a warning.
_IDENTITY_LITERALS = (None, True, False, Ellipsis)


def _replace_node(tree, old, new):
    for node in walk(tree):
        for field, value in ast.iter_fields(node):
            if value is old:
                setattr(node, field, new)
                return
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if item is old:
                        value[index] = new
                        return
    raise AssertionError("node not found")


def _forget(statements, name):
    """Take ``name`` out of the block's top-level ``del`` statements."""
    for position in range(len(statements) - 1, -1, -1):
        statement = statements[position]
        if statement.__class__ is ast.Delete:
            targets = [target for target in statement.targets
                       if not (target.__class__ is ast.Name and target.id == name)]
            if not targets:
                del statements[position]
            else:
                statement.targets = targets


# -- guest locals in host locals -------------------------------------------------------

def _local(index):
    return "local_%d" % index


def _with_host_locals(body, count):
    """``body`` with the guest's locals it reads taken from ``fast`` on the way in, and
    those it stores written back on every way out: each return to the loop, and an
    exception; the indices of those, sorted; and the statements, after the loads, that
    take the stored ones out of ``fast`` while the function runs.  (A local the
    function never stores is as current in ``fast``: most methods store none of their
    parameters, and write nothing back.)

    Without those, ``fast`` would keep the value a local had when the function was
    entered again (after an exception handled in the loop, a frame switch) alive until
    the function leaves, where the guest's ``del x`` or ``x = None`` frees it.  A
    runner makes the frame and needs none: its ``fast`` holds the arguments only."""
    read, stored = set(), set()
    for names in _uses(body).items():
        name, uses = names
        if _LOCAL.match(name):
            index = int(name[len("local_"):])
            read.add(index)
            if any(context is not ast.Load for _position, _node, context in uses):
                stored.add(index)

    def fast_item(index, context):
        return ast.Subscript(value=ast.Name(id="fast", ctx=ast.Load()),
                             slice=ast.Constant(index), ctx=context)
    if len(read) == count > 1:
        loads = [ast.Assign(targets=[ast.Tuple(elts=[
            ast.Name(id=_local(index), ctx=ast.Store()) for index in range(count)],
            ctx=ast.Store())], value=ast.Name(id="fast", ctx=ast.Load()))]
    else:
        loads = [ast.Assign(targets=[ast.Name(id=_local(index), ctx=ast.Store())],
                            value=fast_item(index, ast.Load()))
                 for index in sorted(read)]

    def stores():
        return [_write_back(index) for index in sorted(stored)]
    clears = [ast.Assign(targets=[fast_item(index, ast.Store())],
                         value=ast.Name(id="UNBOUND", ctx=ast.Load()))
              for index in sorted(stored & read)]
    if stored:
        body = _replace_returns(body, lambda node: [_at(statement, node.lineno - 1)
                                                    for statement in stores()] + [node])
        handler = ast.ExceptHandler(type=ast.Name(id="BaseException", ctx=ast.Load()),
                                    name=None, body=stores() + [ast.Raise()])
        body = [ast.Try(body=body, handlers=[handler], orelse=[], finalbody=[])]
    return ([_at(statement, 0) for statement in loads + clears + body], tuple(sorted(stored)),
            clears)


_LOCAL = re.compile(r"local_\d+$")


def _write_back(index):
    """``fast[INDEX] = local_INDEX``: a local kept in a host local written back."""
    return ast.Assign(targets=[ast.Subscript(value=ast.Name(id="fast", ctx=ast.Load()),
                                             slice=ast.Constant(index), ctx=ast.Store())],
                      value=ast.Name(id=_local(index), ctx=ast.Load()))


# -- runners ---------------------------------------------------------------------------

# A runner does for a call of a translated function what Interpreter.run_call does (the
# frame made in the same way, with the same attributes in the same order, or by
# Interpreter.enter where the call binds defaults or makes cells), then runs
# the translated statements itself: the host call of the translated function, the
# loop's dispatch and the return through ``frame.return_value`` are spared.  BODY is
# the translated function's body; COUNT_IN and COUNT_OUT, the changes of ``nesting_room``
# for a frame that is no leaf; FORGET, the assignment of None to all its variables.
# What run_call asks of the function at each call is known of its code here: ARITY is
# the number of arguments a call passes whose frame needs no binding and no cells (-1:
# every call binds), PAD the locals beyond them (``executable.padding``), CELLS the
# frame's cells, made as ``Interpreter.enter`` makes them (see ``_cells_made``).
_RUNNER_TEMPLATE = """
def run(function, arguments, caller):
    interpreter = function.interpreter
    if caller is None:
        # Called by translated code running with no frame: it is made now.
        caller = interpreter.running_frame()
    if len(arguments) == ARITY:
        frame = Frame()
        frame.f_code = function._code
        frame.handlers = function.executable.handlers
        frame.f_globals = function._globals
        frame.f_builtins = function._builtins
        frame.interpreter = interpreter
        frame.stack = stack = []
        PAD
        frame.fast = fast = arguments
        CELLS
        depth = caller.depth + 1
        if depth > interpreter.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded")
        frame.depth = depth
        frame.back = caller
    else:
        # Defaults to bind, cells to make: the frame as any call makes it.
        frame = interpreter.enter(function, arguments, None, caller)
        stack = frame.stack
        fast = frame.fast
    interpreter.frame = frame
    COUNT_IN
    label = 0
    try:
        BODY
    except ToTier0:
        failure = None
    except BaseException as error:
        FORGET
        failure = [interpreter.runner_failed(frame, error, caller, COUNTED)]
    if failure is None:
        FORGET
        return interpreter.finish_call(frame, leaving, caller, COUNTED)
    return interpreter.run_frame(frame, failure.pop())
"""
_RETURN_TEMPLATE = """
interpreter.frame = caller
COUNT_OUT
frame.resume_index = -1
return VALUE
"""


def _runner(name, body, counted, code):
    """The runner of a translated function of ``code`` whose body is ``body``: what the
    frame's executable runs a call with (``Executable.run``), in place of ``run_call``.

    Its body is the function's, but for the ways out: the frame's return returns the
    value, and where the translated code leaves the frame to tier 0 (a call entering a
    frame, a block it did not translate), ``Interpreter.finish_call`` runs it on."""
    # The loop runs the frame on from an exception: the runner's variables must not
    # keep what the frame's values were (a handled exception frees what it held).
    variables = _variables(body)
    forget = " = ".join(variables + ["None"]) if variables else "pass"

    def parsed(text):
        text = text.replace("COUNT_IN", "interpreter.nesting_room -= 1" if counted else "pass")
        text = text.replace("COUNT_OUT", "interpreter.nesting_room += 1" if counted else "pass")
        text = text.replace("COUNTED", repr(counted)).replace("FORGET", forget)
        arity, cells = _cells_made(code)
        text = text.replace("len(arguments) == ARITY", "len(arguments) == %d" % arity
                            if arity >= 0 else "False")
        padding = len(code.co_varnames) - code.co_argcount
        text = text.replace("PAD", "arguments += PADDING" if padding else "pass")
        text = text.replace("CELLS", cells)
        statements = [statement for statement in host_trees.parse(text).body
                      if not isinstance(statement, ast.Pass)]
        for statement in statements:
            for node in walk(statement):
                if isinstance(getattr(node, "body", None), list) and len(node.body) > 1:
                    node.body = [inner for inner in node.body
                                 if not isinstance(inner, ast.Pass)]
                for attribute in ("lineno", "end_lineno", "col_offset", "end_col_offset"):
                    if hasattr(node, attribute):
                        delattr(node, attribute)
        return statements

    def way_out(node, preceding):
        if isinstance(node.value, ast.Name) and node.value.id == "RETURN":
            statements = parsed(_RETURN_TEMPLATE)
            value = _returned(preceding)
            if value is not None:
                statements[-1].value = value
            else:
                statements[-1:] = parsed("returned = frame.return_value\n"
                                         "frame.return_value = None\n"
                                         "return returned")
        else:
            statements = _to_tier0(node, preceding)
        return [_at(statement, node.lineno - 1) for statement in statements]
    runner = parsed(_RUNNER_TEMPLATE)[0]
    runner.name = "run_" + name
    runner.body = [statement for statement in runner.body if not isinstance(statement, ast.Pass)]
    _with_body(runner, _replace_returns_after(body, way_out, in_place=False))
    return _at(runner, 0)


def _variables(body):
    """The host variables ``body`` binds (temporaries and guest locals), sorted: what a
    runner forgets at each exit that hands the frame on."""
    return sorted({node.id for statement in body for node in walk(statement)
                   if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
                   and (_TEMPORARY.match(node.id) or _LOCAL.match(node.id)
                        or inlining.INLINED_NAME.match(node.id))})


def _runner_size(body):
    """The syntax-tree nodes of a runner of ``body``, near enough: the body's, and a
    name for each variable forgotten, where it fails and where it hands its frame to
    tier 0 (once each: see ``ToTier0``)."""
    return sum(1 for statement in body for _node in walk(statement)) \
        + 2 * len(_variables(body))


def _cells_made(code, target="frame.cells"):
    """(the number of arguments of a call whose frame the runner makes itself, -1 for
    none; the statement that makes that frame's cells into ``target``, or ``pass``).  A call with
    exactly the positional parameters needs no binding (``simple_arity``); its cells
    are made here as ``Interpreter.enter`` makes them (a parameter's cell holds its
    value, the closure's follow), so that a function with a closure or with variables
    its inner functions read, such as one holding a generator expression, is not
    sent to ``enter`` at each call."""
    _, simple_arity, plain_arity = call_shape_of(code, () if code.co_freevars else None)
    if plain_arity >= 0 or simple_arity < 0:
        return plain_arity, "pass"
    parameters = {name: code.co_varnames.index(name) for name in code.co_cellvars
                  if name in code.co_varnames}
    made = ["CellType(fast[%d])" % parameters[name] if name in parameters
            else "CellType()" for name in code.co_cellvars]
    if code.co_freevars:
        made.append("*function._closure")
    return simple_arity, "%s = [%s]" % (target, ", ".join(made))


# The runner that makes no frame unless one is asked for (see ``_frameless_runner``).
# RUN_FULL is the runner that makes its frame, for the calls this one does not take;
# BIND, the locals beyond the arguments a call passes (PADDING), or the defaults
# bound (``arguments.bind``: or the TypeError of a call that does not fit); STACK,
# the real stack if the body uses it; COUNT_IN and COUNT_OUT, the changes of
# ``nesting_room`` for a function that is no leaf.  ``depth`` is the frame's depth, and
# what ``interpreter.frameless`` holds while it runs with no frame; ``outer``, what it
# held before (the depth of a caller running with none, or None).
# What the frameless runner and the direct one (below) do once the arguments are a list.
_FRAMELESS_REST = """
    CELLS
    STACK
    failed_index = -1
    interpreter.frameless = depth
    COUNT_IN
    label = 0
    try:
        BODY
    except ToTier0:
        failure = None
    except BaseException as error:
        FORGET
        failure = interpreter.frameless_failed(function, fast, CELLS_MADE, stack,
                                               failed_index, error, depth, COUNTED)
    if failure is None:
        FORGET
        return interpreter.frameless_to_tier0(function, fast, CELLS_MADE, stack, leaving,
                                              depth, COUNTED)
    return interpreter.run_frame(failure[0], failure.pop())
"""
_FRAMELESS_TEMPLATE = """
def run(function, arguments, caller):
    interpreter = function.interpreter
    outer = interpreter.frameless
    if caller is None:
        # Called by translated code running with no frame (or with one made since).
        depth = (outer if outer is not None else interpreter.frame.depth) + 1
    elif outer is None:
        depth = caller.depth + 1
    else:
        return RUN_FULL(function, arguments, caller)
    if depth > interpreter.recursion_limit:
        raise RecursionError("maximum recursion depth exceeded")
    BIND
    fast = arguments
""" + _FRAMELESS_REST
# The direct runner: the frameless runner of a call that passes exactly the positional
# parameters, as host parameters (CALL's, where the count is known), named as the
# host locals the body keeps them in; so the call makes no argument list, binds
# nothing, and reads no parameter out of a list.  Called only by guest calls, which
# pass its ``depth`` (their own plus one), it makes the list of the locals for the
# rest.
_DIRECT_TEMPLATE = """
def run(function, depth, PARAMETERS):
    interpreter = function.interpreter
    if depth > interpreter.recursion_limit:
        raise RecursionError("maximum recursion depth exceeded")
    outer = interpreter.frameless
    fast = [LOCALS]
""" + _FRAMELESS_REST
_BIND_OR_PAD = ("if len(arguments) != %d:\n"
                "    arguments = bind(function, arguments, None)",
                "if len(arguments) == %d:\n"
                "    arguments += PADDING\n"
                "else:\n"
                "    arguments = bind(function, arguments, None)")
_FRAMELESS_RETURN_TEMPLATE = """
COUNT_OUT
if interpreter.frameless == depth:
    interpreter.frameless = outer
else:
    interpreter.frameless_returned(fast)
return VALUE
"""


def _frameless_runner(name, body, code, counted, sites=()):
    """The runner of a translation that makes no frame: the guest frame is made only
    if something asks for it while the function runs (host code calling guest code
    back, a callee that needs its caller's frame, a tracer: see
    ``Interpreter.materialize_frameless``), where it leaves its frame to tier 0, or
    once it raises (``Interpreter.frameless_failed``); until then the interpreter's
    ``frameless`` holds the depth of the innermost function running so, and each such
    function's callers below it up to ``interpreter.frame`` run with none too.  Its
    calls of guest functions pass no caller (``Executable.run`` with None), which a
    callee that runs with no frame either takes as it is and one that makes its own
    makes its caller's first.

    A call that passes fewer arguments than the positional parameters has the
    defaults bound (``arguments.bind``); code with keyword-only parameters, ``*args``
    or ``**kwargs`` has no frameless runner (see ``_cells_made``, which makes the
    cells, in a local).  What it reads of the frame is the
    function's (its globals and builtins), the interpreter, or a local (the value to
    return, the index of the instruction that failed, kept until a frame is made for
    the exception); the
    instruction a call waits at, which a frame made while it runs takes from the host
    line; and a rare path (a call past the nesting limit, three-argument ``type``)
    makes the frame first, as asking for it does.  ``counted``: whether the function
    counts in ``nesting_room`` (a leaf does not: it calls nothing)."""
    arity, cells = _cells_made(code, "cells")
    if arity < 0:
        return None, None
    from pvm.engine import generate     # (not at import: see the imports above)
    body = generate.copy_tree(body)
    straighten(body)
    # (Before the variables are listed: the inlined callees' are forgotten too.)
    if sites:
        # (Each site's entry becomes what was written of it, see _from_entry.)
        sites[:] = inlining.inline_calls(body, sites)
    variables = _variables(body)
    uses_stack = any(isinstance(node, ast.Name) and node.id == "stack"
                     for statement in body for node in walk(statement))

    padding = len(code.co_varnames) - code.co_argcount

    def parsed(text):
        text = text.replace("BIND", _BIND_OR_PAD[bool(padding)].replace("\n", "\n    ")
                            % arity)
        text = text.replace("CELLS_MADE", "cells" if cells != "pass" else "None")
        text = text.replace("CELLS", cells)
        text = text.replace("STACK", "stack = []" if uses_stack else "stack = None")
        text = text.replace("FORGET", " = ".join(variables + ["None"]) if variables else "pass")
        text = text.replace("COUNT_IN", "interpreter.nesting_room -= 1" if counted else "pass")
        text = text.replace("COUNT_OUT", "interpreter.nesting_room += 1" if counted else "pass")
        text = text.replace("COUNTED", repr(counted))
        text = text.replace("PARAMETERS", ", ".join(_local(index) for index in range(arity)))
        text = text.replace("LOCALS", ", ".join([_local(index) for index in range(arity)]
                                                + ["UNBOUND"] * padding))
        statements = [statement for statement in host_trees.parse(text).body
                      if not isinstance(statement, ast.Pass)]
        for statement in statements:
            for node in walk(statement):
                if isinstance(getattr(node, "body", None), list) and len(node.body) > 1:
                    node.body = [inner for inner in node.body
                                 if not isinstance(inner, ast.Pass)]
                for attribute in ("lineno", "end_lineno", "col_offset", "end_col_offset"):
                    if hasattr(node, attribute):
                        delattr(node, attribute)
        return statements

    def way_out(node, preceding):
        if not (isinstance(node.value, ast.Name) and node.value.id == "RETURN"):
            # Left to tier 0 (the check after a call, a call that entered a frame, a
            # block not translated): the frame made now, unless made already, the
            # loop runs it on (see _tier0_at).
            return [_at(statement, node.lineno - 1)
                    for statement in _to_tier0(node, preceding)]
        statements = parsed(_FRAMELESS_RETURN_TEMPLATE)
        value = _returned(preceding)
        # (Else the value stored before it, in ``returned``: see _rewrite_statement_list.)
        statements[-1].value = value if value is not None \
            else ast.Name(id="returned", ctx=ast.Load())
        return [_at(statement, node.lineno - 1) for statement in statements]
    runner = parsed(_FRAMELESS_TEMPLATE)[0]
    runner.name = "frameless_" + name
    runner.body = [statement for statement in runner.body if not isinstance(statement, ast.Pass)]
    trying = _with_body(runner, _replace_returns_after(body, way_out))
    _read_without_frame(trying.body)
    if any(isinstance(node, ast.Name) and node.id == "caller" for node in walk(trying)):
        return None, None
    direct = parsed(_DIRECT_TEMPLATE)[0]
    direct.name = "direct_" + name
    direct.body = [statement for statement in direct.body if not isinstance(statement, ast.Pass)]
    _with_body(direct, _without_parameter_loads(generate.copy_tree(trying.body), arity))
    # (The direct runner's body is the frameless runner's: if one's stack cannot be
    # made on the way out, neither can the other's.)
    if _stack_made_on_the_way_out(runner):
        _stack_made_on_the_way_out(direct)
    _locals_made_on_the_way_out(direct, len(code.co_varnames), arity)
    _constants_as_defaults(direct)
    return _at(runner, 0), _at(direct, 0)


def _failures_left_to_lines(statements):
    """``statements`` (a frameless runner's body) less the handlers that record which
    instruction failed (``try: ... except BaseException: frame.failed_index = N;
    raise``) around statements all on host line N + 1: the line the host's traceback
    gives where such a statement raises is the same fact, which the runner's own
    handler reads (``Interpreter.frameless_failed``).  Each handler cost a jump past
    it wherever its statement ran; most instructions that may fail had one.  A loop's
    (``if frame.failed_index < 0: ...``, for what its iteration raises) goes too where
    its ``for`` is on its line; one that stays keeps those inside it, whose failures it
    would take for its own."""
    result = []
    for statement in statements:
        recorded = _failure_recorded(statement)
        if recorded is not None:
            index, unless_recorded = recorded
            body = statement.body
            if unless_recorded:
                loop = body[0] if len(body) == 1 and isinstance(body[0], ast.For) else None
                removable = loop is not None and all(
                    getattr(node, "lineno", index + 1) == index + 1
                    for node in chain([loop], walk(loop.target), walk(loop.iter)))
            else:
                removable = all(getattr(node, "lineno", index + 1) == index + 1
                                for inner in body for node in _nodes_that_may_fail(inner))
            if removable:
                result.extend(_failures_left_to_lines(body))
                continue
            if unless_recorded:
                result.append(statement)
                continue
        _inner_lists_rebuilt(statement, _failures_left_to_lines)
        result.append(statement)
    return result


def _temporaries_folded(body):
    """``body`` (a frameless runner's, its failures left to lines:
    ``_failures_left_to_lines``) with each temporary that one statement makes and the
    next reads once, first of all it evaluates, written into that read: ``t4 =
    t2[local_1]`` then ``t6 = t4 + local_1`` is ``t6 = t2[local_1] + local_1``.  The host
    runs the same operations in the same order, each on its own guest instruction's
    line, and keeps the value on its own stack, not in a local stored, read and
    deleted.  (Read after anything but names and constants, the value would be made
    after an operation that could see what making it did.)"""
    counts = {}
    for node in walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Name) and _TEMPORARY.match(node.id) \
                and not isinstance(node.ctx, ast.Del):
            loads, stores = counts.get(node.id, (0, 0))
            counts[node.id] = (loads + isinstance(node.ctx, ast.Load),
                               stores + isinstance(node.ctx, ast.Store))
    folded = set()
    emptied = False
    for statements in _statement_lists(body):
        position = 0
        while position < len(statements) - 1:
            statement = statements[position]
            name = _foldable_temporary(statement)
            following = position + 1
            while name is not None and following < len(statements) \
                    and _frees_only(statements[following], name):
                following += 1
            freed_after = None
            if name is not None and following < len(statements) \
                    and counts.get(name) != (1, 1):
                # The name is made or read elsewhere too: this value is read here alone
                # where it is read once here and freed at once after.
                freed_after = _freed_after(statements, following, name)
            # (Not past frees into an ``if``'s test: CPython frees a comparison's
            # operands before it tests the result's truth, which may run guest code;
            # and the frees after the ``if`` would end its block in no jump that
            # straighten follows.)
            if name is None or following == len(statements) \
                    or counts.get(name) != (1, 1) and freed_after is None \
                    or following > position + 1 and isinstance(statements[following], ast.If) \
                    or not _read_first_replaced(statements[following], name, statement.value):
                position += 1
                continue
            # The frees between (of what the value reads, say) go after the read.
            frees = statements[position + 1:following]
            statements[position:following + 1] = [statements[following], *frees]
            if freed_after is None:
                folded.add(name)
            for free in freed_after or ():
                # (A ``del`` left with no target goes with the others, below.)
                free.targets = [target for target in free.targets if target.id != name]
                emptied = emptied or not free.targets
            # (The statement before, past frees, may make a temporary read there too, now
            # next to it: ``t1 = a * a; t2 = b * b; t3 = t1 + t2``.)
            position = max(position - 1, 0)
            while position and isinstance(statements[position], ast.Delete):
                position -= 1
    if folded or emptied:
        for statements in _statement_lists(body):
            for statement in statements:
                if isinstance(statement, ast.Delete):
                    statement.targets = [target for target in statement.targets
                                         if not (isinstance(target, ast.Name)
                                                 and target.id in folded)]
            kept = [statement for statement in statements
                    if not (isinstance(statement, ast.Delete) and not statement.targets)]
            statements[:] = kept or [_at(ast.Pass(), statements[0].lineno - 1)]
    return body


def _foldable_temporary(statement):
    """The temporary ``statement`` assigns (``tN = VALUE``), if any; else None."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and _TEMPORARY.match(statement.targets[0].id)):
        return None
    # (A name or a constant copied is _without_copies' to write in.)
    if isinstance(statement.value, (ast.Name, ast.Constant)):
        return None
    return statement.targets[0].id


def _freed_after(statements, reading, name):
    """The ``del`` statements that free ``name`` at once after ``statements[reading]``
    (among the frees just after it; past an ``if``, first in each way on: its body, and
    its ``else`` or what follows it), if that statement reads ``name`` once and stores
    it nowhere, so that the value read there is read nowhere else; else None."""
    statement = statements[reading]
    uses = [node for node in walk(statement) if isinstance(node, ast.Name)
            and node.id == name and not isinstance(node.ctx, ast.Del)]
    if len(uses) != 1 or not isinstance(uses[0].ctx, ast.Load):
        return None
    if isinstance(statement, ast.If):
        ways = [statement.body, statement.orelse or statements[reading + 1:]]
        frees = [_free_among(way[:1], name) for way in ways]
        return None if None in frees else frees
    free = _free_among(statements[reading + 1:], name)
    return None if free is None else [free]


def _free_among(statements, name):
    """The ``del`` of ``name`` among the frees that open ``statements``, if any."""
    for statement in statements:
        if statement.__class__ is not ast.Delete:
            return None
        if any(target.__class__ is ast.Name and target.id == name
               for target in statement.targets):
            return statement
    return None


def _read_first_replaced(statement, name, value):
    """Whether ``statement`` (an assignment to a name or to the frame's attribute, an
    augmented one to a name, an expression, an ``if``) reads ``name`` before it
    evaluates anything but names and
    constants: that read replaced by ``value`` then."""
    if isinstance(statement, ast.Assign):
        # (A name's store, or the frame's attribute's, comes after the value.)
        target = statement.targets[0] if len(statement.targets) == 1 else None
        if not (isinstance(target, ast.Name)
                or isinstance(target, ast.Attribute) and _is_frame(target.value)):
            return False
        holder, field = statement, "value"
    elif isinstance(statement, ast.Expr):
        holder, field = statement, "value"
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name) \
            and statement.target.id != name:
        # (``t6 += t7``: the target's read, first, is a name's.)
        holder, field = statement, "value"
    elif isinstance(statement, ast.If):
        holder, field = statement, "test"
    else:
        return False
    while True:
        node = getattr(holder, field) if isinstance(field, str) else holder[field]
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            if isinstance(field, str):
                setattr(holder, field, value)
            else:
                holder[field] = value
            return True
        # The operand evaluated first (an operation's left, an attribute's or an item's
        # owner), or the next where that is a name or a constant: a right operand, an
        # item's key, a call's first argument past names and constants.
        if isinstance(node, ast.BinOp):
            holder, field = node, "right" if _loads_other(node.left, name) else "left"
        elif isinstance(node, ast.Compare):
            if len(node.comparators) == 1 and _loads_other(node.left, name):
                holder, field = node.comparators, 0
            else:
                holder, field = node, "left"
        elif isinstance(node, ast.Subscript):
            holder, field = node, "slice" if _loads_other(node.value, name) else "value"
        elif isinstance(node, ast.Attribute):
            holder, field = node, "value"
        elif isinstance(node, ast.UnaryOp):
            holder, field = node, "operand"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and not node.keywords:
            pure = 0
            while pure < len(node.args) and _loads_other(node.args[pure], name):
                pure += 1
            if pure == len(node.args) or isinstance(node.args[pure], ast.Starred):
                return False
            holder, field = node.args, pure
        else:
            return False


def _loads_other(node, name):
    """Whether ``node`` is a constant, or a load of a name other than ``name``: reading
    it first or later is all one."""
    return isinstance(node, ast.Constant) or isinstance(node, ast.Name) \
        and node.id != name and isinstance(node.ctx, ast.Load)


def _nodes_that_may_fail(statement):
    """The nodes of ``statement``, less a plain assignment and its target where that is
    a name or the frame's attribute, which cannot fail: their line may be the next
    instruction's (STORE_FAST, or RETURN_VALUE's ``frame.return_value``, joined to the
    instruction that made the value)."""
    pending = [statement]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Assign) and all(
                isinstance(target, ast.Name) or isinstance(target, ast.Attribute)
                and _is_frame(target.value) for target in node.targets):
            pending.append(node.value)
            continue
        yield node
        pending.extend(ast.iter_child_nodes(node))


def _failure_read_off_its_line(body):
    """``body`` (the frame's own translation's) in a handler that records the failing
    instruction, unless recorded already, from the line where the error left it (see
    ``_failures_left_to_lines``): for the loop, which reads ``frame.failed_index``."""
    handler = copy.deepcopy(_FAILURE_READ_OFF_ITS_LINE)
    handler.body = body
    return [_at(handler, 0)]


def _without_positions(tree):
    """``tree``, its nodes' positions taken off (in place): ``_at`` gives them theirs."""
    for node in walk(tree):
        for attribute in ("lineno", "end_lineno", "col_offset", "end_col_offset"):
            if hasattr(node, attribute):
                delattr(node, attribute)
    return tree


_FAILURE_READ_OFF_ITS_LINE = _without_positions(host_trees.parse(
    "try:\n"
    "    pass\n"
    "except BaseException as raised:\n"
    "    if frame.failed_index < 0:\n"
    "        frame.failed_index = raised.__traceback__.tb_lineno - 1\n"
    "    raise\n").body[0])


def _failure_recorded(statement):
    """(N, whether only unless recorded already) where ``statement`` is ``try: ...
    except BaseException: frame.failed_index = N; raise`` (or, for a loop, ``if
    frame.failed_index < 0: frame.failed_index = N``), N a sum of constants; else None."""
    if not (isinstance(statement, ast.Try) and len(statement.handlers) == 1
            and not statement.orelse and not statement.finalbody):
        return None
    handler = statement.handlers[0]
    if not (isinstance(handler.type, ast.Name) and handler.type.id == "BaseException"
            and handler.name is None and len(handler.body) == 2
            and isinstance(handler.body[1], ast.Raise) and handler.body[1].exc is None):
        return None
    recording = handler.body[0]
    unless_recorded = isinstance(recording, ast.If)
    if unless_recorded:
        if recording.orelse or len(recording.body) != 1:
            return None
        recording = recording.body[0]
    if not (isinstance(recording, ast.Assign) and len(recording.targets) == 1
            and isinstance(recording.targets[0], ast.Attribute)
            and recording.targets[0].attr == "failed_index"):
        return None
    index = _constant_sum(recording.value)
    return None if index is None else (index, unless_recorded)


def _constant_sum(node):
    """The value of ``node``, a constant integer or a sum of them; else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant_sum(node.left), _constant_sum(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _locals_made_on_the_way_out(runner, count, arity):
    """Where the direct runner ``runner`` (of a function of ``count`` locals, the first
    ``arity`` its parameters) uses its list of locals ``fast`` only to hand it over
    where it leaves its frame (its host locals written back into it, then given to the
    interpreter), make it only there, of the host locals (``local_0``... or UNBOUND
    for one the body never stores: it holds what it held at the start); the frame
    made while it runs takes a copy, its host frame the way to the rest
    (``Frame.runner``).  Most calls then make no list for it.  Whether it does."""
    position, trying = next((position, statement) for position, statement
                            in enumerate(runner.body) if isinstance(statement, ast.Try))
    made = [index for index, statement in enumerate(runner.body[:position])
            if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == "fast"]
    if len(made) != 1 or _reads_fast(runner.body[:made[0]] + runner.body[made[0] + 1:position]):
        return False
    body = trying.body
    # (Tested before anything changes: the body is the runner's own, not a copy.)
    uses = handed = 0
    for statement in body:
        for node in walk(statement):
            if isinstance(node, ast.Name):
                if node.id == "fast":
                    uses += 1
                elif isinstance(node.ctx, ast.Del) and _LOCAL.match(node.id):
                    return False
            elif _writes_fast(node) or _is_return_call(node):
                handed += 1
    if uses != handed:
        return False
    stored = set(_variables(body))

    def handed_over():
        return ast.List(elts=[ast.Name(id=_local(index), ctx=ast.Load())
                              if index < arity or _local(index) in stored
                              else ast.Name(id="UNBOUND", ctx=ast.Load())
                              for index in range(count)], ctx=ast.Load())
    returns = [node for statement in body for node in walk(statement) if _is_return_call(node)]
    for node in returns:
        node.args = [_at(handed_over(), node.lineno - 1)]
    for statements in _statement_lists(body):
        kept = []
        pending = list(statements)
        while pending:
            statement = pending.pop(0)
            if _writes_fast(statement):
                continue
            if _reraises_only(statement):
                # The host locals written back on an exception: nothing left to write.
                pending[:0] = statement.body
                continue
            kept.append(statement)
        statements[:] = kept
    del runner.body[made[0]]
    for handler in trying.handlers:
        handler.body.insert(0, _at(ast.Assign(targets=[ast.Name(id="fast", ctx=ast.Store())],
                                              value=handed_over()), 0))
    return True


def _is_return_call(node):
    """Whether ``node`` is ``interpreter.frameless_returned(fast)``."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
        and node.func.attr == "frameless_returned" and len(node.args) == 1 \
        and isinstance(node.args[0], ast.Name) and node.args[0].id == "fast"


def _reraises_only(statement):
    """Whether ``statement`` is ``try: ... except BaseException: raise``, but for the
    host locals the handler writes back."""
    if not (isinstance(statement, ast.Try) and len(statement.handlers) == 1
            and not statement.orelse and not statement.finalbody):
        return False
    handler = statement.handlers[0]
    handling = [inner for inner in handler.body if not _writes_fast(inner)]
    return isinstance(handler.type, ast.Name) and handler.type.id == "BaseException" \
        and handler.name is None and len(handling) == 1 \
        and isinstance(handling[0], ast.Raise) and handling[0].exc is None


def _reads_fast(statements):
    """Whether ``statements`` use the variable ``fast``."""
    return any(isinstance(node, ast.Name) and node.id == "fast"
               for statement in statements for node in walk(statement))


# The direct runner's parameters past the guest's (``_constants_as_defaults``), and
# their defaults, which its code object does not keep (``_constant_defaults``).
_CONSTANT_PARAMETERS = {"stack": None, "failed_index": -1, _LABEL: 0}


def _constant_defaults(direct_code, arity):
    """The defaults of the direct runner of ``direct_code``, whose guest function takes
    ``arity`` parameters (after ``function``)."""
    return tuple(_CONSTANT_PARAMETERS[name]
                 for name in direct_code.co_varnames[2 + arity:direct_code.co_argcount])


def _is_constant(node, value):
    """Whether the expression ``node`` is the literal ``value`` (None, or an int)."""
    try:
        literal = ast.literal_eval(node)
    except ValueError:
        return False
    return type(literal) is type(value) and literal == value


def _constants_as_defaults(runner):
    """The direct runner's variables that start as constants (``stack = None``,
    ``failed_index = -1``, ``label = 0``), made parameters with those defaults, which
    the host's call fills in C: a call passes exactly the guest's parameters (CALL's
    ``direct_arity`` test), so these keep their defaults, and the runner runs fewer
    host instructions at each call."""
    kept = []
    for position, statement in enumerate(runner.body):
        if isinstance(statement, ast.Try):
            kept.extend(runner.body[position:])
            break
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name) \
                and statement.targets[0].id in _CONSTANT_PARAMETERS \
                and _is_constant(statement.value, _CONSTANT_PARAMETERS[statement.targets[0].id]):
            name = statement.targets[0].id
            runner.args.args.append(ast.arg(arg=name))
            runner.args.defaults.append(statement.value)
            continue
        kept.append(statement)
    runner.body = kept


def _stack_made_on_the_way_out(runner):
    """Where the real stack of a frameless runner (``runner``) takes values only on
    ways out to tier 0 (the values a call that entered a frame leaves under its result,
    say: ``stack.append(t1)`` ... ``raise ToTier0``), and nothing else there reads it,
    it is empty until then: start with none (``stack = None``, which the frame made on
    the way out takes for an empty stack) and make it there, ``stack = [t1]``.  Most
    calls then make no list for it.  Whether it does."""
    trying = next(statement for statement in runner.body if isinstance(statement, ast.Try))
    loads = sum(1 for statement in trying.body for node in walk(statement)
                if isinstance(node, ast.Name) and node.id == "stack")
    if not loads:
        return False
    runs = []
    for statements in _statement_lists(trying.body):
        position = 0
        while position < len(statements):
            end = position
            while end < len(statements) and _appended(statements[end]) is not None:
                end += 1
            if end == position:
                position += 1
                continue
            way_out = next((later for later in range(end, len(statements))
                            if _is_to_tier0(statements[later])), None)
            if way_out is None or any(isinstance(node, ast.Name) and node.id == "stack"
                                      for statement in statements[end:way_out]
                                      for node in walk(statement)):
                return False
            runs.append((statements, position, end))
            position = end
    if loads != sum(end - position for _statements, position, end in runs):
        return False
    for statements, position, end in reversed(runs):
        line = statements[position].lineno - 1
        statements[position:end] = [_at(ast.Assign(
            targets=[ast.Name(id="stack", ctx=ast.Store())],
            value=ast.List(elts=[_appended(statement) for statement in statements[position:end]],
                           ctx=ast.Load())), line)]
    for statement in runner.body:
        if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name) \
                and statement.targets[0].id == "stack":
            statement.value = ast.Constant(None)
    return True


class ToTier0(BaseException):
    """Raised by a runner's translated code where it leaves its frame to tier 0 (the
    check after a call, a call that entered a frame, a block not translated), having
    set ``leaving`` to the index to go on at; caught by the runner's ``except
    ToTier0``, which hands the frame over after the try.  One shared way out: each
    exit written out (the runner's variables forgotten, its host locals written
    back, the hand-over called) was most of a translation's code, some 50
    assignments at each of a big function's three exits per call.  (A
    BaseException, so that no guest-level handler of the host code takes it; the
    handlers that write host locals back on an exception write them back here too.)"""


def _to_tier0(node, preceding):
    """The statements that leave for tier 0 where the translated code returns
    ``node`` (an index, not RETURN): ``leaving = INDEX; raise ToTier0``.  The host
    locals written back just before it (in ``preceding``, changed in place) are
    dropped: the handler the exception passes writes them back (``_with_host_locals``)."""
    while preceding and _writes_fast(preceding[-1]):
        preceding.pop()
    return [ast.Assign(targets=[ast.Name(id="leaving", ctx=ast.Store())], value=node.value),
            ast.Raise(exc=ast.Name(id="ToTier0", ctx=ast.Load()), cause=None)]


def _is_to_tier0(node):
    """Whether ``node`` is the ``raise ToTier0`` of a way out to tier 0."""
    return isinstance(node, ast.Raise) and isinstance(node.exc, ast.Name) \
        and node.exc.id == "ToTier0"


def _with_body(runner, body):
    """Put ``body`` in the try of ``runner`` (a runner's tree, from its template); where
    it never leaves for tier 0, without the ways that go there.  The try."""
    index, trying = next((index, statement) for index, statement in enumerate(runner.body)
                         if isinstance(statement, ast.Try))
    trying.body = body
    if not any(_is_to_tier0(node) for statement in body for node in walk(statement)):
        del trying.handlers[0]
        del runner.body[index + 1]
    if not any(isinstance(node, ast.Name) and node.id == _LABEL
               for statement in body for node in walk(statement)):
        # (A body of one block: see _one_block.)
        runner.body[:index] = [statement for statement in runner.body[:index]
                               if not _is_label_assign(statement, (0,))]
    return trying


def _without_parameter_loads(statements, arity):
    """``statements`` (a runner's body) less the loads of the first ``arity`` locals
    from ``fast`` at its start, which the direct runner has as its parameters; the
    others start unbound, as the direct runner's ``fast`` has them (its cells are
    apart, in ``cells``)."""
    kept = []
    for position, statement in enumerate(statements):
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            return kept + statements[position:]
        target, value = statement.targets[0], statement.value
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Name) and value.id == "fast":
            # All the locals, unpacked: those past the parameters, one by one.
            kept += [_at(ast.Assign(targets=[element],
                                    value=ast.Name(id="UNBOUND", ctx=ast.Load())),
                         statement.lineno - 1)
                     for index, element in enumerate(target.elts) if index >= arity]
        elif (isinstance(target, ast.Name) and _LOCAL.match(target.id)
              and isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)
              and value.value.id == "fast" and isinstance(value.slice, ast.Constant)):
            if value.slice.value >= arity:
                kept.append(_at(ast.Assign(targets=[target],
                                           value=ast.Name(id="UNBOUND", ctx=ast.Load())),
                                statement.lineno - 1))
        else:
            return kept + statements[position:]
    return kept


def _read_without_frame(statements):
    """Rewrite ``statements`` (a frameless runner's body, in place) to read what they
    read of the frame elsewhere, and to make the frame where nothing else will do."""
    tree = ast.Module(body=statements, type_ignores=[])
    for node in walk(tree):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list):
                value[:] = [_read_elsewhere(item) for item in value]
            else:
                setattr(node, field, _read_elsewhere(value))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("run", "run_init_call") and node.args \
                and _is_frame(node.args[-1]):
            # The caller: none, for the callee to take its depth from the interpreter.
            node.args[-1] = ast.copy_location(ast.Constant(None), node.args[-1])
    # (Then the statements that still read the frame: a walk of their lists.)
    for node in list(walk(tree)):
        for _field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                _rewrite_statement_list(value)


def _read_elsewhere(node):
    """``node``, or where it reads the frame's globals, builtins, interpreter or cells,
    what a frameless runner reads instead."""
    if not (isinstance(node, ast.Attribute) and _is_frame(node.value)
            and isinstance(node.ctx, ast.Load)):
        return node
    if node.attr in _FRAMELESS_READS:
        return ast.copy_location(ast.Attribute(
            value=ast.copy_location(ast.Name(id="function", ctx=ast.Load()), node),
            attr=_FRAMELESS_READS[node.attr], ctx=ast.Load()), node)
    if node.attr in _FRAMELESS_LOCALS:
        return ast.copy_location(ast.Name(id=_FRAMELESS_LOCALS[node.attr], ctx=ast.Load()),
                                 node)
    return node


def _rewrite_statement_list(statements):
    """In a list of statements of a frameless runner: the failing index kept in a
    local, the waiting index dropped before a call (a frame made while it runs takes
    it from the host line; not where the frame is left to tier 0 next, waiting at the
    call), the frame made before any other statement that reads it."""
    position = 0
    while position < len(statements):
        statement = statements[position]
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Attribute) and _is_frame(target.value):
                if target.attr in ("failed_index", "return_value"):
                    statement.targets = [ast.copy_location(ast.Name(
                        id="failed_index" if target.attr == "failed_index" else "returned",
                        ctx=ast.Store()), target)]
                elif target.attr == "resume_index" and not any(
                        _is_to_tier0(later) for later in statements[position:]):
                    del statements[position]
                    continue
        if any(_is_frame(node) for node in _own_nodes(statement)):
            made = host_trees.parse("frame = interpreter.running_frame()").body[0]
            for node in walk(made):
                for attribute in ("lineno", "end_lineno", "col_offset", "end_col_offset"):
                    if hasattr(node, attribute):
                        delattr(node, attribute)
            statements.insert(position, _at(made, statement.lineno - 1))
            position += 1
        position += 1


def _own_nodes(statement):
    """The nodes of ``statement`` outside the statements it holds."""
    pending = [value for field, value in ast.iter_fields(statement)
               if not (isinstance(value, list) and value and isinstance(value[0], ast.stmt))
               and field not in ("handlers",)]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, ast.AST):
            yield value
            pending.extend(child for _field, child in ast.iter_fields(value))


def _is_frame(node):
    return isinstance(node, ast.Name) and node.id == "frame" and isinstance(node.ctx, ast.Load)


_FRAMELESS_READS = {"f_globals": "_globals", "f_builtins": "_builtins"}
# What else a frameless runner reads of its frame, in its locals instead.
_FRAMELESS_LOCALS = {"interpreter": "interpreter", "cells": "cells",
                     "failed_index": "failed_index", "depth": "depth"}


def _returned(preceding):
    """What a runner returns where the frame's return follows ``preceding``: the value
    stored in ``frame.return_value`` (taken out of ``preceding``), or ``returned``,
    computed by the try before it; None if neither."""
    value = _returned_value(preceding)
    if value is None and _returned_in_try(preceding):
        value = ast.Name(id="returned", ctx=ast.Load())
    return value


def _returned_value(preceding):
    """The value of the ``frame.return_value = VALUE`` just before a frame's return
    (but for the locals written back to ``fast``), taken out of ``preceding``: the
    runner returns the value itself.  None where there is none."""
    for position in range(len(preceding) - 1, -1, -1):
        statement = preceding[position]
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            return None
        target = statement.targets[0]
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                and target.value.id == "fast":
            continue
        if isinstance(target, ast.Attribute) and target.attr == "return_value" \
                and isinstance(target.value, ast.Name) and target.value.id == "frame" \
                and isinstance(statement.value, (ast.Name, ast.Constant)):
            del preceding[position]
            return statement.value
        return None
    return None


def _returned_in_try(preceding):
    """Where the frame's return follows ``try: ...; frame.return_value = EXPR`` (a value
    that may fail, such as ``self.value``): that try, copied (the translated function
    shares it), computing ``returned = EXPR`` instead, in place in ``preceding``;
    whether there was one."""
    # (Past the temporaries dropped and the locals written back after it.)
    position = len(preceding) - 1
    while position >= 0 and (isinstance(preceding[position], ast.Delete)
                             or _writes_fast(preceding[position])):
        position -= 1
    if position < 0 or not isinstance(preceding[position], ast.Try):
        return False
    trying = preceding[position]
    last = trying.body[-1] if trying.body else None
    if not (isinstance(last, ast.Assign) and len(last.targets) == 1
            and isinstance(last.targets[0], ast.Attribute)
            and last.targets[0].attr == "return_value"
            and isinstance(last.targets[0].value, ast.Name)
            and last.targets[0].value.id == "frame"):
        return False
    computed = copy.copy(last)
    computed.targets = [ast.copy_location(ast.Name(id="returned", ctx=ast.Store()),
                                          last.targets[0])]
    trying = copy.copy(trying)
    trying.body = trying.body[:-1] + [_at(computed, last.lineno - 1)]
    preceding[position] = trying
    return True


def _writes_fast(statement):
    """Whether ``statement`` is ``fast[N] = VALUE`` (a local written back)."""
    return (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Subscript)
            and isinstance(statement.targets[0].value, ast.Name)
            and statement.targets[0].value.id == "fast")


def _replace_returns_after(statements, replace, in_place=True):
    """``_replace_returns``, where ``replace(node, preceding)`` also gets the statements
    before the return in its block (replaced already), which it may change.  Not
    ``in_place``, the statements that hold a return are copied (and only they: the
    others are shared with ``statements``, which stay as they were)."""
    result = []
    for statement in statements:
        if isinstance(statement, ast.Return):
            result.extend(replace(statement, result))
            continue
        blocks = [(field, getattr(statement, field, None))
                  for field in ("body", "orelse", "finalbody")]
        handlers = getattr(statement, "handlers", ())
        if not in_place:
            if not _holds_return(statement):
                result.append(statement)
                continue
            statement = copy.copy(statement)
            if handlers:
                handlers = statement.handlers = [copy.copy(handler) for handler in handlers]
        for field, inner in blocks:
            if inner:
                setattr(statement, field, _replace_returns_after(inner, replace, in_place))
        for handler in handlers:
            handler.body = _replace_returns_after(handler.body, replace, in_place)
        result.append(statement)
    return result


# -- generators ------------------------------------------------------------------------

# A generator's translation is a host generator function, ``resume_NAME(frame, stack,
# fast, label)``: where tier 0 suspends the frame (``frame.return_value = VALUE;
# frame.resume_index = N; return YIELD``, the loop then returning the value to the
# guest generator's resumer), it yields VALUE itself, and on its resumption pushes the
# value sent in, as the resumer does for tier 0, and goes on at N.  The guest
# generator (``objects._Suspendable``) resumes it with the host's ``send``: no loop,
# no entry to the function again, the locals staying in host locals.  Wherever the
# frame has to go on in tier 0 (an exception, which tier 0's loop finds the handler of;
# a call that entered a frame; a block left untranslated; a tracer set; an exception
# thrown in), the host generator ends or is dropped with ``fast`` and the stack as
# tier 0 keeps them, and the loop runs the frame on from there.


def _is_plain_generator(code):
    return code.co_flags & (_SUSPENDS | CO_ITERABLE_COROUTINE) == CO_GENERATOR


def _yielding(statements):
    """A generator block's statements with the frame's suspension made a host ``yield``
    whose value, sent in, goes on the stack, and then the exit to the instruction after
    it (``return N``, which the layout makes a jump to the block there); None where a
    suspension does not read as the generator writes it.  While suspended, the host
    frame keeps none of the block's temporaries (the yielded value is the resumer's:
    CPython's generator does not keep it either)."""
    temporaries = sorted({node.id for statement in statements for node in walk(statement)
                          if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
                          and _TEMPORARY.match(node.id)})
    refused = []

    def suspend(node, preceding):
        if not (isinstance(node.value, ast.Name) and node.value.id == "YIELD"):
            return [node]
        resume = _frame_assignment(preceding[-1:], "resume_index")
        value = _frame_assignment(preceding[-2:-1], "return_value")
        if resume is None or value is None or not isinstance(resume, ast.Constant):
            refused.append(node)
            return [node]
        del preceding[-2]
        pushed = _pushed_value(preceding[-2]) if len(preceding) > 1 else None
        if pushed is not None and _is_stack_call(value, "pop"):
            # The value pushed just before, for the suspension to pop: yielded as it is.
            value = pushed
            del preceding[-2]
        line = node.lineno - 1
        freed = [name for name in temporaries
                 if not (isinstance(value, ast.Name) and value.id == name)]
        statements = []
        if freed:
            statements.append(ast.Assign(targets=[ast.Name(id=name, ctx=ast.Store())
                                                  for name in freed],
                                         value=ast.Constant(None)))
        if isinstance(value, ast.Name) and _TEMPORARY.match(value.id):
            # (VALUE, VALUE := None)[0]: the value, its temporary cleared.
            value = ast.Subscript(value=ast.Tuple(elts=[value, ast.NamedExpr(
                target=ast.Name(id=value.id, ctx=ast.Store()), value=ast.Constant(None))],
                ctx=ast.Load()), slice=ast.Constant(0), ctx=ast.Load())
        statements.append(ast.Expr(value=ast.Call(
            func=ast.Attribute(value=ast.Name(id="stack", ctx=ast.Load()), attr="append",
                               ctx=ast.Load()),
            args=[ast.Yield(value=value)], keywords=[])))
        statements.append(ast.Return(value=ast.Constant(resume.value)))
        return [_at(statement, line) for statement in statements]
    statements = _replace_returns_after(statements, suspend)
    return None if refused else statements


def _frame_assignment(statements, attribute):
    """The value of ``frame.ATTRIBUTE = VALUE``, the one statement of ``statements``;
    None if it is not that."""
    if len(statements) != 1:
        return None
    statement = statements[0]
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return None
    target = statement.targets[0]
    if isinstance(target, ast.Attribute) and target.attr == attribute \
            and isinstance(target.value, ast.Name) and target.value.id == "frame":
        return statement.value
    return None


def _left_with(value, line):
    """A resumer's ``return VALUE``: the value (what the frame does next: RETURN, an
    index for tier 0, or the StopIteration the guest raised) left in the frame's
    ``translated`` (which held the host generator) and a plain return, which ends the
    host generator with no StopIteration made when ``next()`` runs it (see
    ``_Suspendable._resume``)."""
    return [_at(ast.Assign(targets=[ast.Attribute(value=ast.Name(id="frame", ctx=ast.Load()),
                                                  attr="translated", ctx=ast.Store())],
                           value=value if value is not None else ast.Constant(None)), line),
            _at(ast.Return(value=None), line)]


# What a host generator running a guest generator's frame (a resumer, a driver) does
# where the frame starts or goes on running: the frame links back to whatever resumed
# it (the frame running now, or, under a function that runs with no frame, that
# function's depth, whose frame is made only if someone reads f_back), and is the
# running frame.  Then what it does where the frame stops running (yields or ends):
# the links undone.  (``outer`` and ``frameless_resumer`` are read off the host
# generator's frame: Interpreter.frames_below_generator.)
_DRIVER_LINK = """
outer = interpreter.frame
frameless_resumer = interpreter.frameless
if frameless_resumer is None:
    frame.back = outer
else:
    interpreter.frameless = None
    frame.frameless_below = frameless_resumer
interpreter.frame = frame
"""
_DRIVER_UNLINK = """
if frameless_resumer is None:
    interpreter.frame = outer
    frame.back = None
elif frame.frameless_below is not None:
    frame.frameless_below = None
    interpreter.frame = outer
    interpreter.frameless = frameless_resumer
else:
    interpreter.frame = frame.back
    frame.back = None
"""


def _is_suspension(statement):
    """Whether ``statement`` is where the host generator yields: ``stack.append((yield
    VALUE))``, or ``yield VALUE`` where the value sent in is dropped at once
    (``_sent_values_dropped``)."""
    if not isinstance(statement, ast.Expr):
        return False
    value = statement.value
    return isinstance(value, ast.Yield) or _is_stack_call(value, "append") \
        and len(value.args) == 1 and isinstance(value.args[0], ast.Yield)


def _sent_values_dropped(body):
    """``body`` (in place) with ``yield VALUE`` alone where the value sent in, pushed on
    the stack (``stack.append((yield VALUE))``), is popped at once (the POP_TOP of a
    ``yield`` statement: ``del stack[-1]``) with nothing in between that reads the stack,
    calls, or leaves the statements: where the frame leaves them, tier 0's loop would
    find the stack without it.  (A driver's exit to tier 0 just after it pushes None,
    what a driver is always sent: ``_driver_body``.)"""
    for statements in _statement_lists(body):
        for position, statement in enumerate(statements):
            if not (_is_suspension(statement) and isinstance(statement.value, ast.Call)):
                continue
            for later in range(position + 1, len(statements)):
                following = statements[later]
                if _drops_stack_top(following):
                    statements[position] = _at(ast.Expr(value=statement.value.args[0]),
                                               statement.lineno - 1)
                    del statements[later]
                    break
                if not _runs_through(following):
                    break


def _drops_stack_top(statement):
    """Whether ``statement`` is ``del stack[-1]``."""
    if not (isinstance(statement, ast.Delete) and len(statement.targets) == 1):
        return False
    target = statement.targets[0]
    if not (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
            and target.value.id == "stack"):
        return False
    index = target.slice
    if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
        return isinstance(index.operand, ast.Constant) and index.operand.value == 1
    return isinstance(index, ast.Constant) and index.value == -1


def _runs_through(statement):
    """Whether ``statement`` surely runs to its end and on to the next, reading nothing of
    the stack: no call (which may raise), no exit, no suspension."""
    return not any(isinstance(node, (ast.Call, ast.Return, ast.Raise, ast.Yield, ast.YieldFrom,
                                     ast.Await, ast.Break, ast.Continue, ast.Try))
                   or isinstance(node, ast.Name) and node.id == "stack"
                   for node in walk(statement))


def _around_suspensions(body, suspended):
    """``body`` (a host generator's statements, rebuilt in place) with each return left
    in the frame (``_left_with``) and each suspension (``_is_suspension``) the
    statements ``suspended`` makes of it."""
    # (A statement the layout put in two places is rebuilt once.)
    rebuilt = set()

    def around(statements):
        result = []
        for statement in statements:
            if id(statement) in rebuilt:
                result.append(statement)
            elif isinstance(statement, ast.Return):
                result.extend(_left_with(statement.value, statement.lineno - 1))
            elif _is_suspension(statement):
                result.extend(suspended(statement))
            else:
                rebuilt.add(id(statement))
                _inner_lists_rebuilt(statement, around)
                result.append(statement)
        return result
    return around(body)


def _resumer_body(body):
    """The host generator's body from the translated function's (``_with_host_locals``'s
    ``body``).  The locals it stores stay in its host locals where it yields, as they
    are while it runs (``fast`` holds UNBOUND for them): who reads the suspended
    frame's locals reads them there (``host_stack.fast_locals``), and tier 0, taking
    the frame on where it is suspended (a ``throw()``, a tracer), closes the host
    generator first, whose handler writes them back (``_Suspendable._resume``).  Each
    resumption so costs no write-back and no clear of each local it stores.  What it
    would return is left in the frame (``_left_with``), and a
    StopIteration leaving the guest code is left there too, not raised (the host would
    make it a RuntimeError, PEP 479, before the guest's handlers saw it).
    ``interpreter`` is the local that the host stack's readers find in a runner.

    The frame links to its resumer where it starts or goes on running and unlinks where
    it yields or ends (``_DRIVER_LINK``, ``_DRIVER_UNLINK``), as a driver's does: the
    host generator's own work, not ``_Suspendable._resume``'s, which calls it (some 30
    host instructions less a resumption).  ``linked`` says whether it is linked: an
    exception thrown in where it yields (its close) finds it unlinked already."""

    def code(text):
        return [_at(statement, 0) for statement in host_trees.parse(text).body]

    def suspended(statement):
        return [*code(_DRIVER_UNLINK + "linked = False"), statement,
                *code(_DRIVER_LINK + "linked = True")]
    handler = ast.ExceptHandler(type=ast.Name(id="StopIteration", ctx=ast.Load()),
                                name="error",
                                body=_left_with(ast.Name(id="error", ctx=ast.Load()), 0))
    _sent_values_dropped(body)
    trying = ast.Try(body=_failure_read_off_its_line(_around_suspensions(body, suspended)),
                     handlers=[handler], orelse=[], finalbody=[])
    return [*code("interpreter = frame.interpreter\n" + _DRIVER_LINK + "linked = True"),
            _at(ast.Try(body=[_at(trying, 0)], handlers=[], orelse=[],
                        finalbody=code("if linked:\n" + textwrap.indent(_DRIVER_UNLINK.strip("\n"),
                                                                        "    "))), 0)]


def _with_yield(body):
    """``body``, or None if it has no yield."""
    if any(isinstance(node, ast.Yield) for statement in body for node in walk(statement)):
        return body
    return None


def _drivable(code, pairs):
    """Whether a generator's code gets a driver (``_driver_body``, for a generator
    that only a builtin or a ``for`` loop iterating it holds: objects.PendingGenerator,
    Interpreter.iterated_generator): one whose frame no exception handler, and no
    iterator it delegates to, ever keeps running when it is closed."""
    return (not code.co_exceptiontable
            and all(opcode != opcodes.SEND for opcode, _operand in pairs))


# Past the translated code (its return, where it leaves the frame to tier 0, or its
# exception, all left in ``frame.translated`` as a resumer leaves them): unless
# it was closed where it yielded, the frame ends here (a generator expression returns
# None), or tier 0's loop runs it on, yielding what it yields (objects.go_on_in_tier0).
# (In a ``finally``: the statements' returns come out of any depth of loops and
# handlers to here, and nothing the loop raises passes the statements' handlers.)
_DRIVER_END = """
if not closed:
%s
    outcome = frame.translated
    frame.translated = None
    if type(outcome) is int and outcome == RETURN:
        frame.resume_index = -1
        frame.return_value = None
    else:
        yield from GO_ON_IN_TIER0(frame, outcome)
""" % textwrap.indent(_DRIVER_UNLINK.strip("\n"), "    ")


def _driver_body(body, stored):
    """A driver's body, from the translated function's (``_entered_at_start``'s, as
    the resumer that starts the frame has it): a host generator that a builtin
    iterating a generator expression's generator runs itself (objects.PendingGenerator),
    doing at each resumption what ``_Suspendable._resume`` does for a resumer: the
    frame linked to its resumer while it runs (``_DRIVER_LINK``), tier 0 taking the
    frame on where ``LEAVE_TRANSLATED`` asks (a tracer, a signal), with the locals it
    stores written back to ``fast`` (``stored``; where it yields, they stay in its host
    locals, as a resumer's do), and the frame's end, or its exception, where the
    statements leave it (``_DRIVER_END``).  Closed where it
    yields (the builtin had its answer: ``any()``), the frame ends with nothing run:
    the code of a driver has no exception handler (``_drivable``)."""

    def code(text):
        return [_at(statement, 0) for statement in host_trees.parse(text).body]

    def suspended(statement):
        # (Left to tier 0: the value sent in on the stack, the locals in ``fast``, as
        # tier 0 finds a frame suspended there.  A driver is sent None, always.)
        leaving = code("if LEAVE_TRANSLATED:\n"
                       "    frame.translated = frame.resume_index\n"
                       "    return")
        pushed = code("stack.append(None)") if isinstance(statement.value, ast.Yield) else []
        leaving[0].body[:0] = [*pushed, *(_at(_write_back(index), 0) for index in stored)]
        return [*code(_DRIVER_UNLINK + "closed = True"), statement,
                *code("closed = False" + _DRIVER_LINK), *leaving]

    # Closed where it yielded: the exception passes the statements' handlers (which
    # write the locals back, as they are, and say where the frame failed, which no
    # one asks of a frame that has ended) and ends the frame here.
    closing = code("if closed:\n"
                   "    frame.resume_index = -1\n"
                   "    frame.failed_index = -1\n"
                   "    stack.clear()\n"
                   "    raise\n"
                   "frame.translated = error")
    _sent_values_dropped(body)
    trying = ast.Try(body=[*code("if LEAVE_TRANSLATED:\n"
                                 "    frame.translated = 0\n"
                                 "    return"),
                           *_failure_read_off_its_line(_around_suspensions(body, suspended))],
                     handlers=[ast.ExceptHandler(type=ast.Name(id="BaseException",
                                                                ctx=ast.Load()),
                                                 name="error", body=closing)],
                     orelse=[], finalbody=code(_DRIVER_END))
    return [*code("interpreter = frame.interpreter\nclosed = False"), *code(_DRIVER_LINK),
            _at(trying, 0)]


# -- layout ----------------------------------------------------------------------------

class _Region:
    """The blocks from ``start`` to ``end``, in a host ``while`` of their own."""

    def __init__(self, start, end, parent):
        self.start = start
        self.end = end
        self.parent = parent
        self.items = []

    def holds(self, index):
        return self.start <= index < self.end


def _loops(pairs):
    """Each loop of the code, (head, end): the blocks from a backward jump's target to
    the jump; loops that overlap without nesting are left to the one first found."""
    ends = {}
    for index, (opcode, operand) in enumerate(pairs):
        if opcode in opcodes.HAS_JUMP and operand <= index:
            ends[operand] = max(ends.get(operand, 0), index + 1)
    loops = []
    for start, end in sorted(ends.items(), key=lambda item: (item[0], -item[1])):
        if all(end <= outer_end or start >= outer_end for outer_start, outer_end in loops
               if outer_start <= start < outer_end):
            loops.append((start, end))
    return loops


def _lay_out(top, blocks, loops, translated):
    """The statements of the function's ``while`` loop."""
    loop_of = dict(loops)
    current = top
    for start, end, statements in blocks:
        while not current.holds(start):
            current = current.parent
        if start in loop_of:
            region = _Region(start, loop_of.pop(start), current)
            current.items.append(region)
            current = region
        current.items.append((start, end, statements))
    return _region_statements(top, translated)


def _one_block(laid_out):
    """Whether ``laid_out`` (the statements of the function's loop of blocks) is one
    block's ``if label == 0:``, whose statements never set ``label`` or leave the loop
    but by returning."""
    if len(laid_out) != 1 or not isinstance(laid_out[0], ast.If):
        return False
    test = laid_out[0].test
    if not (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == _LABEL and isinstance(test.ops[0], ast.Eq)
            and test.comparators[0].value == 0):
        return False
    return not any(isinstance(node, (ast.Break, ast.Continue, ast.While, ast.For))
                   or isinstance(node, ast.Name) and node.id == _LABEL
                   for statement in laid_out[0].body for node in walk(statement))


def _straightened(body):
    """``body`` (a copy of its own), its blocks laid out straight (``straighten``)."""
    straighten(body)
    return body


def _entered_at_start(body):
    """``body`` (the translated function's) as a runner runs it, from its first block
    only: less each block (``if label == N:``) that no jump of the body goes to, which
    only tier 0 enters (where a frame resumes after a call that entered a guest frame,
    most often); a loop of blocks left with one block (``_one_block``) is that block's
    statements.  A turn of a loop no longer tests for such a block, and a function whose
    calls may enter frames runs with no loop of blocks around it, as a leaf does.  (Nor
    does a loop start in the middle of a turn, as tier 0 may hand one over.)

    Rebuilt where it changes: the nodes are shared with the translated function."""
    jumps = {}          # block -> the blocks it jumps to
    reached = {0}       # and those the statements outside blocks jump to
    if not _collect_jumps(body, reached, jumps):
        return body     # (``label`` set otherwise than to a constant: keep all)
    pending = list(reached)
    while pending:
        for target in jumps.get(pending.pop(), ()):
            if target not in reached:
                reached.add(target)
                pending.append(target)
    return _as_entered_at_start(body, reached)


def _collect_jumps(statements, targets, jumps):
    """Add the labels ``statements`` set (``label = N``) to ``targets``, those set in
    a block to ``jumps[block]``; whether every store of ``label`` is such."""
    for statement in statements:
        if is_block_test(statement):
            if not _collect_jumps(statement.body,
                                  jumps.setdefault(statement.test.comparators[0].value, set()),
                                  jumps):
                return False
            continue
        if isinstance(statement, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == _LABEL
                for target in statement.targets):
            if not (len(statement.targets) == 1 and isinstance(statement.value, ast.Constant)):
                return False
            targets.add(statement.value.value)
            continue
        if isinstance(statement, (ast.AugAssign, ast.For)) and isinstance(
                statement.target, ast.Name) and statement.target.id == _LABEL:
            return False
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner and not _collect_jumps(inner, targets, jumps):
                return False
        for handler in getattr(statement, "handlers", ()):
            if not _collect_jumps(handler.body, targets, jumps):
                return False
    return True


def _as_entered_at_start(statements, targets):
    """``statements`` less the blocks (``if label == N:``) whose N is not in
    ``targets``, at any depth; each host ``for`` (``_host_for``) entered at its head,
    which a runner's always is: its items those on the stack, and none of them the
    turn under way (``MID_ITERATION``).  The list itself if nothing changes."""
    result = []
    changed = False
    for statement in statements:
        if is_block_test(statement) and statement.test.comparators[0].value not in targets:
            changed = True
            continue
        if _is_mid_iteration_test(statement):
            result.extend(_as_entered_at_start(statement.body, targets))
            changed = True
            continue
        if _is_items_choice(statement):
            rebuilt = copy.copy(statement)
            rebuilt.value = statement.value.body
            result.append(rebuilt)
            changed = True
            continue
        rebuilt = statement
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner:
                kept = _as_entered_at_start(inner, targets)
                if kept is not inner:
                    if rebuilt is statement:
                        rebuilt = copy.copy(statement)
                    setattr(rebuilt, field, kept or [_at(ast.Pass(), statement.lineno - 1)])
        handlers = getattr(statement, "handlers", None)
        if handlers:
            kept_handlers = []
            for handler in handlers:
                kept = _as_entered_at_start(handler.body, targets)
                if kept is not handler.body:
                    handler = copy.copy(handler)
                    handler.body = kept or [_at(ast.Pass(), statement.lineno - 1)]
                kept_handlers.append(handler)
            if any(new is not old for new, old in zip(kept_handlers, handlers)):
                if rebuilt is statement:
                    rebuilt = copy.copy(statement)
                rebuilt.handlers = kept_handlers
        if isinstance(rebuilt, ast.While) and rebuilt is not statement \
                and _one_block(rebuilt.body):
            result.extend(rebuilt.body[0].body)
            changed = True
            continue
        if isinstance(rebuilt, ast.For) and rebuilt is not statement:
            _store_items_in_target(rebuilt)
        changed = changed or rebuilt is not statement
        result.append(rebuilt)
    return result if changed else statements


def _store_items_in_target(loop):
    """Make the host ``for`` ``loop`` (``_host_for``'s, or a copy) store each item where
    its turn's first statement stores it (``for item_N in items_N: local_3 = item_N``,
    where no block enters the turn under way, or once it is gone:
    ``_as_entered_at_start``), where nothing else reads ``item_N``: two host
    instructions less a turn."""
    body = loop.body
    if not (isinstance(loop.target, ast.Name) and loop.target.id.startswith("item_")
            and body and isinstance(body[0], ast.Assign) and len(body[0].targets) == 1
            and isinstance(body[0].targets[0], ast.Name)
            and isinstance(body[0].value, ast.Name) and body[0].value.id == loop.target.id):
        return
    item = loop.target.id
    if any(isinstance(node, ast.Name) and node.id == item
           for statement in body[1:] + loop.orelse for node in walk(statement)):
        return
    loop.target = _at(ast.Name(id=body[0].targets[0].id, ctx=ast.Store()), loop.lineno - 1)
    loop.body = body[1:] or [_at(ast.Pass(), loop.lineno - 1)]


def _is_mid_iteration_test(statement):
    """Whether ``statement`` is a host ``for``'s ``if item_N is not MID_ITERATION:``."""
    if not isinstance(statement, ast.If):
        return False
    test = statement.test
    return (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.IsNot)
            and isinstance(test.comparators[0], ast.Name)
            and test.comparators[0].id == "MID_ITERATION")


def _is_items_choice(statement):
    """Whether ``statement`` is a host ``for``'s ``items_N = stack[-1] if label == N
    else LOOP_ITEMS(stack)``."""
    return (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.IfExp)
            and isinstance(statement.value.orelse, ast.Call)
            and isinstance(statement.value.orelse.func, ast.Name)
            and statement.value.orelse.func.id == "LOOP_ITEMS")


def _region_statements(region, translated):
    from pvm.engine import generate     # (not at import: see the imports above)
    result = []
    for item in region.items:
        if isinstance(item, _Region):
            test = ast.Compare(left=ast.Constant(item.start), ops=[ast.LtE(), ast.Lt()],
                               comparators=[_label(), ast.Constant(item.end)])
            blocks = _region_statements(item, translated)
            loop = _host_for(item, blocks)
            if loop is not None:
                result.append(_at(ast.If(test=test, body=loop, orelse=[]), item.start))
                continue
            # A jump out of several loops at once breaks out of the innermost; each
            # loop it leaves ends its turn with no block's test passed, and breaks too.
            # (A jump back within the loop is a ``continue``, which skips this.)
            leave = _at(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=test),
                               body=[ast.Break()], orelse=[]), item.start)
            inner = blocks + [leave]
            test = generate.copy_tree(test)
            loop = ast.While(test=ast.Constant(True), body=inner, orelse=[])
            result.append(_at(ast.If(test=test, body=[loop], orelse=[]), item.start))
            continue
        start, end, statements = item
        if statements is None:
            continue
        statements = _with_exits(statements, start, region, translated)
        test = ast.Compare(left=_label(), ops=[ast.Eq()],
                           comparators=[ast.Constant(start)])
        result.append(_at(ast.If(test=test, body=statements, orelse=[]), start))
    return result


def _host_for(region, blocks):
    """The statements of a loop whose head is a FOR_ITER (``blocks``, its blocks laid
    out) as a host ``for`` over the iterator on the stack, or None if it is no such
    loop.  Tier 0's FOR_ITER, written out at the head, costs a turn of the loop's
    ``while`` past the blocks' tests, a read of the stack, a test for pvm's generators
    and a call of ``next``: an empty loop took 63 ns a turn, 24 as a host ``for``.

    Where the head block is the whole turn (the other blocks are ways in from tier 0),
    its statements after the fetch are the ``for``'s, a jump back to the head its
    ``continue``.  Else the turn's blocks keep their ``while``, the head block's
    statements under a label of their own (``-1 - head``), and a jump back to the head
    ends the turn; a turn that leaves the loop breaks out of the ``for``.  The iterator
    stays on the stack, where tier 0 and the exception handlers find it (a pvm
    generator is resumed by the host through its ``__next__``, which is ``_resume``).
    Entered elsewhere than at its head (a frame going on from tier 0 in the middle of a
    turn), the loop takes its items from ``LOOP_ITEMS``.  The failing index
    of a failed fetch is recorded by a handler around the ``for``, where no failing
    instruction of the body recorded its own first."""
    from pvm.engine import generate     # (not at import: see the imports above)
    head = region.start
    if not blocks or not isinstance(blocks[0], ast.If):
        return None
    first = blocks[0]
    test = first.test
    if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == head):
        return None
    statements = first.body
    fetch = _fetch_of(statements)
    if fetch is None:
        return None
    target, failed, exhausted = fetch
    if len(failed) != 1 or not isinstance(failed[0], ast.Assign):
        return None
    recorded = failed[0].targets[0]
    rest = statements[2:] or [_at(ast.Pass(), head)]
    # (The host ``for`` holds the iterator: the temporary that read it off the stack is
    # gone, and clearing it before a yield clears nothing.)
    _without_clears_of(rest, statements[0].targets[0].id)
    line = head
    item = "item_%d" % head
    source = "items_%d" % head
    others = blocks[1:]
    stack_top = ast.Subscript(value=ast.Name(id="stack", ctx=ast.Load()),
                              slice=ast.UnaryOp(op=ast.USub(), operand=ast.Constant(1)),
                              ctx=ast.Load())
    at_head = ast.Compare(left=_label(), ops=[ast.Eq()], comparators=[ast.Constant(head)])
    choose = ast.Assign(targets=[ast.Name(id=source, ctx=ast.Store())], value=ast.IfExp(
        test=at_head, body=generate.copy_tree(stack_top),
        orelse=ast.Call(func=ast.Name(id="LOOP_ITEMS", ctx=ast.Load()),
                        args=[ast.Name(id="stack", ctx=ast.Load())], keywords=[])))
    # (Read once a loop is entered: FOR_ITER's next() where the host's own iter()
    # would differ, see _items.)
    wrap = ast.If(test=ast.Compare(
        left=ast.Call(func=ast.Name(id="type", ctx=ast.Load()),
                      args=[ast.Name(id=source, ctx=ast.Load())], keywords=[]),
        ops=[ast.NotIn()], comparators=[ast.Name(id="SELF_ITERATING", ctx=ast.Load())]),
        body=[ast.Assign(targets=[ast.Name(id=source, ctx=ast.Store())],
                         value=ast.Call(func=ast.Name(id="LOOP_ITERATOR", ctx=ast.Load()),
                                        args=[ast.Name(id=source, ctx=ast.Load())],
                                        keywords=[]))],
        orelse=[])
    take = ast.Assign(targets=[target], value=ast.Name(id=item, ctx=ast.Load()))

    def turn_of(turn_blocks):
        # The blocks under the labels' tests, a jump back to the head ending the turn.
        leave = ast.If(test=ast.BoolOp(op=ast.Or(), values=[
            ast.Compare(left=_label(), ops=[ast.Eq()], comparators=[ast.Constant(head)]),
            ast.UnaryOp(op=ast.Not(), operand=ast.Compare(
                left=ast.Constant(head), ops=[ast.LtE(), ast.Lt()],
                comparators=[_label(), ast.Constant(region.end)]))]),
            body=[ast.Break()], orelse=[])
        _replace_back_edges(turn_blocks, head, lambda: [_label_assign(head), ast.Break()])
        ended = ast.If(test=ast.Compare(left=_label(), ops=[ast.NotEq()],
                                        comparators=[ast.Constant(head)]),
                       body=[ast.Break()], orelse=[])
        return [ast.While(test=ast.Constant(True), body=turn_blocks + [leave], orelse=[]),
                ended]

    if not _jumps_within(rest, region, head):
        # The head block is the whole turn (the other blocks are ways in from tier 0):
        # its statements are the ``for``'s, a jump back to the head its ``continue``.
        _replace_back_edges(rest, head, lambda: [ast.Continue()])
        if others:
            body = [ast.If(test=ast.Compare(left=ast.Name(id=item, ctx=ast.Load()),
                                            ops=[ast.IsNot()],
                                            comparators=[ast.Name(id="MID_ITERATION",
                                                                  ctx=ast.Load())]),
                           body=[take] + rest, orelse=turn_of(others))]
        else:
            body = [take] + rest
    else:
        own_label = -1 - head
        first.test = _at(ast.Compare(left=_label(), ops=[ast.Eq()],
                                     comparators=[ast.Constant(own_label)]), line)
        first.body = rest
        fetched = ast.If(
            test=ast.Compare(left=ast.Name(id=item, ctx=ast.Load()), ops=[ast.IsNot()],
                             comparators=[ast.Name(id="MID_ITERATION", ctx=ast.Load())]),
            body=[take, _label_assign(own_label)], orelse=[])
        body = [fetched] + turn_of(blocks)
    loop = ast.For(target=ast.Name(id=item, ctx=ast.Store()),
                   iter=ast.Name(id=source, ctx=ast.Load()), body=body,
                   orelse=exhausted)
    read = generate.copy_tree(recorded)
    read.ctx = ast.Load()
    unset = ast.Compare(left=read, ops=[ast.Lt()], comparators=[ast.Constant(0)])
    record = ast.ExceptHandler(type=ast.Name(id="BaseException", ctx=ast.Load()), name=None,
                               body=[ast.If(test=unset, body=failed, orelse=[]), ast.Raise()])
    guarded = ast.Try(body=[loop], handlers=[record], orelse=[], finalbody=[])
    laid_out = [_at(node, line) for node in (choose, wrap, guarded)]
    _store_items_in_target(loop)
    return laid_out


def _without_clears_of(statements, name):
    """Take ``name`` out of the ``A = B = None`` statements in ``statements`` (nested
    ones too), where nothing else there stores it: such a clear frees nothing."""
    stores = [node for statement in statements for node in walk(statement)
              if isinstance(node, ast.Name) and node.id == name
              and isinstance(node.ctx, ast.Store)]
    clears = [node for node in (node for statement in statements
                                for node in walk(statement))
              if isinstance(node, ast.Assign) and _is_clear(node)]
    if len(stores) != sum(1 for clear in clears for target in clear.targets
                          if target.id == name):
        return
    for clear in clears:
        clear.targets = [target for target in clear.targets if target.id != name]
    for current in _statement_lists(statements):
        current[:] = [statement for statement in current
                      if not (isinstance(statement, ast.Assign) and not statement.targets)]


def _is_clear(statement):
    """Whether ``statement`` (an Assign) is ``A = B = ... = None``."""
    return (isinstance(statement.value, ast.Constant) and statement.value.value is None
            and all(isinstance(target, ast.Name) for target in statement.targets))


def _inner_lists_rebuilt(statement, rebuild):
    """``statement`` with each list of statements it holds (its body, ``else`` and
    ``finally``, its handlers' bodies) made ``rebuild`` of that list, in place."""
    for field in ("body", "orelse", "finalbody"):
        inner = getattr(statement, field, None)
        if inner:
            setattr(statement, field, rebuild(inner))
    for handler in getattr(statement, "handlers", ()):
        handler.body = rebuild(handler.body)


def _statement_lists(statements, into_loops=True):
    """``statements`` and every list of statements nested in them (``into_loops``
    false: not those in a loop of their own)."""
    pending = [statements]
    while pending:
        current = pending.pop()
        yield current
        for statement in current:
            if not into_loops and isinstance(statement, (ast.While, ast.For)):
                continue
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(statement, field, None)
                if inner:
                    pending.append(inner)
            for handler in getattr(statement, "handlers", ()):
                pending.append(handler.body)


def _label_assign(value):
    return ast.Assign(targets=[_label(ast.Store())], value=ast.Constant(value))


def _is_label_assign(statement, values):
    return (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == _LABEL
            and isinstance(statement.value, ast.Constant) and statement.value.value in values)


def _turn_level(statements):
    """Each list of statements within ``statements`` that a ``continue`` or ``break``
    there would leave the same loop from (not those in a loop of their own)."""
    return _statement_lists(statements, into_loops=False)


def _replace_back_edges(statements, head, replacement):
    """Replace each jump back to ``head`` (``label = head`` then ``continue``) in
    ``statements``, at their loop's level, by the statements ``replacement()`` makes."""
    for current in _turn_level(statements):
        position = 0
        while position < len(current) - 1:
            if _is_label_assign(current[position], (head,)) \
                    and isinstance(current[position + 1], ast.Continue):
                line = current[position].lineno - 1
                current[position:position + 2] = [_at(node, line) for node in replacement()]
            position += 1


def _jumps_within(statements, region, head):
    """Whether ``statements`` jump to a block of ``region`` other than its head."""
    targets = set(range(region.start, region.end)) - {head}
    return any(_is_label_assign(statement, targets)
               for current in _turn_level(statements) for statement in current)


def _fetch_of(statements):
    """(the target, the statements recording the failing index, the statements run when
    the iterator is done, without their break) of a head block that starts with tier
    0's FOR_ITER as the layout leaves it:

        tN = stack[-1]
        try:
            try:
                TARGET = tN._resume(None) if type(tN) is Generator else next(tN)
            except StopIteration:
                ...; break
        except BaseException:
            ...; raise

    or None."""
    if len(statements) < 2:
        return None
    peek, outer = statements[0], statements[1]
    if not (isinstance(peek, ast.Assign) and len(peek.targets) == 1
            and isinstance(peek.targets[0], ast.Name)
            and ast.unparse(peek.value) == "stack[-1]"):
        return None
    iterator = peek.targets[0].id
    if not (isinstance(outer, ast.Try) and len(outer.body) == 1 and len(outer.handlers) == 1
            and not outer.orelse and not outer.finalbody):
        return None
    inner, failure = outer.body[0], outer.handlers[0]
    if not (isinstance(inner, ast.Try) and len(inner.body) == 1 and len(inner.handlers) == 1
            and not inner.orelse and not inner.finalbody):
        return None
    fetch, stop = inner.body[0], inner.handlers[0]
    expected = "%s._resume(None) if type(%s) is Generator else next(%s)" % ((iterator,) * 3)
    if not (isinstance(fetch, ast.Assign) and len(fetch.targets) == 1
            and ast.unparse(fetch.value) == expected):
        return None
    if not (isinstance(stop.type, ast.Name) and stop.type.id == "StopIteration"
            and stop.name is None and stop.body and isinstance(stop.body[-1], ast.Break)):
        return None
    if not (isinstance(failure.type, ast.Name) and failure.type.id == "BaseException"
            and failure.name is None and failure.body
            and isinstance(failure.body[-1], ast.Raise) and failure.body[-1].exc is None):
        return None
    return fetch.targets[0], failure.body[:-1], stop.body[:-1]


def _loop_items(stack):
    """What a loop translated as a host ``for`` (``_host_for``) takes its items from
    where it was entered in the middle of a turn: MID_ITERATION first (the turn goes
    on, its item taken), then the items of the iterator on ``stack``, read once the
    turn is over (the turn may have left more on the stack above it until then).
    A ``chain``, which asks ``_loop_parts`` for the iterator only then and takes its
    items with no host frame between: a generator whose code was translated after it
    started runs all its later turns so (the generators benchmark's pipeline).

    Not a generator that delegates with ``yield from``: a turn that leaves the
    translation (to tier 0, at a call that enters a frame) drops it, and closing it
    would close the iterator it delegated to (a guest generator, a file), where the
    loop goes on with it."""
    return chain.from_iterable(_loop_parts(stack))


def _loop_parts(stack):
    yield _MID_TURN
    iterator = stack[-1]
    yield iterator if type(iterator) in SELF_ITERATING else _items(iterator)


def _items(iterator):
    """What a host ``for`` iterates for the guest loop over ``iterator`` (what GET_ITER
    left): itself where ``iter()`` of it is itself and runs no guest code, as for the
    host's own iterators (their types kept in ``SELF_ITERATING``); else a host
    generator that calls ``next()`` on it, as FOR_ITER does.  An iterator of a guest
    class needs no ``__iter__``, and the one it has may return another object or
    have effects: CPython's loop never calls it."""
    kind = type(iterator)
    if kind is Generator:
        return generator_items(iterator)
    if not kind.__flags__ & _HEAP_TYPE and iter(iterator) is iterator:
        SELF_ITERATING.add(kind)
        return iterator
    return _next_of(iterator)


def _next_of(iterator):
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        yield item


_HEAP_TYPE = 1 << 9     # (Py_TPFLAGS_HEAPTYPE: a class made by a class statement)
# The host's iterator types seen so far.  (Not pvm's generators: generator_items.)
SELF_ITERATING = set()


class _MidIteration:
    """The item ``_loop_items`` gives first for a turn under way."""

    __slots__ = ()


MID_ITERATION = _MidIteration()
_MID_TURN = (MID_ITERATION,)


def _with_exits(statements, start, region, translated):
    """The block's statements with each ``return INDEX`` (a jump, or going on to the
    instruction after the block) replaced by the assignment of ``label`` and what takes
    the loop there: nothing, where the block is left by its end and the block it goes
    to comes later in the region; ``continue`` back to the region's tests; ``break`` out
    of the region.  Any other return (a frame switch, an index of tier 0's) stays."""
    # Only the exits that fall through to a later block of the region need to be the
    # last thing their paths run; the others jump.
    onwards = {target for target in translated if region.holds(target) and target > start}
    peeked = _peeked_temporaries(statements)
    try:
        statements = _tail_returns(statements, onwards)
        tail = True
    except _NotTail:
        tail = False
    from pvm.engine import generate     # (not at import: see the imports above)
    bound_at_returns = {}
    generate.bound_on_every_path(statements, at_returns=bound_at_returns)
    worth_freeing = generate.worth_freeing(statements, {
        node.id for statement in statements for node in walk(statement)
        if node.__class__ is ast.Name and _TEMPORARY.match(node.id)})

    def exit_to(node, preceding):
        if not _is_label_return(node, translated):
            return [node]
        target = node.value.value
        assign = _at(ast.Assign(targets=[_label(ast.Store())], value=ast.Constant(target)),
                     node.lineno - 1)
        # The values the block leaves on the stack: their temporaries are done with
        # them (in tier 0 the handler's return ends them; here the host function goes
        # on, and a handled exception, say, would live as long as it does).
        # So are those that only read items the stack keeps (a with's exit reads the
        # exception under it).
        pushed = _pushed_temporaries(preceding)
        forgotten = [name for name in peeked if name not in pushed]
        # And the block's other temporaries bound on every way here (the last
        # instruction's own: CALL_KW's argument list and keyword dict, which the next
        # block's call of the callee's generator must not find alive).
        freed = pushed + sorted(
            (name for name in bound_at_returns.get(id(node), ())
             if name in worth_freeing and name not in pushed and name not in forgotten),
            key=lambda name: int(name[1:]))
        frees = [_at(ast.Delete(targets=[ast.Name(id=name, ctx=ast.Del())
                                         for name in freed]), node.lineno - 1)] \
            if freed else []
        if forgotten:
            frees.append(_at(ast.Assign(targets=[ast.Name(id=name, ctx=ast.Store())
                                                 for name in forgotten],
                                        value=ast.Constant(None)), node.lineno - 1))
        if target <= start:
            # A back-edge: where LEAVE_TRANSLATED asks (a tracer set, a signal waiting),
            # the frame goes on in tier 0's loop from the loop's head, as CPython checks
            # its eval breaker there.  (After calls, the joined code checks itself.)
            frees += [_at(ast.If(test=ast.Name(id="LEAVE_TRANSLATED", ctx=ast.Load()),
                                 body=[ast.Return(value=ast.Call(
                                     func=ast.Name(id="TIER0_AT", ctx=ast.Load()),
                                     args=[ast.Constant(target)], keywords=[]))],
                                 orelse=[]), node.lineno - 1)]
        if not region.holds(target):
            return frees + [assign, _at(ast.Break(), node.lineno - 1)]
        if tail and target > start:
            return frees + [assign]
        return frees + [assign, _at(ast.Continue(), node.lineno - 1)]
    return _replace_returns_after(statements, exit_to)


def _peeked_temporaries(statements):
    """The temporaries a block's own statements set to an item of the stack they leave
    there (``t3 = stack[-1]``)."""
    return [statement.targets[0].id for statement in statements
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and _TEMPORARY.match(statement.targets[0].id)
            and isinstance(statement.value, ast.Subscript)
            and isinstance(statement.value.value, ast.Name)
            and statement.value.value.id == "stack"
            and not isinstance(statement.value.slice, ast.Slice)]


def _pushed_temporaries(preceding):
    """The temporaries that the statements ending ``preceding`` push on the stack
    (``stack.append(t3)``), once each, in order."""
    pushed = []
    for statement in reversed(preceding):
        value = _appended(statement)
        if not (isinstance(value, ast.Name) and _TEMPORARY.match(value.id)):
            break
        name = value.id
        if name not in pushed:
            pushed.insert(0, name)
    return pushed


class _NotTail(Exception):
    pass


def _tail_returns(statements, translated):
    """The statements rewritten so that each return of a translated block's index is
    the last thing its path runs, or _NotTail.  (Other returns leave the function.)"""
    from pvm.engine import generate     # (not at import: see the imports above)
    result = []
    for position, statement in enumerate(statements):
        rest = statements[position + 1:]
        if isinstance(statement, ast.Return):
            result.append(statement)
            return result
        if not _has_label_return(statement, translated):
            result.append(statement)
            continue
        if isinstance(statement, ast.If):
            body = statement.body if generate.always_exits(statement.body) \
                else statement.body + rest
            orelse = statement.orelse if generate.always_exits(statement.orelse) \
                else statement.orelse + rest
            statement.body = _tail_returns(body, translated)
            statement.orelse = _tail_returns(orelse, translated) if orelse else []
            result.append(statement)
            return result
        if isinstance(statement, ast.Try) and not statement.orelse \
                and not statement.finalbody and generate.always_exits(statement.body) \
                and all(not _has_label_return(handler, translated)
                        for handler in statement.handlers):
            # What follows the try never runs: its body always leaves.
            statement.body = _tail_returns(statement.body, translated)
            result.append(statement)
            return result
        raise _NotTail
    return result


def _has_label_return(node, translated):
    return any(_is_label_return(inner, translated) for inner in walk(node))


def _is_label_return(node, translated):
    """Whether ``node`` returns the index of a translated block."""
    return (isinstance(node, ast.Return) and isinstance(node.value, ast.Constant)
            and type(node.value.value) is int and node.value.value in translated)


def _replace_returns(statements, replace):
    """The statements with each return replaced by the statements ``replace(node)``."""
    return _replace_returns_after(statements, lambda node, _preceding: replace(node))


def _holds_return(statement):
    """Whether a return is among ``statement``'s statements (its expressions hold none)."""
    for field in ("body", "orelse", "finalbody"):
        for inner in getattr(statement, field, None) or ():
            if isinstance(inner, ast.Return) or _holds_return(inner):
                return True
    return any(_holds_return(handler) for handler in getattr(statement, "handlers", ()))


def _label(context=None):
    return ast.Name(id=_LABEL, ctx=context or ast.Load())


def _at(node, index):
    """``node``, and the nodes inside it that have no line yet (not those below a node
    that has one: a block's statements), at instruction ``index``."""
    pending = [node]
    while pending:
        inner = pending.pop()
        if "lineno" in inner._attributes:
            if getattr(inner, "lineno", None) is not None:
                continue
            inner.lineno = inner.end_lineno = index + 1
            inner.col_offset = inner.end_col_offset = 0
        pending.extend(ast.iter_child_nodes(inner))
    return node


def _identifier(name):
    return "".join(character if character.isalnum() or character == "_" else "_"
                   for character in name)


_namespace = None


def _function_namespace():
    """The globals the generated statements read: tier 0's, what bodies import, and
    what the checks that leave translated code read (``_LEAVING``)."""
    global _namespace
    if _namespace is None:
        _namespace = hot_runs.namespace()
        _namespace.update(_LEAVING)
    return _namespace


def _tier0_at(index):
    """``return TIER0_AT(N)``: translated code leaves its frame to tier 0's loop at N,
    where ``LEAVE_TRANSLATED`` asks.  The call marks the return, which the layout
    keeps, where it makes a return of a block's index a jump to the block."""
    return index


_LEAVING = {"LEAVE_TRANSLATED": LEAVE_TRANSLATED, "TIER0_AT": _tier0_at,
            "GO_ON_IN_TIER0": go_on_in_tier0,
            # (What loops translated as host ``for`` loops read: _host_for.)
            "LOOP_ITEMS": _loop_items, "MID_ITERATION": MID_ITERATION,
            "LOOP_ITERATOR": _items, "SELF_ITERATING": SELF_ITERATING}
