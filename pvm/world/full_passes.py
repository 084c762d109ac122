"""The host's full collections, held off while a time-limited world nears its deadline.

A collection of the host's oldest generation walks every object the process tracks,
and each one's references: a guest that made 200,000 lists of 100 items has made a
pass of some 0.3 s (0.16 s to 0.7 s measured, longer on a loaded machine).  Nothing
interrupts a pass, and the collector starts one wherever an allocation tips its
thresholds, in the middle of guest code; a pass that starts just before a world's
deadline ends that long after it, and the time limit fires only then
(``x = []; while True: x.append([0] * 100)`` with ``seconds=0.3`` ran 0.68 s).

So while a world with a time limit runs and its deadline is nearer than ``window()``
(a few times the last full pass the process made, and never less than ``FLOOR``),
the oldest generation's threshold is raised past reach (``hold``): the young
generations are still collected, and the world's run ends by the deadline, so what
cyclic garbage waits is what the guest makes in that window at most.  When the run
ends (``release``), the thresholds are put back at the start of the next collection,
itself a young one, so that the held pass runs at the collection after that one, in
the host's time, not at the world's last instructions.

Not guaranteed: a pass that started before the window opened and lasts longer than
the window (a heap that grew much since the last pass: the window is four of them);
the first full pass of a process whose heap is large before any pass was measured
(``FLOOR`` covers some 300,000 lists); what another thread allocates meanwhile is
collected in the same passes, held as well.
"""

import gc
import time

# The window before a deadline in which full passes are held, at the least, in
# seconds, and in the last full pass's durations (the next pass walks a heap a
# quarter bigger or more: the collector waits for that much growth).
FLOOR = 0.5
PASSES = 4.0
# The oldest generation's threshold while held: more young collections than any run
# makes.
_HELD = 1 << 30

_last_pass = 0.0
_pass_started = None
_holders = 0
_saved = None          # the thresholds held off, to put back
_release_pending = False


def window():
    """The seconds before a deadline from which full passes are held."""
    return max(FLOOR, PASSES * _last_pass)


def install():
    """Measure the host's full passes from now on (once: ``window`` reads them)."""
    if _measure not in gc.callbacks:
        gc.callbacks.append(_measure)


def hold():
    """Hold off the host's full collections until ``release`` (holds nest)."""
    global _holders, _saved, _release_pending
    _holders += 1
    _release_pending = False
    current = gc.get_threshold()
    if _saved is None or current[2] != _HELD:
        # (Not held, or the host set thresholds of its own since the last hold.)
        _saved = current
        gc.set_threshold(_saved[0], _saved[1], _HELD)


def release():
    """A holder's run ended: full collections may start again, from the collection
    after the next one."""
    global _holders, _release_pending
    _holders -= 1
    if _holders == 0 and _saved is not None:
        _release_pending = True


def threshold():
    """The thresholds the collector has outside a hold (the guest's get_threshold)."""
    return _saved if _saved is not None else gc.get_threshold()


def set_threshold(*thresholds):
    """The host's ``gc.set_threshold``; during a hold, the thresholds put back at its
    end, the oldest generation's still held."""
    global _saved
    gc.set_threshold(*thresholds)
    if _saved is not None:
        # (Those not given stay as they were.)
        _saved = gc.get_threshold()[:len(thresholds)] + _saved[len(thresholds):]
        gc.set_threshold(_saved[0], _saved[1], _HELD)


def _measure(phase, info):
    global _last_pass, _pass_started, _saved, _release_pending
    if phase == "start":
        if _release_pending:
            # (This collection was chosen under the held thresholds: a young one.)
            # Unless the host set thresholds of its own since.
            _release_pending = False
            if gc.get_threshold() == (_saved[0], _saved[1], _HELD):
                gc.set_threshold(*_saved)
            _saved = None
        if info["generation"] == 2:
            _pass_started = time.monotonic()
    elif info["generation"] == 2 and _pass_started is not None:
        _last_pass = time.monotonic() - _pass_started
        _pass_started = None
