"""Where guest code may be run in the middle of other guest code: a signal handler's.

CPython runs a Python signal handler at its "eval breaker" checks (backward jumps,
function starts, after calls of built-in functions), never inside the C code that
moves a frame from one instruction to the next.  pvm's loop is host Python code, and
the host delivers signals at the same checks *in pvm's own code*: in the middle of
making a frame, of unwinding an exception, of switching frames.  A guest handler run
(or an exception raised) there would corrupt that work: the guest's ``except`` and
``finally`` could be skipped.  So the world's host handler only records a signal,
asks this module whether the host frame it was delivered in is a place where guest
code may run, and otherwise asks the host to check again at its next check
(``pvm.world.signals``).

Two kinds of host frame are such places:

- a loop (``host_stack.runs_guest_frames``) at the backward jump of
  ``while index >= 0``: one instruction has finished, the next has not started, the
  loop's locals say exactly where the guest frame is.  The host checks there at every
  instruction the loop dispatches; of those boundaries, the guest's handlers run at
  the ones where CPython checks (a frame's start, a loop's head after a jump back,
  after a call), so a recorded signal waits for the next of them.
- an instruction's handler (generated code), called by a loop, at a host call: the
  guest instruction is calling a host function (``time.sleep``, a lock's ``acquire``,
  a read), which checked for signals as it waited, or has just returned (CPython's
  CALL checks then too).  An exception there is the call's, as in CPython: handlers
  are written so that any host call in them may raise.

This costs nothing: the host makes these checks anyway, and only a delivered signal
looks at the stack.
"""

from pvm.engine import tier0
from pvm.engine.decode import FUSED_FILE, STAND_IN_CODE
from pvm.opcodes import BY_NAME, HAS_JUMP
from pvm.engine.host_stack import _LOOP_CODES

# The host code of instruction handlers: tier 0's and its superinstructions, and hot
# code's joined runs (pvm.engine.hot_runs).  (Tier 1's translations keep guest
# locals in host locals: a signal waits for their return to a loop.)
_HANDLER_FILES = frozenset({tier0.__file__, FUSED_FILE, "<pvm joined run>"})
_GUEST_CALLS = frozenset(BY_NAME[name].number
                         for name in ("CALL", "CALL_METHOD", "CALL_KW", "CALL_FUNCTION_EX"))
# A handler's host name is its body's (a superinstruction's, its parts' joined by "__";
# a handler of code that runs once, "cold_" and its body's): only a guest call's host
# calls are the guest's, the calls' bodies and their variants (CALL_OF_GUEST_METHOD...),
# which are those that may enter a frame.  (CPython checks after a call, not inside an
# addition whose host code happens to call a function.)
_GUEST_CALL_NAMES = tier0.ENTERS_FRAME
# Host code that wraps handlers and calls them from a loop (pvm.world.limits'), as
# registered by ``wraps_handlers``; the stand-in that makes a handler and runs it the
# first time its instruction runs (pvm.engine.decode.lazy_handlers); and the cold
# handlers that pick a variant of their instruction's body and call its own
# (``tier0.cold_any_CALL``: code that runs once).
_WRAPPER_CODES = {STAND_IN_CODE} | {function.__code__ for name, function in vars(tier0).items()
                                    if name.startswith("cold_any_")}
# Each loop's host code -> the offsets of its dispatch back-edge (found when first
# asked: only programs that handle signals ask).
_BOUNDARIES = {}


def wraps_handlers(host_code):
    """Say that ``host_code`` runs between a loop and the handler it calls."""
    _WRAPPER_CODES.add(host_code)


def guest_code_may_run(host_frame):
    """Whether a guest signal handler may run (and raise) where ``host_frame``, the
    innermost host frame, is now."""
    code = host_frame.f_code
    if id(code) in _LOOP_CODES:
        if host_frame.f_lasti not in _boundaries_of(code):
            return False
        variables = host_frame.f_locals
        return _is_check_point(variables["frame"].f_code, variables["index"])
    if code.co_filename not in _HANDLER_FILES \
            or code.co_code[host_frame.f_lasti] not in _CALL_OPCODES \
            or _GUEST_CALL_NAMES.isdisjoint(code.co_name.removeprefix("cold_").split("__")):
        return False
    caller = host_frame.f_back
    while caller is not None and caller.f_code in _WRAPPER_CODES:
        caller = caller.f_back
    return caller is not None and id(caller.f_code) in _LOOP_CODES


def _is_check_point(code, index):
    """Whether CPython checks for signals just before the instruction at ``index``
    runs: at a frame's start, after a jump back (at the loop's head) and after a
    call.  Elsewhere straight-line code runs uninterrupted, as in CPython, which
    programs rely on (``finally: armed = False``)."""
    if index == 0:
        return True
    pairs = code.instructions()
    if 0 < index <= len(pairs) and pairs[index - 1][0] in _GUEST_CALLS:
        return True
    return any(target == index and source >= index and opcode in HAS_JUMP
               for source, (opcode, target) in enumerate(pairs))


def checking_instruction(host_frame):
    """Where CPython would have checked for the signal being handled at
    ``host_frame`` (a place ``guest_code_may_run`` allows): the index of the guest
    instruction an exception its handler raises is raised by, or None for the one
    the loop reports anyway (the instruction running, or about to run).

    Between two instructions, the next one has not started: where it is a loop's
    head, CPython checked at the jump back to it (the last such jump: a loop's
    bottom), whose line its traceback shows."""
    if id(host_frame.f_code) not in _LOOP_CODES:
        return None
    variables = host_frame.f_locals
    frame, index = variables["frame"], variables["index"]
    jumps_back = [source for source, (opcode, target) in enumerate(frame.f_code.instructions())
                  if target == index and source >= index and opcode in HAS_JUMP]
    return jumps_back[-1] if jumps_back else None


def _boundaries_of(code):
    offsets = _BOUNDARIES.get(code)
    if offsets is None:
        offsets = _BOUNDARIES[code] = _dispatch_back_edge(code)
    return offsets


def _dispatch_back_edge(code):
    """The offsets where the host checks for signals at the back-edge of ``code``'s
    ``while index >= 0:``: its conditional backward jump and the comparison before it
    (the host's specialized compare-and-jump checks at the comparison).  Only that
    loop jumps back on a condition."""
    offsets = set()
    before = None
    raw = code.co_code
    for offset in range(0, len(raw), 2):
        operation = raw[offset]
        if operation == _CACHE:
            continue
        if operation == _BACKWARD_IF_TRUE:
            offsets.update((before, offset))
        before = offset
    return frozenset(offsets)


# The host's opcodes (3.11's), written out: the opcode module costs every start some
# 0.6 ms to import, and the host's numbers are fixed for a release (tests/test_signals.py
# compares them with opcode.opmap).
_HOST_OPCODES = {"CACHE": 0, "PRECALL": 166, "CALL": 171, "CALL_FUNCTION_EX": 142,
                 "POP_JUMP_BACKWARD_IF_TRUE": 176}
_CALL_OPCODES = frozenset(_HOST_OPCODES[name]
                          for name in ("PRECALL", "CALL", "CALL_FUNCTION_EX"))
_CACHE = _HOST_OPCODES["CACHE"]
_BACKWARD_IF_TRUE = _HOST_OPCODES["POP_JUMP_BACKWARD_IF_TRUE"]
