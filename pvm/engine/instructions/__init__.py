"""The instruction definitions, one module per group of ``pvm.opcodes``.

Reading ``DEFINITIONS`` or ``VARIANTS`` from this package imports the definition
modules, which register every definition there; ``define`` says how a definition reads.
Only the generator reads them (``pvm.engine.generate``, at build time and when hot code
is joined): the handlers it wrote import the helpers of ``support`` and the modules the
helpers come from, so a process that runs code imports none of the definitions (they
cost every start-up 1.3 ms).
"""

__all__ = ["DEFINITIONS", "VARIANTS"]


def __getattr__(name):
    if name not in __all__:
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    # (The folder listed rather than pkgutil's help: pkgutil imports typing, 3.5 MB
    # more of every process that joins hot code.)
    import importlib
    import os
    for file_name in sorted(os.listdir(__path__[0])):
        if file_name.endswith(".py") and file_name != "__init__.py":
            importlib.import_module("%s.%s" % (__name__, file_name[:-3]))
    from pvm.engine.instructions import define
    globals().update(DEFINITIONS=define.DEFINITIONS, VARIANTS=define.VARIANTS)
    return globals()[name]
