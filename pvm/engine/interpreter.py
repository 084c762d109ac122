"""The engine's interpreter: the loop that runs guest frames, and what it asks of the world.

Guest-to-guest calls do not recurse on the host stack: a CALL handler makes
the callee's frame and returns ``CALL_FRAME``, and the loop in ``run_frame``
switches to it; RETURN switches back.  Only calls from host code into guest
code (``sorted(key=f)``, a guest ``__init__`` run by ``type.__call__``, a
generator's ``send``) start a nested ``run_frame``.

Exceptions are host exceptions.  When one escapes a handler, the loop records
the guest traceback entry on it (``__pvm_traceback__``, innermost first),
chains it to the exception being handled, and looks up the frame's exception
table: a handler found there gets the stack cut to its depth and the
exception pushed; otherwise the frame is popped and the search goes on in
the caller.  Nothing is paid while no exception is raised.

The engine knows the bytecode contract and nothing above it: not the guest's
builtins or sys, nor its import system, nor how tracebacks and warnings are
printed.  The guest's world (``pvm.world``), built on the engine, installs what
the engine needs of it as attributes of the interpreter (see ``__init__``).
"""

import sys
import time
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref

from pvm import opcodes
from pvm.engine import decode as decoding, guest_traceback, tier0
from pvm.engine.arguments import bind
from pvm.engine.frames import Frame, LEAVE_TRANSLATED, UNBOUND
from pvm.engine.instructions.support import OBJECT_NEW, init_returned
from pvm.engine.host_stack import (failed_in_translation, locals_of, fast_locals,
                                   frameless_runners, stored_locals, runs_guest_frames)
from pvm.engine.objects import (NOT_DECODED, SUSPENDABLE_CLASSES, CellType, Coroutine, MethodType,
                                PendingGenerator, RESUMING_CODES, Function, Generator,
                                NO_LAYER, _new_object, made_shape_of, new_generator)
from pvm.engine.signals import CALL_FRAME, DECODE, RETURN
from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE,
                      CO_OPTIMIZED, instruction_words)

DEFAULT_RECURSION_LIMIT = 1000
# Host frames that one guest call made by host code may nest (repr() of an object whose
# __repr__ calls repr(self): the host's slot, the guest function's __get__ and
# __call__, the loop that runs it; 8 to 12 of them).  The host's recursion limit must
# stay that many times the guest's, so that the guest's RecursionError comes first:
# host code swallows some errors, and a slot that cannot look __repr__ up (its __get__
# failed at the host's limit) returns object's repr instead.
HOST_FRAMES_PER_LEVEL = 16
# Frames of functions that are no leaves run in their calls (run_call, tier 1's
# runners) while there is room for them (``Interpreter.nesting_room``); past it, calls
# switch frames in the loop, and the host's stack grows no more however deep guest code
# recurses.  Each such frame costs two to four host frames, so the room is the host's
# recursion limit, less the frames on the host's stack, over NESTING_HOST_FRAMES (twice
# that, for the leaves and host calls above the innermost), at most NESTING_MOST: the
# command line raises the host's limit (16,000 frames: 100), while a program embedding
# a world may keep it low (test_vm's test_guest_calls_do_not_grow_the_host_stack, 900
# guest calls under a host limit of 200).  A room of 100 against one of 16: the
# generators benchmark, whose tree is built 15 calls deep, ran 9% fewer host
# instructions at tier 1, hexiom 3%.
NESTING_MOST = 100
NESTING_HOST_FRAMES = 8
# Frame starts and loop back-edges of a code object before its runs are joined
# (pvm.engine.hot_runs): joining a run costs about a millisecond, which a run pays back
# after some thousands of executions.
DEFAULT_JOIN_THRESHOLD = 1000
# ... and the executions of one of its runs, after that, before the run is joined.
RUN_JOIN_THRESHOLD = 50
# A function's frame starts and back-edges before it gets its superinstructions: placing
# them costs about a microsecond per instruction of the function (with decoding it
# again: 80 us a function at start-up), which they pay back after a hundred or more
# executions, and most of the functions start-up runs run a few times (`pvm -c pass`
# fused 340 functions at their first call, 59 at 32, 13 at 128; `pvm -S -c pass`
# fuses none, and so loads no superinstruction).
FUSION_THRESHOLD = 128
# What a try/except* raises when its clauses raised one new exception and left nothing
# of the group unhandled: since CPython 3.11.4 (gh-103590) that exception itself, as an
# except clause would; 3.11.0 to 3.11.3 wrap it in a group of its own, ExceptionGroup('',
# [it]).  pvm follows the release it runs on.
_LONE_RAISE_UNWRAPPED = sys.version_info >= (3, 11, 4)

_SUSPENDABLE = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
# Code that is not a function's (module and class bodies, exec'd text) and never
# suspends: what run_once may run (see there).
_NOT_RUN_ONCE = CO_OPTIMIZED | _SUSPENDABLE


# A frameless runner whose frame has been made this many times while it ran gives way to
# the runner that makes it at each call: making it by a walk of the host stack costs
# some ten times as much.
FRAMES_ASKED_LIMIT = 8


def nesting_room():
    """The ``nesting_room`` of an interpreter made now (see NESTING_MOST)."""
    depth = 0
    host = sys._getframe()
    while host is not None:
        depth += 1
        host = host.f_back
    return max(0, min(NESTING_MOST, (sys.getrecursionlimit() - depth) // NESTING_HOST_FRAMES))


class Executable:
    """The decoded form of a code object that the loop runs, owned by one interpreter.

    ``handlers`` is the list running frames hold: instrumentation replaces its items in
    place, so that frames running the code switch at their next instruction.
    """

    __slots__ = ("handlers", "padding", "cell_count", "cell_parameters", "send_targets",
                 "leaf", "nests", "code_reference", "plain_handlers", "heat", "run",
                 "runner", "machine_code", "fused", "resumer", "frames_asked", "made_shape",
                 "direct", "direct_arity", "callees", "__weakref__")

    def __init__(self, code, pairs, handlers, code_reference, run_call):
        self.handlers = handlers
        # Weak: the interpreter's table of executables must not keep code alive.
        self.code_reference = code_reference
        # The handlers the loop runs when nothing instruments the code.
        self.plain_handlers = None
        # Frame starts and loop back-edges left before the code is hot (see count_heat).
        self.heat = 0
        # Whether the handlers have their superinstructions (or are to have none).
        self.fused = True
        self.padding = [UNBOUND] * (len(code.co_varnames) - code.co_argcount)
        # What Function.make takes from here for the functions made of the code.
        self.made_shape = made_shape_of(code)
        self.cell_count = len(code.co_cellvars)
        self.cell_parameters = [(index, code.co_varnames.index(name))
                                for index, name in enumerate(code.co_cellvars)
                                if name in code.co_varnames] if code.co_cellvars else ()
        # Where a frame suspended in a yield from / await resumes (just after the
        # YIELD_VALUE that follows a SEND) -> where that SEND jumps when done.
        # (Only generators and coroutines send: the loop is not run for the rest.)
        self.send_targets = {}
        if code.co_flags & _SUSPENDABLE:
            for index, (opcode, operand) in enumerate(pairs or code.instructions()):
                if opcode == opcodes.SEND:
                    self.send_targets[index + 2] = operand
        # Whether the call that makes a frame of the code runs it (run_call): always
        # (leaf), or while the interpreter has room for it (nests: nesting_room).
        self.leaf = decoding.is_leaf(code)
        self.nests = True
        # run(function, arguments, caller): what runs a frame of the code in its call,
        # to its end, and returns its value: ``Interpreter.run_call``, or, once the code
        # is translated, the runner of its translation (``runner``), which makes the
        # frame and runs the translated code itself (pvm.engine.tier1).
        self.runner = None
        self.run = run_call
        # direct(function, depth, *arguments): what runs a call that passes exactly the
        # positional parameters, with no argument list (tier 1's, set with ``run``:
        # set_run), for that count of arguments, ``direct_arity`` (-1: none).
        self.direct = None
        self.direct_arity = -1
        # A generator function's, once tier 1 has translated it: what makes the host
        # generator that runs a generator's frame (pvm.engine.tier1, _resumer_body).
        self.resumer = None
        # How often a frameless runner of the code had its frame made while it ran
        # (see materialize_frameless).
        self.frames_asked = 0
        # What -X tier=2's hook keeps of the code (its dispatcher), if anything.
        self.machine_code = None
        # While tier 1 waits for the code to get hot: the index of each call -> the
        # code of the one guest function seen called there, or None for more than
        # one (_call_recorder), for tier 1 to inline (pvm.engine.inlining).
        self.callees = None


    def set_run(self, run, runner=False):
        """Let ``run`` run the calls (and be the ``runner`` too, if asked), with the
        direct runner that goes with it (``run.direct``, tier 1's), if any: whatever
        takes a code's calls over (instruments, a budget, another runner) takes them
        all."""
        self.run = run
        if runner:
            self.runner = run
        direct = getattr(run, "direct", None)
        self.direct = direct
        self.direct_arity = direct.arity if direct is not None else -1


class Interpreter:
    """The loop, and the state of the guest frames it runs."""

    def __init__(self, fusion=True, join_threshold=DEFAULT_JOIN_THRESHOLD, tier=0):
        self.frame = None             # the guest frame running now
        # While functions run with no frame of their own (tier 1's frameless runners):
        # the depth of the innermost (``frame`` is the caller of the outermost); else
        # None.  Who asks for the running frame then gets them made
        # (``running_frame``).
        self.frameless = None
        # Whether the guest has started a thread: from then on every function runs with
        # its frame (see thread_starting).
        self.threaded = False
        self.handled = None           # the exception being handled in this generator layer
        # The handled exceptions of the layers below the running generators (the frames
        # that resumed them), innermost last.  As in CPython, a generator has its own
        # layer; while it has nothing in hand, sys.exception() sees its resumer's.
        self.handled_below = []
        self.coroutine_origin_depth = 0     # sys.set_coroutine_origin_tracking_depth
        self.recursion_limit = DEFAULT_RECURSION_LIMIT
        # How many more frames of functions that are no leaves may run in their calls
        # (run_call, tier 1's runners) on the host's stack: see NESTING_MOST.
        self.nesting_room = nesting_room()
        self.fusion = fusion            # -X fusion=0 runs without superinstructions
        # Hot code's runs are joined after this many frame starts and back-edges
        # (-X jit-threshold; 0: at once; None: never).
        self.join_threshold = join_threshold if fusion else None
        # -X tier=1: hot code is translated whole into host functions (pvm.engine.tier1)
        # instead of having its runs joined.
        self.tier = tier
        # report_translation(code, translation or None, seconds): told of each code
        # object tier 1 translates or leaves (-X jit-log, -X jit-show), if installed.
        self.report_translation = None
        # The world's builtin super, which CALL_ZERO_ARGUMENT_SUPER makes without
        # asking for the running frame (set by pvm.world.guest_builtins).
        self.super_type = None
        # What the instructions guest code runs are charged to (a world's limits), or
        # None: see set_budget.
        self.budget = None
        # What checks the guarded attributes (support.GUARDED_ATTRIBUTES) guest code
        # reads, sets and deletes: a world's that keeps its guest inside
        # (pvm.world.guard), or None: plain attributes.
        self.attribute_guard = None
        # compile_machine_code(code, pairs, executable, runner) -> runner: -X tier=2's,
        # told of each code object decoded and of each tier 1 translates, with what
        # would run its calls; it may return a dispatcher to machine code (pvm.tier2)
        # in front of that runner, if installed.
        self.compile_machine_code = None
        # The decoded form of each code object this interpreter has run, by id(code)
        # (an entry goes when its code dies).
        self.executables = {}
        # What instruments every instruction (see instrument()): wrappers, outermost last.
        self.instruments = []
        # The handlers run_once calls, by opcode: tier0.COLD, or, while instruments or a
        # budget must see every instruction (or hot code is joined at once, to test it),
        # ones that send the frame to its decoded handlers (see _update_run_once).
        self.once_handlers = list(tier0.COLD)
        self._update_run_once()
        # The code objects run_once has run, by id (an entry goes when its code dies):
        # their next run is decoded.
        self.ran_once = {}
        # sys.settrace: each thread's trace function; while there is one, every decoded
        # code object runs traced handlers (see pvm.engine.tracing).
        self.tracers = {}
        self.tracing = False
        # What the engine needs of the world that runs on it, which the world installs
        # as it builds the engine (pvm.world.World):
        # the builtins of functions, and of frames whose globals have no __builtins__;
        self.builtins_dict = {}
        # sys.modules, where IMPORT_FROM looks for a submodule that is no attribute yet;
        self.modules = {}
        # {file: file}: an exception leaving a frame of a key's code drops that frame's
        # traceback entry, and those of the value's frames directly inside it (the
        # world's stand-ins for C modules leave no entries, as C code leaves none);
        self.hidden_from_tracebacks = {}
        # display(value): what PRINT_EXPR does with its value (sys.displayhook);
        self.display = _not_installed("display")
        # report_unraisable(error, owner): an exception that nothing can catch, raised
        # where ``owner`` was finalized (sys.unraisablehook);
        self.report_unraisable = _not_installed("report_unraisable")
        # warn_never_awaited(coroutine): a coroutine dies without having run.
        self.warn_never_awaited = _not_installed("warn_never_awaited")

    # -- decoding and instrumenting ---------------------------------------------------

    def decode(self, code):
        """The decoded form of ``code`` in this interpreter, made on its first run."""
        executables = self.executables
        key = id(code)
        reference = weakref.ref(code, lambda _, key=key: executables.pop(key, None))
        if self._fuses_later(code) and self.budget is None and not self.instruments \
                and self.compile_machine_code is None:
            # Its heat is counted at its start and loop heads: those handlers now.
            counted = {0} | decoding.loop_heads(code)
            handlers = decoding.lazy_handlers(code, counted)
            pairs = code.instructions() if code.co_flags & _SUSPENDABLE else None
        else:
            counted = None
            pairs = code.instructions()
            handlers = self._handlers_of(code, pairs, self.fusion and not self._fuses_later(code),
                                         self._records_callees(code))
        executable = Executable(code, pairs, handlers, reference, self.run_call)
        executables[key] = executable
        if self.compile_machine_code is not None:
            runner = self.compile_machine_code(code, pairs, executable, executable.run)
            if runner is not executable.run:
                executable.set_run(runner, runner=True)
        self._count_from_start(executable, code, pairs, counted)
        if self.instruments:
            self._instrument_executable(executable)
        return executable

    def _fuses_later(self, code):
        """Whether ``code`` gets its superinstructions once warm, not at once."""
        threshold = self.join_threshold
        # (Without fusion there is no threshold: nothing is counted.)
        return bool(threshold is not None and threshold > FUSION_THRESHOLD
                    and code.co_flags & CO_OPTIMIZED)

    def _records_callees(self, code):
        """Whether the calls of ``code`` get their callees recorded while it warms up
        (``_call_recorder``): with tier 1, in a function counted till it is hot."""
        return self.tier >= 1 and bool(code.co_flags & CO_OPTIMIZED) \
            and self.join_threshold not in (0, None)

    def _handlers_of(self, code, pairs, fusion, recording=False):
        """A new list of the handlers of ``code``; with a budget, they charge it
        (``pvm.engine.charging``); ``recording``: with no superinstruction that holds
        a call but at its start, where its recorder wraps it (``_call_recorder``)."""
        budget = self.budget
        if budget is None:
            bounds = () if not recording else \
                [index for index, (opcode, _operand) in enumerate(pairs)
                 if opcode in _CALLEE_OFFSETS]
            return decoding.handlers_of(code, fusion, pairs, bounds)
        from pvm.engine import charging
        plan = charging.Plan(code, pairs, budget.guarded_operators, budget.guards_calls)
        placed = {}
        handlers = decoding.handlers_of(code, fusion, pairs, plan.bounds(), placed)
        charging.charge(budget, handlers, plan, placed, pairs, code)
        return handlers

    def _count_from_start(self, executable, code, pairs, counted=None):
        """The executable's handlers are its first: count its heat from here (or join
        or translate it at once, at a threshold of 0); ``counted``: the indexes where
        it is counted, if known (see _wrap_counters)."""
        threshold = self.join_threshold
        if threshold == 0:
            _bind_methods_in_c()
            if not self._translate(code, pairs, executable.handlers, executable):
                self._join_runs(code, pairs, executable.handlers)
        elif self._fuses_later(code):
            executable.fused = False
            self.count_heat(executable, pairs, FUSION_THRESHOLD, counted)
        elif threshold is not None:
            self.count_heat(executable, pairs, threshold, counted)

    def _join_runs(self, code, pairs, handlers, later=None, threshold=0):
        # (Imported when code first gets hot, or a world first has limits: most
        # start-ups do neither.)
        from pvm.engine import charging, hot_runs
        budget = self.budget
        plan = None if budget is None else charging.Plan(
            code, pairs, budget.guarded_operators, budget.guards_calls)
        hot_runs.join_runs(code, pairs, handlers, later, threshold, budget, plan)

    def set_budget(self, budget):
        """Charge every instruction guest code runs from now on to ``budget``: an object
        whose ``left`` (a float) stretches take their lengths from, whose
        ``refill(length)`` is called when one does not fit, and whose checks run
        before each BINARY_OP of its ``guarded_operators`` and, if it
        ``guards_calls``, each call, each formatting with a spec and each LIST_EXTEND
        and SET_UPDATE: where the operands may make much (a test over its attributes
        that ``pvm.engine.size_checks.BUDGET_NAMES`` names), its
        ``check_operation(operator, left, right)``, ``check_call(function, arguments,
        keywords)``, ``check_call_with_names(function, values)``,
        ``check_star_call(function, arguments, keywords)``, ``check_format(spec)`` or
        ``check_extend(iterable)`` is called (``pvm.engine.size_checks``; a call's
        check gives the callable to call); its ``check_clock()`` is called after each
        run joined at once (a threshold of 0), and raises where the time is up.
        The code decoded so far gets its handlers anew, its heat counted again.  Hot
        code stays at tier 0: tier 1's translations and tier 2's machine code charge
        nothing."""
        self.budget = budget
        self.tier = 0
        self.compile_machine_code = None
        self._update_run_once()
        for executable in list(self.executables.values()):
            code = executable.code_reference()
            if code is None:
                continue
            pairs = code.instructions()
            executable.set_run(self.run_call)
            executable.runner = executable.machine_code = None
            executable.fused = True
            executable.plain_handlers = None
            executable.handlers[:] = self._handlers_of(code, pairs,
                                                       self.fusion and not self._fuses_later(code))
            self._count_from_start(executable, code, pairs)
            if self.instruments:
                self._instrument_executable(executable)

    def count_heat(self, executable, pairs, threshold, counted=None):
        """Count the frame starts and loop back-edges of the executable's code: where
        they happen, its handlers are wrapped in counters until the code is hot.

        A back-edge is counted where it lands, at the loop's head: the jump itself may
        be the last part of a superinstruction (a while loop's test at its bottom),
        whose own handler never runs, while a jump's target always has its handler run.
        """
        executable.heat = threshold
        self._wrap_counters(executable, executable.handlers, pairs, counted)

    def _wrap_counters(self, executable, handlers, pairs, counted=None, record=True):
        # Weak: the counters are the executable's own handlers, and a strong reference
        # back would leave every decoded code object, once its code dies, a cycle for
        # the host's collector to find instead of memory freed at once.
        executable_reference = weakref.ref(executable)
        code = executable.code_reference()
        if counted is None:
            counted = {0} | decoding.loop_heads(code)
        for index in counted:
            handlers[index] = _counter(self, executable_reference, handlers[index])
        if record and self._records_callees(code) and self.budget is None:
            # Which function each call calls, for tier 1 to inline where one is seen.
            if executable.callees is None:
                executable.callees = {}
            for index, (opcode, operand) in enumerate(pairs or code.instructions()):
                offset = _CALLEE_OFFSETS.get(opcode)
                if offset is not None:
                    handlers[index] = _call_recorder(executable.callees, index,
                                                     offset - operand,
                                                     decoding.decoded_at(code, handlers, index))

    def join_hot_runs(self, executable):
        """Replace the executable's handlers by their hot form: the runs that keep
        running get joined (the counters go with the old handlers)."""
        if self.instruments:
            # Instrumented code runs single handlers; count again once it is not.
            executable.heat = self.join_threshold if executable.fused else FUSION_THRESHOLD
            return
        code = executable.code_reference()
        if code is None:
            return
        pairs = code.instructions()
        handlers = self._handlers_of(code, pairs, self.fusion)
        if not executable.fused:
            executable.fused = True
            if not self._translation_cached(code):
                # Warm, not yet hot: the superinstructions now, and counting goes on.
                executable.heat = self.join_threshold - FUSION_THRESHOLD
                # (Its callees recorded so far stand: a later run, whose translation
                # is cached, has only those to inline when it translates it at this
                # count, and a translation made for other callees is made again.)
                self._wrap_counters(executable, handlers, pairs, record=False)
                executable.handlers[:] = handlers
                return
        # A program that has hot code binds methods enough to repay loading _ctypes.
        _bind_methods_in_c()
        if not self._translate(code, pairs, handlers, executable):
            self._join_runs(code, pairs, handlers, executable.handlers, RUN_JOIN_THRESHOLD)
        executable.handlers[:] = handlers

    def _translation_cached(self, code):
        """Whether tier 1 has a translation of ``code`` on disk, made by an earlier run:
        warm code takes it at once.  Reading it costs a file's read, not the rest of the
        warm-up in tier 0 (deltablue's functions ran 1000 calls each there before they
        were translated, a fifth of the benchmark's time)."""
        if self.tier < 1:
            return False
        from pvm.engine import tier1
        return tier1.is_cached(code, self.join_threshold == 0)

    def _translate(self, code, pairs, handlers, executable):
        """With tier 1, put the entries of the code's translation in ``handlers``, and
        its runner in ``executable``; whether there is one."""
        if self.tier < 1:
            return False
        # Imported when code first gets hot: a program that never does pays nothing.
        from pvm.engine import tier1
        # (Kept apart where everything is translated at its first call: tier1._caches.)
        eager = self.join_threshold == 0
        callees = self._inlined_callees(executable)
        if self.report_translation is None:
            translation = tier1.translate(code, pairs, eager, callees)
        else:
            started = time.perf_counter()
            translation = tier1.translate(code, pairs, eager, callees)
            self.report_translation(code, translation, time.perf_counter() - started)
        if translation is None:
            return False
        if translation.resumer is not None:
            # A generator's: its generators run it from their start (objects._Suspendable);
            # tier 0 goes on with its joined runs where they leave it.
            executable.resumer = translation.resumer
            return False
        tier1.install(translation, handlers)
        runner = translation.runner
        if self.threaded:
            runner = getattr(runner, "full_runner", lambda: runner)()
        if self.compile_machine_code is not None:
            runner = self.compile_machine_code(code, pairs, executable, runner)
        executable.set_run(runner, runner=True)
        return True

    def _inlined_callees(self, executable):
        """The calls of ``executable``'s code that tier 0 saw call one guest function
        each, whose code may be inlined: their index -> that function's executable,
        translated now if it is not yet (it is called from hot code: the counts
        of a callee called once a call of its caller reach the threshold with its
        caller's, just after)."""
        from pvm.engine import inlining
        recorded, executable.callees = executable.callees, None
        callees = {}
        own = executable.code_reference()
        for index, code in (recorded or {}).items():
            if code is None or code is own or not inlining.may_inline(code):
                continue
            callee = self.executable_of(code)
            if callee.direct is None and callee.runner is None and not self.instruments:
                callee.fused = True
                self.join_hot_runs(callee)
            if callee.direct is not None:
                callees[index] = callee
        return callees

    def executable_of(self, code):
        executable = self.executables.get(id(code))
        return executable if executable is not None else self.decode(code)

    def instrument(self, wrapper):
        """Run every instruction through ``wrapper(handler, code, index, opcode, operand)``,
        which returns the handler to run instead (reporting, counting, printing).

        The one mechanism for all instrumentation (sys.settrace, -X trace): each
        decoded code object's handler list is replaced in place by wrapped single
        handlers, no superinstructions, while any wrapper is installed; the plain loop
        pays nothing for it.
        """
        self.instruments.append(wrapper)
        self._reinstrument()

    def uninstrument(self, wrapper):
        self.instruments.remove(wrapper)
        self._reinstrument()

    def _reinstrument(self):
        self._update_run_once()
        # Frames that translated code runs go on in the loop at its next check, where
        # the instrumented handlers see them (as tier 0's frames at their next
        # instruction): a frame whose code sets sys.settrace reports its next line.
        if self.instruments and self not in LEAVE_TRANSLATED:
            LEAVE_TRANSLATED.append(self)
        elif not self.instruments and self in LEAVE_TRANSLATED:
            LEAVE_TRANSLATED.remove(self)
        for executable in list(self.executables.values()):
            self._instrument_executable(executable)

    def _update_run_once(self):
        """Let run_once run instructions, unless each must be seen (instruments, a
        budget) or hot code is joined at once (-X jit-threshold=0, which tests the
        joining on every code object): run_once then hands its frames to their
        decoded handlers at their next instruction."""
        if self.instruments or self.budget is not None or self.join_threshold == 0:
            self.once_handlers[:] = [_decode_frame] * len(tier0.COLD)
        else:
            self.once_handlers[:] = _ONCE_HANDLERS

    def _instrument_executable(self, executable):
        code = executable.code_reference()
        if not self.instruments:
            if executable.plain_handlers is not None:
                executable.handlers[:] = executable.plain_handlers
                executable.plain_handlers = None
                executable.set_run(executable.runner or self.run_call)
                if code is not None:
                    executable.leaf = decoding.is_leaf(code)
                    executable.nests = True
            return
        if code is None:
            return
        # Instrumented frames run in the loop, which reports their events.
        executable.leaf = executable.nests = False
        executable.set_run(self.run_call)
        pairs = code.instructions()
        handlers = decoding.single_handlers(code, pairs)
        for index, (opcode, operand) in enumerate(pairs):
            for wrapper in self.instruments:
                handlers[index] = wrapper(handlers[index], code, index, opcode, operand)
        if self.budget is not None:
            from pvm.engine import charging
            # (Charged before the instruments see the instruction: a stretch that does
            # not fit in the budget does not start.)
            charging.charge(self.budget, handlers,
                            charging.Plan(code, pairs, self.budget.guarded_operators,
                                          self.budget.guards_calls), {}, pairs)
        if executable.plain_handlers is None:
            executable.plain_handlers = list(executable.handlers)
        executable.handlers[:] = handlers

    # -- frames ---------------------------------------------------------------------------

    def new_frame(self, code, globals_, locals_, closure=None, builtins=None):
        """A frame of ``code`` (not a function's) in the given namespaces; its handlers
        None if run_once is to run it: its first run, unless it is decoded already."""
        executable = self.executables.get(id(code))
        if executable is None and not code.co_flags & _NOT_RUN_ONCE \
                and id(code) not in self.ran_once:
            handlers = None
            cell_count = len(code.co_cellvars)
        else:
            if executable is None:
                executable = self.decode(code)
            handlers = executable.handlers
            cell_count = executable.cell_count
        frame = Frame()
        frame.f_code = code
        frame.handlers = handlers
        frame.f_globals = globals_
        frame.f_builtins = builtins or self.builtins_for(globals_)
        frame.interpreter = self
        frame.stack = []
        if locals_ is not None:
            frame.f_locals_mapping = locals_
        frame.fast = [UNBOUND] * len(code.co_varnames)
        if cell_count or closure:
            cells = [CellType() for _ in range(cell_count)]
            if closure:
                cells.extend(closure)
            frame.cells = cells
        return frame

    def builtins_for(self, globals_):
        builtins = globals_.get("__builtins__")
        if builtins is None:
            return self.builtins_dict
        if isinstance(builtins, dict):
            return builtins
        return builtins.__dict__

    def enter(self, function, arguments, keywords, caller):
        """A new frame for a call of ``function``, its arguments bound."""
        # The slot, not the __code__ property: this is the path of every guest call.
        code = function._code
        executable = function.executable
        if executable is NOT_DECODED:
            executable = function.executable = self.executable_of(code)
        frame = Frame()
        frame.f_code = code
        frame.handlers = executable.handlers
        frame.f_globals = function._globals
        frame.f_builtins = function._builtins
        frame.interpreter = self
        frame.stack = []
        if not keywords and function.simple_arity == len(arguments):
            arguments += executable.padding
            fast = arguments
        else:
            fast = bind(function, arguments, keywords)
        frame.fast = fast
        closure = function._closure
        if executable.cell_count:
            cells = [CellType() for _ in range(executable.cell_count)]
            for cell_index, variable_index in executable.cell_parameters:
                cells[cell_index].cell_contents = fast[variable_index]
            if closure:
                cells.extend(closure)
            frame.cells = cells
        elif closure:
            # (A generator expression's frame, say: no comprehension to run for no cell.)
            frame.cells = list(closure)
        if caller is not None:
            depth = caller.depth + 1
            if depth > self.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            frame.depth = depth
            frame.back = caller
        return frame

    def enter_init(self, cls, init, arguments, keywords, caller):
        """The frame of ``init`` (``cls.__init__``) for the call ``cls(*arguments,
        **keywords)``, its self a new instance: what ``type.__call__`` does when
        ``object.__new__`` makes the instance (see ``guest_init``).  When the frame
        returns, the loop hands the caller the instance instead of the return value,
        which must be None."""
        instance = OBJECT_NEW(cls)
        arguments.insert(0, instance)
        frame = self.enter(init, arguments, keywords, caller)
        frame.special_exit = instance
        return frame

    def call_function(self, function, arguments, keywords):
        """Call a guest function from host code (``Function.__call__``, which runs the
        common call through ``Executable.run`` itself, sends the others here)."""
        if function.kind:
            return self.suspendable(function, list(arguments), keywords or None)
        frame = self.enter(function, list(arguments), keywords or None, self.running_frame())
        return self.run_frame(frame)

    def suspendable(self, function, arguments, keywords):
        """The generator, coroutine or async generator a call of ``function`` makes: its
        frame, which runs when it is resumed, linked to whoever resumes it then."""
        self._refuse_past_the_limit()
        frame = self.enter(function, arguments, keywords, None)
        # A suspended frame may live long (200,000 of them must fit where CPython's
        # fit): its locals in a list of their own size, not the argument list that
        # enter grew, with room to spare, to hold them; none at all if it has no
        # locals (nothing stores into the fast locals of such code); and no value
        # stack until it runs (_Suspendable._resume).
        frame.fast = frame.fast.copy() if frame.fast else ()
        resumer = function.executable.resumer
        if resumer is not None and 0 in resumer.starts and not self.instruments:
            # Tier 1 has translated the code: its host generator runs the frame from the
            # start (_Suspendable._resume), made now rather than at the first next().
            # (run_by_host_generator's work written out, and the generator made with
            # no call of its __init__: every generator expression comes through here.)
            frame.translated = resumer.from_start(frame, frame.stack, frame.fast, 0)
            return new_generator(frame, function, None if resumer.handles else NO_LAYER)
        frame.stack = None
        return SUSPENDABLE_CLASSES[function.kind](frame, function)

    def _refuse_past_the_limit(self):
        """The call of a generator function needs no running frame (a frameless leaf's
        is not made for it), only its depth: CPython refuses the call past the recursion
        limit too."""
        depth = self.frameless
        if depth is None:
            depth = self.frame.depth if self.frame is not None else 0
        if depth + 1 > self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded")

    def passed_generator(self, function, arguments):
        """What a call of a generator expression's ``function`` gives the call it is
        passed to at once (CALL's ``makes_passed_generator``): the generator still to
        make (objects.PendingGenerator), which that call makes, or drives."""
        self._refuse_past_the_limit()
        # (Made with no call of a Python __init__: a third of its cost, at every
        # generator expression passed to a call.)
        pending = _new_object(PendingGenerator)
        pending.function = function
        pending.arguments = arguments
        return pending

    def iterated_generator(self, function, arguments):
        """What a call of the generator function ``function`` gives a ``for`` loop that
        iterates it at once (CALL's ``makes_iterated_generator``), or a builtin that
        does (objects.PendingGenerator): tier 1's driver of the new frame where its
        code has one (the loop alone would hold the generator, and no guest code sees
        its iterator), else the generator."""
        self._refuse_past_the_limit()
        return self.driven_generator(function, arguments)

    def driven_generator(self, function, arguments):
        """``iterated_generator`` past the recursion limit's check: CALL_OF_NEW_GENERATOR's,
        whose generator expression's call made it already (``passed_generator``)."""
        resumer = getattr(function.executable, "resumer", None)
        if resumer is None or resumer.drive is None or function.kind != CO_GENERATOR \
                or 0 not in resumer.starts or self.instruments:
            return self.suspendable(function, arguments, None)
        # (Its fast locals are the list of arguments the call made, as it made it: unlike
        # a generator's (suspendable), a driver's frame lives no longer than the loop
        # or builtin that iterates it, and a copy of exact size saves it nothing.)
        frame = self.enter(function, arguments, None, None)
        # (Where the driver yields, the locals it stores are its own: who reads them
        # finds it, host_stack.fast_locals.)
        return resumer.drive(frame, frame.stack, frame.fast, 0)

    def run_code(self, code, globals_, locals_=None):
        """Run module-level (or exec'd) code in the given namespaces."""
        if locals_ is None:
            locals_ = globals_
        frame = self.new_frame(code, globals_, locals_)
        frame.back = self.running_frame()
        # The outermost frame counts against the recursion limit too, as in CPython.
        frame.depth = self.frame.depth + 1 if self.frame is not None else 1
        return self._run_body(frame)

    def run_class_body(self, function, namespace):
        code = function.__code__
        frame = self.new_frame(code, function._globals, namespace, function._closure,
                               function._builtins)
        # The function running the class statement may run with no frame (tier 1's
        # frameless runners): made now, it is the body's f_back, and the frame that
        # asking for the running one finds is the body's, not that function's.
        caller = frame.back = self.running_frame()
        if caller is not None:
            frame.depth = caller.depth + 1
            if frame.depth > self.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
        return self._run_body(frame)

    def _run_body(self, frame):
        """Run the frame of a body to its end: in run_once, if it has no handlers."""
        if frame.handlers is not None:
            return self.run_frame(frame)
        outcome = self.run_once(frame)
        if frame.handlers is None:
            return outcome
        # Handed over, with the exception to raise first (or None) in a list the call
        # empties (see run_frame's first raise).  From here no loop on the host's stack
        # but run_frame's has the frame in its ``frame``, where running_index looks.
        return self.run_frame(frame, outcome.pop())

    # -- leaves run without a frame (tier 1) ---------------------------------------------

    def running_frame(self):
        """The guest frame running now, made if a leaf runs without one."""
        if self.frameless is not None:
            return self.materialize_frameless()
        return self.frame

    def running_frame_for(self, code):
        """The running frame, for a frame of ``code`` that tier 0's loop
        is to run under it (a callee, a resumed generator): made if functions run with
        none, which counts against their running so (see _frames_made) only once that
        code is hot.  Code still warming up is translated soon; counted, it made a
        caller of a generator expression make its frame at every call for good, and
        that caller's callers in turn (go's Board.fills_own_eye)."""
        if self.frameless is None:
            return self.frame
        return self.materialize_frameless(self.executable_of(code).heat <= 0)

    def thread_starting(self):
        """The guest starts a thread (``_thread.start_new_thread``).  Threads share the
        running frame and the frameless runners' depth (``frame``, ``frameless``), which
        a frameless runner reads to make its frame and those of its callers from its
        own host stack: another thread's frame or depth there made frames of the wrong
        runners (or none).  So the frameless runners running now get their frames, and
        from now on every translated function runs its full runner, which makes its
        frame at each call and links it to the caller it is given, as tier 0 does."""
        if self.frameless is not None:
            self.materialize_frameless(counted=False)
        if self.threaded:
            return
        self.threaded = True
        for executable in list(self.executables.values()):
            runner = executable.runner
            full_runner = getattr(runner, "full_runner", None)
            if full_runner is None:
                continue
            if executable.run is runner:
                executable.set_run(full_runner(), runner=True)
            else:
                # (Instrumented: the full runner takes the calls when instruments go.)
                executable.runner = full_runner()

    def materialize_frameless(self, counted=True):
        """Make the frames of the functions that run with none (each frameless runner
        on the host's stack above ``self.frame``), now that host code one of them
        called, or a callee, asks for the running frame (to call guest code, to warn,
        to link to it); the innermost is the running frame from now on, and their
        runners end them.  Their locals and instructions are read off the runners'
        host frames.  ``counted``: whether this counts against their running so (see
        _frames_made)."""
        # Cleared first: a finalizer run while the frames are made (a collection) asks
        # too, and must not make them twice.
        marker, self.frameless = self.frameless, None
        frame = self._frames_made(self.frame, marker + 1, 0, counted)
        if frame is self.frame:
            # Another thread's (threads share the interpreter's running frame).
            self.frameless = marker
            return frame
        self.frame = frame
        return frame

    def _frames_made(self, frame, depth, skip, counted=True, host=None):
        """Make the frames of the frameless runners on the host's stack (below the
        host frame ``host``, if given) running frames less deep than ``depth`` (past
        the ``skip`` innermost), linked from ``frame``: return the innermost
        (``frame`` if none).  Each made ``counted`` counts towards its function's
        giving up running so."""
        below = frame.depth if frame is not None else 0
        # (Each depth between ``below`` and ``depth`` is one runner's.)
        runners = frameless_runners(below, depth - 1 - below, skip, host)
        for host, variables, index in reversed(runners):
            if variables["depth"] >= depth:
                continue
            function = variables["function"]
            # The runner goes on with its host locals, and hands them over wherever it
            # leaves the frame; readers of a running frame's locals find them on the
            # host stack (host_stack.fast_locals), through ``frame.runner``.  (Not a
            # copy of them in the frame's list: it kept what the guest dropped after,
            # as long as the runner ran.)  A direct runner makes its list only where it
            # leaves: until then the frame's holds what a frameless runner's would,
            # the locals it never stores (its parameters), and UNBOUND.
            fast = variables.get("fast")
            if fast is None:
                code = function._code
                stored = stored_locals(code)
                fast = [UNBOUND if index in stored else variables.get("local_%d" % index, UNBOUND)
                        for index in range(len(code.co_varnames))]
            executable = function.executable
            executable.frames_asked += counted
            full_runner = getattr(executable.run, "full_runner", None)
            if full_runner is not None and executable.frames_asked >= FRAMES_ASKED_LIMIT:
                # A function whose frame keeps being asked for (it calls guest
                # operators back, or callees that make their frames, say) costs more
                # made so than made at each call: its calls go to the runner that
                # makes it from now on.
                executable.set_run(full_runner(), runner=True)
            frame = self._frame_of_frameless(function, fast, variables.get("cells"),
                                        variables["stack"], frame)
            frame.runner = host
            # Waiting at the instruction that called out, as a frame at a call.
            frame.resume_index = index + 1
        return frame

    def frames_below_generator(self, frame):
        """The frame ``f_back`` of the running generator's ``frame`` links to, made now
        that someone reads it: that of the innermost function running with no frame
        that resumed the generator, made with those of its callers that have none
        (Frame.f_back).  Once the generator suspends, it is the running
        frame (_Suspendable._resume)."""
        host = sys._getframe(1)
        while True:
            if host.f_code in RESUMING_CODES:
                resumer = locals_of(host)
                if resumer["frame"] is frame:
                    break
            host = host.f_back
        frame.frameless_below = None
        made = self._frames_made(resumer["outer"], resumer["frameless_resumer"] + 1, 0,
                                 host=host)
        frame.back = made
        return made

    def frameless_failed(self, function, fast, cells, stack, failed_index, error, depth,
                         counted):
        """``error`` left the function running with no frame at ``depth`` (its
        runner's locals written back to ``fast``): [its frame, made now unless made
        while it ran, and what ``runner_failed`` returns], or, raised here, the
        frame's end."""
        try:
            frame = self._own_frame(function, fast, cells, stack, depth, sys._getframe(1))
            if failed_index < 0:
                # (The runner's own entry is the traceback's first: its handler caught
                # the error.  See tier1._failures_left_to_lines.)
                failed_index = failed_in_translation(error.__traceback__)
            frame.failed_index = failed_index
            return [frame, self.runner_failed(frame, error, frame.back, counted)]
        finally:
            error = None        # (see _failed_in_call's raise)

    def frameless_to_tier0(self, function, fast, cells, stack, index, depth, counted):
        """The function running with no frame at ``depth`` (its runner's locals written
        back to ``fast``) goes on in the loop from ``index`` (``frames.LEAVE_TRANSLATED``,
        a call that entered a frame, a block not translated): its frame, made now
        unless made while it ran, runs to its end; return its value.  (Called after
        the runner's try: what this raises is the frame's end, which the runner's
        handlers must not take for an exception of its own.)"""
        frame = self._own_frame(function, fast, cells, stack, depth, sys._getframe(1))
        return self.finish_call(frame, index, frame.back, counted)

    def _own_frame(self, function, fast, cells, stack, depth, runner, skip=1):
        """The frame of the frameless runner calling (the innermost, its host frame
        ``runner``), the running frame from now on: made unless made while it ran,
        those of the frameless runners below it first (its own host locals are spent:
        ``fast`` holds its locals; ``skip``: the frames its host frame runs, the
        innermost of those found, 0 for a callee inlined whose caller's host frame is
        back at the call, where it runs one)."""
        self.frameless = None
        frame = self.frame
        # (A caller running a callee inlined runs two frames on one host frame.)
        if frame is None or frame.runner is not runner or frame.depth != depth:
            frame = self._frame_of_frameless(function, fast, cells, stack,
                                        self._frames_made(frame, depth, skip))
            self.frame = frame
        else:
            # Made while it ran: its locals are those handed over now, and it has no
            # runner any more.  Its stack is the one it had then; a runner whose stack
            # takes values only on its way out had none
            # (tier1._stack_made_on_the_way_out).
            frame.fast = fast
            frame.runner = None
            if stack is not None:
                frame.stack = stack
        return frame

    def inlined_failed(self, function, fast, error, depth, failed_index):
        """``error`` left the body of ``function`` that its caller's runner runs in
        place of a call (pvm.engine.inlining), at ``depth``, its locals in ``fast``:
        its frame, made now unless made while it ran, ends by it as a direct runner's
        does (``frameless_failed``); what tier 0 returns, where it runs the frame on
        (a tracer set meanwhile), is the call's value.  Raised here, the error is the
        caller's, at the call: this is called on the call's line."""
        try:
            frame = self._own_frame(function, fast, None, None, depth, sys._getframe(1), 0)
            if failed_index < 0:
                failed_index = failed_in_translation(error.__traceback__)
            frame.failed_index = failed_index
            failure = [self.runner_failed(frame, error, frame.back, False)]
        finally:
            error = None        # (see _failed_in_call's raise)
        return self.run_frame(frame, failure.pop())

    def frameless_returned(self, fast):
        """The function whose frame was made while it ran returns, its locals in
        ``fast``: the frame keeps them, as a frame that has ended keeps its last."""
        frame = self.frame
        if frame is not None and frame.runner is sys._getframe(1):
            frame.fast = fast
            frame.runner = None
            frame.resume_index = -1
            self.frame = frame.back

    def _frame_of_frameless(self, function, fast, cells, stack, caller):
        # The frame run_call makes, with the same attributes in the same order.
        frame = Frame()
        frame.f_code = function._code
        frame.handlers = function.executable.handlers
        frame.f_globals = function._globals
        frame.f_builtins = function._builtins
        frame.interpreter = self
        frame.stack = stack if stack is not None else []
        frame.fast = fast
        if cells is not None:
            frame.cells = cells
        frame.depth = caller.depth + 1
        frame.back = caller
        return frame

    def frame_locals(self, frame):
        """``frame.f_locals``: a function frame's is one dict, brought up to date on
        each read, as CPython's: keys that are not variables stay (pdb keeps the
        return value there), variables unbound since are dropped."""
        if frame.f_locals_mapping is not None:
            return frame.f_locals_mapping
        code = frame.f_code
        result = frame.locals_snapshot
        if result is None:
            result = frame.locals_snapshot = {}
        for name, value in zip(code.co_varnames, fast_locals(frame) or ()):
            if value is not UNBOUND:
                result[name] = value
            else:
                result.pop(name, None)
        if frame.cells:
            for name, cell in zip(code.co_cellvars + code.co_freevars, frame.cells):
                try:
                    result[name] = cell.cell_contents
                except ValueError:
                    result.pop(name, None)
        return result

    # -- the loop ---------------------------------------------------------------------------

    # The loop keeps the running frame and instruction in local variables, where
    # f_lineno of a running frame and types.FunctionType() find them (host_stack).
    @runs_guest_frames
    def run_frame(self, frame, exception=None, start=None):
        """Run ``frame`` (and the guest frames it calls) until it returns or yields.

        Returns the value returned or yielded; ``frame.resume_index`` is -1 once
        the frame has returned.  With ``exception``, the frame first raises it at
        the point where it is suspended.  With ``start``, the frame goes on as if a
        handler had returned it (a generator's translation leaving the frame to tier 0:
        an index, or ``CALL_FRAME`` or ``RETURN``).
        """
        entry = frame
        outer = self.frame
        self.frame = frame
        handlers = frame.handlers
        stack = frame.stack
        fast = frame.fast
        index = frame.resume_index if start is None else start
        try:
            while True:
                try:
                    if exception is not None:
                        index = frame.resume_index - 1
                        # Raised with no variable left holding it: a handled exception
                        # dies when the guest's handler is done with it, and with it
                        # what it holds, as in CPython.
                        pending, exception = [exception], None
                        raise pending.pop()
                    # Frame switches go straight back to running handlers, without
                    # passing the check for an exception to raise (a switch per call
                    # and per return).
                    while True:
                        while index >= 0:
                            index = handlers[index](frame, stack, fast)
                        if index == CALL_FRAME:
                            # No reference from caller to callee (nor a local variable
                            # left holding it): a finished frame must die at once, so
                            # objects and generators it held finalize on time.
                            frame.callee, frame = None, frame.callee
                            self.frame = frame
                            handlers = frame.handlers
                            stack = frame.stack
                            fast = frame.fast
                            index = 0
                        elif index == RETURN:
                            frame.resume_index = -1
                            value = frame.return_value
                            frame.return_value = None
                            if frame is entry:
                                return value
                            instance = frame.special_exit
                            frame = frame.back
                            self.frame = frame
                            handlers = frame.handlers
                            stack = frame.stack
                            fast = frame.fast
                            index = frame.resume_index
                            if instance is not None:
                                # An __init__ entered by enter_init: the call's value is
                                # the instance, as type.__call__ makes it.  (The loop's
                                # locals must not keep it alive: its finalizer runs when
                                # the program drops it, as in CPython.)
                                if value is not None:
                                    index -= 1          # the error is the call's
                                    instance = None
                                    raise init_returned(value)
                                value, instance = instance, None
                            stack.append(value)
                            # Nor this one: the caller's stack holds the value now.
                            value = None
                        else:
                            value = frame.return_value
                            frame.return_value = None
                            return value
                except BaseException as error:
                    # The host traceback (the VM's frames) means nothing to guest code,
                    # and the frame of a handler that raised holds the exception in a
                    # local: a cycle that would keep everything the exception reaches
                    # alive until the collector runs, where CPython frees it at once.
                    error.__traceback__ = None
                    if frame.failed_index >= 0:
                        # A superinstruction failed in one of its later parts.
                        index = frame.failed_index
                        frame.failed_index = -1
                    while True:
                        if frame.reraising:
                            # A re-raise has set exit_index (and adds no traceback entry).
                            frame.reraising = False
                        else:
                            self.record_raise(error, frame, index)
                            frame.exit_index = index
                            if self.tracing:
                                _tracing().report_exception(self, frame, error, index)
                        found = self.find_handler(frame, index)
                        if found is not None:
                            target, depth, push_index = found
                            del stack[depth:]
                            if push_index:
                                # The instruction the frame reports as its last: a
                                # re-raise keeps the one that first raised.
                                stack.append(frame.exit_index)
                            stack.append(error)
                            index = target
                            break
                        if self.tracing:
                            _tracing().report_unwind(self, frame)
                        self._leave_by_exception(frame, error)
                        if frame is entry:
                            raise
                        frame = frame.back
                        self.frame = frame
                        handlers = frame.handlers
                        stack = frame.stack
                        fast = frame.fast
                        index = frame.resume_index - 1
        finally:
            self.frame = outer

    @runs_guest_frames
    def run_call(self, function, arguments, caller):
        """Call ``function`` from the frame ``caller`` by running its new frame here, in
        the call, to its end; return its value.

        The calls of leaves (see ``decode.is_leaf``) come here, and those of other functions
        while the interpreter has room for them (``nesting_room``): a call such a frame
        makes past it enters its frame, which runs in a loop of its own
        (``_run_callee``), where calls switch frames as they always did.  However deep
        guest code recurses, the host's stack holds at most that many frames run in
        their calls.  An exception raised in the frame that its code may handle
        hands the frame over to the loop (``_failed_in_call``)."""
        executable = function.executable
        if caller is None:
            # Called by translated code running with no frame.
            caller = self.running_frame_for(function._code)
        if function.plain_arity == len(arguments):
            # ``enter``'s work for the common call, done here: a host call less per
            # guest call, which is a tenth of what a call of a leaf costs.  (The same
            # attributes in the same order: frames share one layout; tier 1's runners
            # make theirs so too.)
            frame = Frame()
            frame.f_code = function._code
            frame.handlers = executable.handlers
            frame.f_globals = function._globals
            frame.f_builtins = function._builtins
            frame.interpreter = self
            frame.stack = []
            arguments += executable.padding
            frame.fast = arguments
            depth = caller.depth + 1
            if depth > self.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            frame.depth = depth
            frame.back = caller
        else:
            frame = self.enter(function, arguments, None, caller)
        self.frame = frame
        if not executable.leaf:
            self.nesting_room -= 1
            return self.finish_call(frame, 0, caller, True)
        # A leaf's frame never enters another and does not count in ``nesting_room``: it
        # runs here, in finish_call's loop less what only other frames need, a host
        # call less for two guest calls in three.
        handlers = frame.handlers
        stack = frame.stack
        fast = frame.fast
        index = 0
        try:
            while index >= 0:
                index = handlers[index](frame, stack, fast)
        except BaseException as error:
            # (In a list the call empties: see run_frame's first raise.)
            failure = [self._failed_in_call(frame, error, index)]
        else:
            frame.resume_index = -1
            value = frame.return_value
            frame.return_value = None
            return value
        finally:
            self.frame = caller
        # Outside the except clause: what the loop raises must not chain to the failure.
        return self.run_frame(frame, failure.pop())

    @runs_guest_frames
    def run_once(self, frame):
        """Run the frame of a module or class body (or of exec'd text) to its end, its
        instructions not decoded: each runs through its opcode's handler of code that
        runs once (``tier0.COLD``), which works out what decoding would have bound as
        it goes.

        Most such code runs once, each instruction once (`pvm -c pass` decodes 21,000
        instructions of bodies, 60% of all it decodes, and runs none twice): decoding
        them costs more than running them, and their handlers, two objects each, are
        most of what the host's collector walks at start-up.  The code's next run is
        decoded (a class statement in a function), and so is the rest of this run
        after a jump back (a loop: see _decoded_at_loop_heads).  Where the frame needs its handlers
        (an exception to handle or report, instruments, a budget), it gets them, and
        run_once returns a list of the exception to raise there (or None) for
        run_frame to go on with the frame from there (_run_body)."""
        code = frame.f_code
        ran_once = self.ran_once
        key = id(code)
        ran_once[key] = weakref.ref(code, lambda _, key=key: ran_once.pop(key, None))
        outer = self.frame
        self.frame = frame
        words = instruction_words(code.co_code)
        handlers = self.once_handlers
        stack = frame.stack
        fast = frame.fast
        index = 0
        try:
            while True:
                while index >= 0:
                    word = words[index]
                    index = handlers[word & 0xFF](frame, stack, fast, code, word >> 8, index)
                if index == RETURN:
                    frame.resume_index = -1
                    value = frame.return_value
                    frame.return_value = None
                    return value
                if index == DECODE:
                    break
                # CALL_FRAME: the callee runs in a loop of its own, as in finish_call.
                index = frame.resume_index - 1
                stack.append(self._run_callee(frame))
                index = frame.resume_index
        except BaseException as error:
            failure = [error]
            frame.resume_index = index + 1
        else:
            failure = [None]
        finally:
            self.frame = outer
        frame.handlers = self.executable_of(code).handlers
        return failure

    @runs_guest_frames
    def finish_call(self, frame, index, caller, counted):
        """Run the frame of a call on from ``index`` (a handler's, or ``CALL_FRAME``: the
        call it has entered first) to its end; return the call's value.  ``run_call``
        starts frames here, and a tier 1 runner goes on here where its translated code
        leaves the frame to tier 0.  The frame is running (``self.frame``), and counts
        in ``nesting_room`` if ``counted``: both end here."""
        handlers = frame.handlers
        stack = frame.stack
        fast = frame.fast
        try:
            while True:
                while index >= 0:
                    index = handlers[index](frame, stack, fast)
                if index == RETURN:
                    break
                # The frame waits at its call (where running_index sees it).
                index = frame.resume_index - 1
                stack.append(self._run_callee(frame))
                index = frame.resume_index
        except BaseException as error:
            # (In a list the call empties: see run_frame's first raise.)
            failure = [self._failed_in_call(frame, error, index)]
        else:
            frame.resume_index = -1
            value = frame.return_value
            frame.return_value = None
            return value
        finally:
            if counted:
                self.nesting_room += 1
            self.frame = caller
        # Outside the except clause: what the loop raises must not chain to the failure.
        return self.run_frame(frame, failure.pop())

    def runner_failed(self, frame, error, caller, counted):
        """``error`` left the translated code of a frame a tier 1 runner runs in its call
        (``finish_call``'s work when its loop fails): the error to raise in the frame
        for the loop (``run_frame``) to handle, or, raised here, the frame's end."""
        try:
            if frame.failed_index < 0:
                # (The runner's own entry is the traceback's first: its handler caught
                # the error.  See tier1._failures_left_to_lines.)
                frame.failed_index = failed_in_translation(error.__traceback__)
            return self._failed_in_call(frame, error, 0)
        finally:
            error = None        # (see _failed_in_call's raise)
            if counted:
                self.nesting_room += 1
            self.frame = caller

    def run_init_call(self, cls, init, arguments, caller):
        """``cls(*arguments)`` where ``init`` is ``cls.__init__``, its frame run by
        ``run_call``: the call's value is a new instance, as ``type.__call__`` makes it
        when ``object.__new__`` does (see ``guest_init``)."""
        instance = OBJECT_NEW(cls)
        arguments.insert(0, instance)
        value = init.executable.run(init, arguments, caller)
        if value is not None:
            raise init_returned(value)
        return instance

    def _run_callee(self, frame):
        """Run the frame ``frame``'s call entered in a loop of its own; return the
        call's value (an ``__init__``'s instance, for a frame of ``enter_init``)."""
        callee = frame.callee
        frame.callee = None
        value = self.run_frame(callee)
        instance = callee.special_exit
        if instance is not None:
            if value is not None:
                raise init_returned(value)
            return instance
        return value

    def _failed_in_call(self, frame, error, index):
        """``error`` was raised at ``index`` in a frame run by its call.  Where the
        frame's code may handle it (or a tracer must see it), the loop takes the frame
        over from there: the error is returned, for ``run_frame`` to raise there.  Else
        it leaves the frame."""
        if frame.f_code.co_exceptiontable or self.tracing:
            frame.resume_index = index + 1
            return error
        error.__traceback__ = None
        if frame.failed_index >= 0:
            index = frame.failed_index
            frame.failed_index = -1
        self.record_raise(error, frame, index)
        frame.exit_index = index
        self._leave_by_exception(frame, error)
        try:
            raise error
        finally:
            # The error's host traceback holds this frame: without the error in its
            # locals they make no cycle, and an error the guest or the host catches
            # is freed when it is done with, not left to the collector (at start-up,
            # 9 caught AttributeErrors were 1,540 of site's 1,840 objects of cyclic
            # garbage, with the host frames their tracebacks held).
            error = None

    def _leave_by_exception(self, frame, error):
        """An exception that nothing in ``frame`` handles leaves it."""
        frame.resume_index = -1
        runs_on = self.hidden_from_tracebacks.get(frame.f_code.co_filename)
        if runs_on is not None:
            _hide_frames(error, frame.f_code.co_filename, runs_on)
        # The frame is done: its values go now, as in CPython, not when the exception
        # (whose traceback holds the frame) is collected.
        frame.stack.clear()

    def record_raise(self, error, frame, index):
        """Add the traceback entry of ``frame``; chain an exception new to guest code to
        the handled one.

        CPython chains an exception when it is raised, not as it unwinds through
        frames: an exception with entries already has been chained where it was
        raised (a raise statement chains for itself, see RAISE_VARARGS).  One without
        entries was raised by host code this frame called, and chains here.
        """
        entry = (frame.f_code, index, frame)
        try:
            error.__pvm_traceback__.append(entry)
        except AttributeError:
            try:
                error.__pvm_traceback__ = guest_traceback.Entries((entry,))
            except (AttributeError, TypeError):
                return
            self.chain_to_handled(error)

    def current_handled(self):
        """The exception being handled: sys.exception(), a bare raise, implicit chaining."""
        handled = self.handled
        if handled is None:
            for handled in reversed(self.handled_below):
                if handled is not None:
                    return handled
        return handled

    def chain_to_handled(self, error, replace=False):
        """Set ``error.__context__`` to the exception being handled, if it has no context
        yet (``replace``: even if it has one, as a raise statement does)."""
        handled = self.current_handled()
        if handled is not None and handled is not error \
                and (replace or error.__context__ is None):
            # Chaining must not make a cycle: cut the chain where it meets ``error``.
            # The chain may hold a cycle of its own (guest code can set __context__):
            # a second pointer moving at half speed meets the first one there.
            link = trailing = handled
            trailing_moves = False
            while True:
                context = link.__context__
                if context is None:
                    break
                if context is error:
                    link.__context__ = None
                    break
                link = context
                if link is trailing:
                    break
                if trailing_moves:
                    trailing = trailing.__context__
                trailing_moves = not trailing_moves
            error.__context__ = handled

    def find_handler(self, frame, index):
        for start, end, target, depth, push_index in frame.f_code.co_exceptiontable:
            if start <= index < end:
                return target, depth, push_index
        return None

    # -- generators and coroutines --------------------------------------------------------

    def suspended_in_send(self, frame):
        return frame.resume_index in self.executable_of(frame.f_code).send_targets

    def finish_send(self, frame, value):
        """The iterator a yield from / await delegates to has returned ``value``."""
        frame.stack[-1] = value
        frame.resume_index = self.executable_of(frame.f_code).send_targets[frame.resume_index]

    def awaitable_iterator(self, value, where):
        """What ``await value`` iterates over; ``where`` is GET_AWAITABLE's operand."""
        kind = type(value)
        if kind is Coroutine:
            # Awaited in place, as in CPython: the awaiting frame's cr_await is it.
            if value._delegate() is not None:
                raise RuntimeError("coroutine is being awaited already")
            return value
        if kind is Generator and value._frame.f_code.co_flags & CO_ITERABLE_COROUTINE:
            return value
        method = getattr(kind, "__await__", None)
        if method is None:
            if where == opcodes.AWAIT_AFTER_AENTER:
                raise TypeError("'async with' received an object from __aenter__ that does "
                                "not implement __await__: %s" % kind.__name__)
            if where == opcodes.AWAIT_AFTER_AEXIT:
                raise TypeError("'async with' received an object from __aexit__ that does "
                                "not implement __await__: %s" % kind.__name__)
            raise TypeError("object %s can't be used in 'await' expression" % kind.__name__)
        iterator = method(value)
        if type(iterator) is Coroutine:
            raise TypeError("__await__() returned a coroutine")
        if not hasattr(iterator, "__next__"):
            raise TypeError("__await__() returned non-iterator of type '%s'"
                            % type(iterator).__name__)
        return iterator

    def combine_except_star(self, original, raised):
        """What a try/except* raises at its end: None, or the unhandled and raised exceptions."""
        exceptions = [item for item in raised if item is not None]
        if not exceptions:
            return None
        if not isinstance(original, BaseExceptionGroup):
            return exceptions[0]
        original_leaves = {id(leaf) for leaf in _leaves(original)}
        reraised_leaves = set()
        new = []
        for item in exceptions:
            leaves = _leaves(item)
            if all(id(leaf) in original_leaves for leaf in leaves):
                reraised_leaves.update(id(leaf) for leaf in leaves)
            else:
                new.append(item)
        reraised = None
        if reraised_leaves:
            reraised = original.subgroup(
                lambda leaf: not isinstance(leaf, BaseExceptionGroup)
                and id(leaf) in reraised_leaves)
            guest_traceback.copy_group_tracebacks(original, reraised)
        if not new:
            return reraised
        if reraised is not None:
            new.append(reraised)
        if len(new) == 1 and _LONE_RAISE_UNWRAPPED:
            return new[0]
        return ExceptionGroup("", new) if all(isinstance(item, Exception) for item in new) \
            else BaseExceptionGroup("", new)

    # -- imports -------------------------------------------------------------------------

    def import_name(self, frame, name, fromlist, level):
        importer = frame.f_builtins.get("__import__")
        if importer is None:
            raise ImportError("__import__ not found")
        locals_ = frame.f_locals_mapping
        return importer(name, frame.f_globals, locals_, fromlist, level)

    def import_from(self, module, name):
        try:
            return getattr(module, name)
        except AttributeError:
            pass
        module_name = getattr(module, "__name__", None)
        if isinstance(module_name, str):
            full = module_name + "." + name
            if full in self.modules:
                return self.modules[full]
        if module_name is None:
            module_name = "<unknown module name>"
        location = getattr(module, "__file__", None)
        if location is None:
            message = "cannot import name '%s' from '%s' (unknown location)" % (name, module_name)
        else:
            message = "cannot import name '%s' from '%s' (%s)" % (name, module_name, location)
        if getattr(getattr(module, "__spec__", None), "_initializing", False):
            message = ("cannot import name '%s' from partially initialized module '%s' "
                       "(most likely due to a circular import) (%s)"
                       % (name, module_name, location))
        raise ImportError(message, name=module_name, path=location)


# pvm.engine.tracing and pvm.engine.method_binding are imported when first needed (a
# tracer set, code gotten hot): most starts need neither, and they cost 0.16 ms of
# `pvm -S -c pass`'s host imports.

def _tracing():
    from pvm.engine import tracing
    return tracing


def _bind_methods_in_c():
    from pvm.engine.method_binding import bind_in_c
    bind_in_c(Function)


def _counter(interpreter, executable_reference, handler):
    """``handler`` behind a count of the executable's heat (see count_heat).  Its values
    are parameters with defaults, as the handlers' are (docs/architecture.md): a
    function and a tuple for the host's collector, where a closure is five objects."""
    def count_then_run(frame, stack, fast, interpreter=interpreter,
                       executable_reference=executable_reference, handler=handler):
        executable = executable_reference()
        executable.heat -= 1
        if executable.heat <= 0:
            interpreter.join_hot_runs(executable)
        return handler(frame, stack, fast)
    return count_then_run


# Where a call's callee is on the stack, as an offset from its top before the count of
# arguments is taken off: CALL's under its arguments, CALL_METHOD's under NULL too.
_CALLEE_OFFSETS = {opcodes.CALL: -1, opcodes.CALL_METHOD: -2}


def _call_recorder(callees, index, offset, handler):
    """``handler`` of the call at ``index``, behind a record of the code of the guest
    function it calls (a bound method's) in ``callees`` (see Executable.callees), the
    callee read at ``offset`` from the stack's top."""
    def record_then_run(frame, stack, fast, callees=callees, index=index, offset=offset,
                        handler=handler):
        callee = stack[offset]
        kind = type(callee)
        if kind is MethodType:
            callee = callee.__func__
            kind = type(callee)
        if kind is Function:
            # (Its code: the function is decoded at its first call, after this.)
            code = callee._code
            if callees.setdefault(index, code) is not code:
                callees[index] = None
        else:
            callees[index] = None
        return handler(frame, stack, fast)
    return record_then_run


def _decoded_at_loop_heads(cold_jump):
    """run_once's handler of a jump: one back to a loop's head hands the frame to its
    decoded handlers there, where its heat is counted as any code's.  (A script that
    does its work in a loop at module level runs it decoded, joined once hot.)"""
    def jump(frame, stack, fast, code, operand, index, cold_jump=cold_jump):
        target = cold_jump(frame, stack, fast, code, operand, index)
        if 0 <= target <= index:
            frame.resume_index = target
            return DECODE
        return target
    return jump


# run_once's handlers while nothing asks for decoded ones (see _update_run_once).
_ONCE_HANDLERS = [_decoded_at_loop_heads(handler)
                  if handler is not None and number in opcodes.HAS_JUMP else handler
                  for number, handler in enumerate(tier0.COLD)]


def _decode_frame(frame, stack, fast, code, operand, index):
    """run_once's handler of every opcode while the frame's instructions must run
    decoded: hands the frame to its handlers there (``DECODE``)."""
    frame.resume_index = index
    return DECODE


def _not_installed(hook):
    """What a hook does until a world installs it: an engine alone has no world to ask."""
    def missing(*arguments):
        raise RuntimeError("no world has installed the interpreter's %s hook" % hook)
    return missing


def _hide_frames(error, filename, runs_on):
    """An exception leaves a frame of ``filename``: drop its traceback entry and those
    of the frames of ``runs_on`` directly inside it."""
    entries = error.__dict__.get("__pvm_traceback__")
    if entries and entries[-1][0].co_filename == filename:
        entries.pop()
        while entries and entries[-1][0].co_filename == runs_on:
            entries.pop()


def _leaves(exception):
    if isinstance(exception, BaseExceptionGroup):
        result = []
        for inner in exception.exceptions:
            result.extend(_leaves(inner))
        return result
    return [exception]


__all__ = ["Interpreter", "Executable"]
