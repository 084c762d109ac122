"""-X tier=2: the world puts pvm.tier2's dispatcher in front of each function that loops
or calls guest functions, from its decoding (so a kernel is compiled at its first call,
as Numba's @njit compiles), and tells what it compiles (-X jit-log, -X jit-show) on the
host's stderr.

A function that neither loops nor calls is left to tier 1: a call through the
dispatcher (its signature found, its arguments made words, a foreign call) costs more
than such a function's whole run.  It is still compiled into the functions that call it.
With -X jit-threshold=0 (the mode the tests run the corpus in) every function goes
through the dispatcher, so that its machine code is what runs and is tested.
"""

from pvm import opcodes
from pvm.engine.objects import Function


def install(world, log, show, stream):
    """Switch tier 2 on for ``world``; False (having said why on ``stream``) if it
    cannot run here."""
    from pvm import tier2
    reason = tier2.available()
    if reason is not None:
        stream.write("pvm: -X tier=2 is off: %s\n" % reason)
        return False
    from pvm.tier2.dispatch import Dispatcher
    interpreter = world.interpreter
    report = _reporter(log, show, stream) if log or show else None

    every_function = interpreter.join_threshold == 0

    def compile_machine_code(code, pairs, executable, below):
        """What runs the code's calls: its dispatcher, made at its decoding (the first
        call of a function that loops is compiled, as Numba's @njit is), with ``below``
        what it hands calls to (tier 1's runner once the code is translated)."""
        dispatcher = executable.machine_code
        if dispatcher is None:
            if not every_function and not _loops_or_calls(pairs):
                return below
            dispatcher = executable.machine_code = Dispatcher(
                executable, below, interpreter, Function, report, show,
                lambda: not world.sys.dont_write_bytecode)
        dispatcher.below = below
        return below if dispatcher.stepped_aside else dispatcher
    interpreter.compile_machine_code = compile_machine_code
    return True


_CALLS = {opcodes.BY_NAME[name].number for name in ("CALL", "CALL_METHOD")}


def _loops_or_calls(pairs):
    for index, (opcode, operand) in enumerate(pairs):
        if opcode in opcodes.HAS_JUMP and operand <= index:
            return True
        if opcode in _CALLS:
            return True
    return False


def _reporter(log, show, stream):
    def report(code, signature, compiled, seconds):
        where = "%s(%s)" % (code.co_qualname, ", ".join(signature))
        if hasattr(compiled, "reason"):        # an exit taken
            if log:
                line = code.line_of(compiled.index)
                stream.write("pvm tier 2: %s left machine code at instruction %d (line %s): "
                             "%s\n" % (where, compiled.index, line, compiled.reason))
        elif isinstance(compiled, str):
            if log:
                stream.write("pvm tier 2: not compiled %s: %s\n" % (where, compiled))
        else:
            if log:
                callees = [name for name, types in compiled.functions
                           if (name, types) != (code.co_qualname, compiled.argument_types)]
                stream.write("pvm tier 2: compiled %s in %.3f s%s%s\n" % (
                    where, seconds, " (machine code read from the cache)"
                    if compiled.from_cache else "",
                    "; with " + ", ".join(callees) if callees else ""))
            if show is not None and show in (code.co_name, code.co_qualname):
                stream.write("# %s, %s line %s\n" % (where, code.co_filename,
                                                     code.co_firstlineno))
                for title, text in (("SSA", "ssa"), ("LLVM IR", "llvm"),
                                    ("assembly", "assembly")):
                    stream.write("## %s\n%s\n" % (title, compiled.listing.get(text, "")))
        stream.flush()
    return report
