"""-X jit-log and -X jit-show: what tier 1 translates, told on the host's stderr as it
happens (as -X importtime tells imports)."""

from pvm import opcodes
from pvm.engine import tier1


def reporter(log, show, stream):
    """The ``report_translation`` hook of an interpreter: with ``log``, a line for each
    code object tier 1 translates (its blocks, the instructions left to tier 0, the time
    it took, whether it was read from the cache) or leaves, and why; with ``show``, the
    host source of each translated function of that name or qualified name."""

    def report(code, translation, seconds):
        where = "%s (%s, line %s)" % (code.co_qualname, code.co_filename, code.co_firstlineno)
        if log:
            stream.write("pvm tier 1: %s\n" % _log_line(code, translation, seconds, where))
        if show is not None and translation is not None \
                and show in (code.co_name, code.co_qualname):
            stream.write("# %s\n%s\n" % (where, tier1.format_translation(translation)))
        stream.flush()
    return report


def _log_line(code, translation, seconds, where):
    if translation is None:
        return "left %s to tier 0: %s" % (where, tier1.untranslated_reason(code))
    blocks = translation.block_count
    line = "translated %s: %d instructions, %d block%s, in %.1f ms%s" % (
        where, len(code.co_code) // 4, blocks, "" if blocks == 1 else "s", seconds * 1000,
        " (read from the cache)" if translation.tree is None else "")
    if translation.untranslated:
        pairs = code.instructions()
        left = ", ".join("%d %s" % (index, opcodes.OPCODES[pairs[index][0]].name)
                         for index in translation.untranslated)
        line += "; left to tier 0: " + left
    if translation.inlined:
        line += "; inlined: " + ", ".join("%s at %d" % (callee.co_qualname, index)
                                          for index, callee in translation.inlined)
    return line
