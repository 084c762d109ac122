"""What only the host's stack knows: where the running guest frame is, and which
interpreter runs it.

The loop keeps the index of the running instruction in a local variable and stores
it on the frame only at calls (a store per instruction would slow every program
down), so the host frame of the loop running a guest frame is the one place that
knows it; and the innermost loop on the host's stack is the interpreter whose guest
code called the host code that asks.  Only introspection pays for the walk
(``f_lineno`` of a running frame, ``types.FunctionType(...)`` called by guest code).

The loop marks itself (``runs_guest_frames``), so this module, below the loop's and
the frames', needs to import neither.
"""

import sys
# weakref.py's ref is _weakref's: taken from there, start-up does without weakref.py
# (and _weakrefset, itertools).
import _weakref as weakref

# The ids of the code objects of the functions marked by runs_guest_frames (which live
# as long as the process: by id, a look-up hashes no code object).
_LOOP_CODES = set()
# The host code of handlers that run several instructions (pvm.engine.hot_runs) -> for
# each of its host lines, the position in the run of the instruction it belongs to.
_RUN_LINES = {}


# The tables of tier 1's host code below are keyed by the code object's id, each entry
# dropped when its code dies: a walk looks every host frame up, and a WeakSet's look-up
# (Python code, making a weak reference, hashing the code object by value) was a tenth
# of a program whose leaves call guest operators back.

# The host code of tier 1's functions (pvm.engine.tier1), whose host line is the index
# of the guest instruction running plus one -> how many of the guest frame's locals it
# keeps in host locals (local_0, local_1, ...), where ``frame.fast`` is behind.
_TRANSLATED = {}
# Those of them that are runners: each makes the guest frame it runs (in its local
# variable ``frame``, the interpreter in ``interpreter``), where no loop runs it.
_RUNNERS = {}


# Those runners that run a function without making its frame (tier1's frameless
# runners): their locals ``local_0``, ``local_1``... are the frame's (those they do
# not keep so are in ``fast``, which a direct runner makes only where it leaves its
# frame), ``function`` and ``stack`` what the frame would hold, ``depth`` its depth.
_FRAMELESS_RUNNERS = {}
# Those of them that run the bodies of callees in place of their calls
# (pvm.engine.inlining): the number of each site -> (the index of its call, the
# variable that holds the callee's function there).  A line past SITE_LINES is the
# callee's, at the site it says; the callee's depth is its caller's plus one.
_INLINED = {}
# (pvm.engine.inlining's, which this module, below the translator, does not import.)
SITE_LINES = 1_000_000


def _register(table, code, value):
    key = id(code)
    table[key] = (value, weakref.ref(code, lambda _, key=key: table.pop(key, None)))


def register_translated(host_code, host_locals, runner=False, frameless=False,
                        inlined=None):
    """Say that ``host_code`` runs a whole guest code object, its host lines numbered
    by the guest instructions, the first ``host_locals`` of its frame's locals kept in
    host locals while it runs; a ``runner`` makes the frame itself, unless it is
    ``frameless``, and runs the callees ``inlined`` (their site's number -> the
    call's index) in place of those calls."""
    _register(_TRANSLATED, host_code, host_locals)
    if runner:
        _register(_RUNNERS, host_code, True)
    if frameless:
        _register(_FRAMELESS_RUNNERS, host_code, True)
    if inlined:
        _register(_INLINED, host_code, inlined)


def failed_in_translation(traceback):
    """The index of the guest instruction that failed where ``traceback`` (an entry of
    an error's traceback) says tier 1's host code raised: its line less one, as every
    line of it is its instruction's plus one (an inlined callee's, the callee's
    instruction); -1 for any other host code, or none."""
    if traceback is not None and id(traceback.tb_frame.f_code) in _TRANSLATED:
        return traceback.tb_lineno % SITE_LINES - 1
    return -1


def _inlined_site(host, line):
    """(the number of the site where the host frame ``host`` of a frameless runner
    runs the body of a callee inlined, at ``line``, the index of that site's call, the
    variable holding the callee's function), or None where the line is the runner's
    own."""
    if line < SITE_LINES:
        return None
    number = line // SITE_LINES
    return (number,) + _INLINED[id(host.f_code)][0][number]


def _callee_variables(variables, site):
    """The variables of the callee inlined at ``site`` (see _inlined_site), named as a
    frameless runner's are, from its caller's ``variables``."""
    prefix = "i%d_" % site[0]
    callee = {name[len(prefix):]: value for name, value in variables.items()
              if name.startswith(prefix)}
    callee["function"] = variables[site[2]]
    callee["depth"] = variables["depth"] + 1
    callee["stack"] = None
    return callee


def _own_variables(host, variables, frame):
    """The variables of the host frame ``host`` of a runner running ``frame``, as
    ``frame``'s runner names them: those of the callee inlined where it runs, if that
    is ``frame``."""
    site = _inlined_site(host, host.f_lineno)
    if site is not None and variables.get("depth", -1) + 1 == frame.depth:
        return _callee_variables(variables, site)
    return variables


def frameless_runners(below, count, skip=0, host=None):
    """(the host frame, its variables, the running instruction's index) of the ``count`` innermost
    frameless runners on the host's stack (below the host frame ``host``, if given)
    running a frame deeper than ``below`` (a depth) with none of its own, innermost
    first, past the ``skip`` innermost of them (fewer: another thread's are not on this
    stack).  The walk ends there, not at the bottom of the stack."""
    found = []
    if host is None:
        host = sys._getframe(1)
    while host is not None and len(found) < count:
        if id(host.f_code) in _FRAMELESS_RUNNERS:
            variables = locals_of(host)
            if variables.get("depth") is not None:
                line = host.f_lineno
                site = _inlined_site(host, line)
                # (A caller running the body of a callee inlined runs two frames.)
                frames = [(variables, line - 1)] if site is None else \
                    [(_callee_variables(variables, site), line % SITE_LINES - 1),
                     (variables, site[1])]
                for own, index in frames:
                    if own["depth"] <= below or len(found) == count:
                        return found
                    if skip:
                        skip -= 1
                    else:
                        found.append((host, own, index))
        host = host.f_back
    return found


def locals_of(host):
    """The local variables of the running host frame ``host``, copied out of the
    mapping ``f_locals`` fills, which is emptied: the frame keeps that mapping while it
    runs, and what it held (a local the guest deleted since) would live as long."""
    mapping = host.f_locals
    variables = dict(mapping)
    mapping.clear()
    return variables


# Guest code objects with a translation, by id -> the indices of the locals it keeps in
# host locals and stores (and writes back to ``fast`` only on its way out), with the
# weak reference that drops the entry when the code dies.  By id, not a
# WeakKeyDictionary: its look-up compares a new weak reference with the stored one,
# which compares the code objects by value (every super() call paid for it).
_STORED_LOCALS = {}


def register_stored_locals(guest_code, stored):
    """Say that the translation of ``guest_code`` stores the locals ``stored`` (indices)
    in host locals: any other local of its frames is current in ``frame.fast``."""
    key = id(guest_code)
    reference = weakref.ref(guest_code, lambda _, key=key: _STORED_LOCALS.pop(key, None))
    _STORED_LOCALS[key] = (frozenset(stored), reference)


def stored_locals(code):
    """The indices of the locals of ``code`` its translation stores in host locals."""
    entry = _STORED_LOCALS.get(id(code))
    return entry[0] if entry is not None else frozenset()


def fast_local(frame, index):
    """``fast_locals(frame)[index]``, with no walk of the host's stack where no
    translation stores the local (``super()`` reads the first: most methods never
    store their ``self``)."""
    entry = _STORED_LOCALS.get(id(frame.f_code))
    if entry is None or index not in entry[0]:
        return frame.fast[index]
    return fast_locals(frame)[index]


def fast_locals(frame):
    """The values of ``frame``'s fast locals now: ``frame.fast``, unless a tier 1
    function running the frame holds them in its host locals.

    Such a function is above the loop running the frame, if one does: the walk stops
    there (``super()`` asks for the innermost frame, a few host frames down)."""
    host = sys._getframe(1)
    while host is not None:
        code = host.f_code
        if id(code) in _LOOP_CODES:
            if host.f_locals.get("frame") is frame:
                break
        else:
            entry = _TRANSLATED.get(id(code))
            count = entry[0] if entry is not None else 0
            variables = host.f_locals if count else None
            if variables is not None and _runs(host, variables, frame):
                # (A local the function neither reads nor stores is not among them.)
                own = _own_variables(host, variables, frame)
                return _taken_from_host_locals(own, frame.fast[:count] if own is variables
                                               else frame.fast)
        host = host.f_back
    suspended = _suspended_host_generator(frame)
    if suspended is not None:
        # Suspended where tier 1's host generator yields, with the locals it stores in
        # its host locals (tier1._resumer_body).
        return _taken_from_host_locals(locals_of(suspended.gi_frame), frame.fast)
    return frame.fast


def _taken_from_host_locals(variables, values):
    """``values``, a frame's fast locals, each replaced by the host local ``local_N``
    that holds it in ``variables``, a translation's host locals, where one does."""
    return [variables.get("local_%d" % index, value) for index, value in enumerate(values)]


def _suspended_host_generator(frame):
    """The host generator of tier 1 that holds ``frame`` suspended where it yields, if
    one does: a resumer (``frame.translated``), or a driver (``Interpreter.
    driven_generator``).  The frame does not keep its driver (the driver's host frame
    keeps the frame: it would be a cycle, and a weak reference a cost at each generator
    expression's call): it is found among the frame's referrers, a search only this
    rare reader pays for (a frame of a generator expression kept while it ran, read
    while its driver is suspended)."""
    generator = frame.translated
    if generator is None:
        if frame.generator is not None or frame.resume_index <= 0 \
                or not frame.f_code.co_flags & _CO_GENERATOR:
            return None
        import gc
        generator = next((referrer for referrer in gc.get_referrers(frame)
                          if type(referrer) is _HOST_GENERATOR
                          and id(referrer.gi_code) in _TRANSLATED
                          and referrer.gi_frame is not None
                          and locals_of(referrer.gi_frame).get("frame") is frame), None)
        if generator is None:
            return None
    # (Not where it hands the frame to tier 0: the frame's fast is current there.)
    if generator.gi_frame is None or generator.gi_running or generator.gi_yieldfrom is not None:
        return None
    return generator


_CO_GENERATOR = 0x20      # (pvm.code's CO_GENERATOR: this module imports none of pvm's)


def _a_host_generator():
    yield


_HOST_GENERATOR = type(_a_host_generator())


def register_run_lines(host_code, line_parts):
    """Say which instruction of its run each line of a joined handler runs (``line_parts``
    by line number, from 1), so that a frame running one is seen at the right place."""
    _RUN_LINES[host_code] = line_parts


def runs_guest_frames(loop):
    """Mark ``loop`` as a function that runs guest frames, whose host frame keeps the
    interpreter in its local variable ``self``, the guest frame it runs in ``frame``
    and the index of the instruction running there in ``index``."""
    _LOOP_CODES.add(id(loop.__code__))
    return loop


def _running_loops():
    """Each loop and runner on the host's stack, innermost first, with the host frame
    it is calling (a loop's running handler, or None)."""
    host = sys._getframe(1)
    called = None
    while host is not None:
        if id(host.f_code) in _LOOP_CODES or id(host.f_code) in _RUNNERS:
            yield host, called
        called = host
        host = host.f_back


def _runs(host, variables, frame):
    """Whether the host frame ``host`` with ``variables`` runs ``frame``: its
    ``frame``, or it is the frameless runner ``frame`` was made for while it ran."""
    return variables.get("frame") is frame or frame.runner is host


def running_index(frame):
    """The index of the instruction ``frame`` is running now (or, if no loop runs it,
    the one it stopped after)."""
    for host, handler in _running_loops():
        variables = host.f_locals
        if _runs(host, variables, frame):
            if id(host.f_code) in _RUNNERS:
                line = host.f_lineno
                site = _inlined_site(host, line)
                if site is None:
                    return line - 1
                # The callee inlined there, or its caller, waiting at the call.
                if variables.get("depth", -1) + 1 == frame.depth:
                    return line % SITE_LINES - 1
                return site[1]
            index = variables["index"]
            # The loop knows where the running handler started; one that runs a whole
            # run of instructions knows by its host line which one it is at.
            if handler is not None:
                if id(handler.f_code) in _TRANSLATED:
                    return handler.f_lineno - 1
                line_parts = _RUN_LINES.get(handler.f_code)
                if line_parts is not None:
                    part = line_parts[handler.f_lineno - 1]
                    if part is not None:
                        index += part
            return index
    return max(frame.resume_index - 1, 0)


def guest_frame_on(host, interpreter):
    """The guest frame that the innermost loop or runner of ``interpreter`` at or
    outside the host frame ``host`` (another thread's, from ``sys._current_frames``)
    runs, or None where no guest code of it runs there."""
    while host is not None:
        code_id = id(host.f_code)
        if code_id in _LOOP_CODES or code_id in _RUNNERS:
            variables = host.f_locals
            owner = variables.get("interpreter" if code_id in _RUNNERS else "self")
            frame = variables.get("frame")
            if owner is interpreter and frame is not None:
                return frame
        host = host.f_back
    return None


def running_interpreter():
    """The interpreter whose loop is running guest code that called the host (the
    innermost, should interpreters nest)."""
    for host, _handler in _running_loops():
        return host.f_locals["interpreter" if id(host.f_code) in _RUNNERS else "self"]
    raise RuntimeError("no pvm interpreter is running")
