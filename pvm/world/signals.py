"""Guest signal handlers, run where CPython would run them.

The guest's ``_signal`` is the host's C module with ``signal`` and ``getsignal``
replaced: a guest handler (a function, or ``default_int_handler``) is kept here,
and the host gets ``Signals.record`` in its place.  The host calls ``record`` at
its own checks, anywhere in pvm's code; ``record`` only notes the signal, unless
the host is at a place where guest code may run (``pvm.engine.safe_points``: the
loop between two instructions, or a guest call of a host function that waits).
Elsewhere it asks the host to call it again at its next check
(``_thread.interrupt_main``, which trips the host's flag for the signal without a
real signal: see ``_CheckAgain``), so the guest's handler runs at the first instruction boundary,
receives the guest frame that is running, and an exception it raises is raised
there, where the guest's ``except`` and ``finally`` see it.  Should the guest block
in a host call before the host checks again, a host thread sends the signal again,
which wakes the call.

Handlers run in signal-number order, each once however often its signal came
(CPython keeps one "tripped" flag per signal); should one raise, the others wait
for the next boundary.
"""

import _signal
import _thread
from time import sleep as _host_sleep

from pvm.engine.frames import LEAVE_TRANSLATED
from pvm.engine.safe_points import checking_instruction, guest_code_may_run

_host_signal = _signal.signal
_host_getsignal = _signal.getsignal


# Seconds a signal that waits for the host's next check waits before it is sent again:
# long enough that code that runs on reaches a check first (a few instructions' time),
# short enough for a person pressing Ctrl-C.
_SEND_AGAIN_AFTER = 0.05


class _CheckAgain(int):
    """A signal number whose attribute ``asked`` trips the host's flag for that signal
    (``_thread.interrupt_main``), so that the host calls its handler again at its next
    check.  Through a property, not a call: the host checks right after a call of a
    built-in function returns, which would be inside the handler itself, nesting it
    again at once, without end; it does not check after reading an attribute, so the
    next check is in the code the signal interrupted."""

    asked = property(_thread.interrupt_main)


class Signals:
    """The guest handlers of one world's signals, and the signals not yet handled."""

    def __init__(self, interpreter):
        self.interpreter = interpreter
        self.handlers = {}      # signal number -> the guest's handler
        self.host_handlers = {}     # signal number -> the host's, before the guest's
        self.pending = set()    # signals delivered whose handler has not run yet
        # While pvm reports the program's end, handlers wait (and then go with the
        # world: see release).
        self.holding = False
        # While a guest handler runs, other signals wait for its end: pvm runs a
        # handler far slower than CPython, and a storm of signals nesting handler
        # calls in each other would never let the program go on.
        self.running = False
        # Signals a host thread will send again (see ``_send_again_later``).
        self.sending_again = set()

    def adapt(self, module):
        """Make ``module``, the guest's copy of the host's ``_signal``, keep the
        guest's handlers here."""
        module.signal = self.set_handler
        module.getsignal = self.get_handler

    def set_handler(self, signalnum, handler, /):
        """``signal.signal``: the host's checks (main thread, valid signal, callable
        or SIG_DFL/SIG_IGN), then the guest's handler kept, ``record`` in its place."""
        previous = self.get_handler(signalnum)
        if callable(handler):
            host_handler = _host_signal(signalnum, self.record)
            if host_handler != self.record:
                self.host_handlers[signalnum] = host_handler
            self.handlers[signalnum] = handler
        else:
            _host_signal(signalnum, handler)
            self.handlers.pop(signalnum, None)
            self.pending.discard(signalnum)
            if not self.pending:
                self._handled()
        return previous

    def get_handler(self, signalnum, /):
        """``signal.getsignal``: the guest's handler, where the host has ``record``."""
        host_handler = _host_getsignal(signalnum)
        if host_handler == self.record:
            return self.handlers[signalnum]
        return host_handler

    def handle_interrupts(self):
        """Ctrl-C as CPython's start-up leaves it: KeyboardInterrupt from
        ``default_int_handler``, raised where guest code may run, if the host's handler
        is still the host's default."""
        if _host_getsignal(_signal.SIGINT) is _signal.default_int_handler:
            try:
                self.set_handler(_signal.SIGINT, _signal.default_int_handler)
            except ValueError:
                pass    # not the main thread: the host's handler stays

    def release(self):
        """Give the host back the handlers it had for the signals this world handles."""
        for signalnum, host_handler in self.host_handlers.items():
            if _host_getsignal(signalnum) == self.record:
                _host_signal(signalnum, host_handler)
        self.host_handlers.clear()
        self.handlers.clear()
        self.pending.clear()
        self._handled()

    def record(self, signalnum, host_frame):
        """The host's handler of every signal the guest handles."""
        self.pending.add(signalnum)
        if self.holding or self.running:
            return None
        # With no guest frame running, the host is in code of its own: the guest's
        # handler runs there, as a callback of the host's.
        if self.interpreter.frame is not None and not guest_code_may_run(host_frame):
            # Tier 1's translated code never stops at such a place: it hands its frame
            # to the loop at its next check (after a call, at a back-edge) while asked.
            if self not in LEAVE_TRANSLATED:
                LEAVE_TRANSLATED.append(self)
            self._send_again_later(signalnum)
            return _CheckAgain(signalnum).asked
        frame = self.interpreter.frame
        index = checking_instruction(host_frame) if frame is not None else None
        if index is None:
            self.run_pending()
            return
        # An exception the handlers raise is the jump's: the loop reads it from
        # ``failed_index`` (where superinstructions report their failing part).
        frame.failed_index = index
        self.run_pending()
        frame.failed_index = -1

    def _send_again_later(self, signalnum):
        """Have a host thread send ``signalnum`` to this thread again in a moment, if it
        still waits then.  The host's next check may never come: the guest instruction
        about to run may be a call of a host function that blocks (``time.sleep``, a
        read) with nothing to wake it, since the flag the host checks wakes nothing.
        A real signal interrupts the wait, and the host checks as it resumes, inside
        the guest's call, where the guest's handler may run."""
        if signalnum in self.sending_again:
            return
        self.sending_again.add(signalnum)
        _thread.start_new_thread(self._send_again, (signalnum, _thread.get_ident()))

    def _send_again(self, signalnum, thread):
        _host_sleep(_SEND_AGAIN_AFTER)
        self.sending_again.discard(signalnum)
        # The guest may have handled it, or dropped its handler, meanwhile.
        if signalnum in self.pending and _host_getsignal(signalnum) == self.record:
            try:
                _signal.pthread_kill(thread, signalnum)
            except ProcessLookupError:
                pass    # the thread has ended: the process is ending

    def run_pending(self):
        pending = self.pending
        self.running = True
        try:
            while pending:
                signalnum = min(pending)
                pending.discard(signalnum)
                handler = self.handlers.get(signalnum)
                if handler is not None:
                    handler(signalnum, self.interpreter.frame)
        finally:
            self.running = False
            if not pending:
                self._handled()
            # What came meanwhile (or is left by a handler that raised) runs at the
            # next boundary.
            for waiting in pending:
                _CheckAgain(waiting).asked

    def _handled(self):
        """No signal waits: translated code runs on (see ``record``)."""
        if self in LEAVE_TRANSLATED:
            LEAVE_TRANSLATED.remove(self)
