"""The host's conversions of syntax trees, one at a time.

``ast.parse`` turns the host's C tree into Python objects and ``compile`` of a tree
turns them back.  CPython 3.11 keeps the depth of the tree being converted in state
that every thread shares (fixed in 3.12), and checks it when a conversion ends: two
conversions that overlap end one of them in "SystemError: AST constructor recursion
depth mismatch".  They overlap when guest threads translate code at the same time
(tier 1, at once with ``-X jit-threshold=0``), or when the collector runs a guest
finalizer in the middle of a conversion and that finalizer's code is translated.

So every conversion pvm asks of the host goes through here: under one lock, with the
collector off.  The lock keeps other threads out; with the collector off, the
converting thread runs no Python code until it is done, so nothing nests either.
"""

import ast
import gc
from _thread import RLock
from contextlib import contextmanager

_converting = RLock()


@contextmanager
def alone():
    """Hold the lock with the collector off: for a conversion, or for code that
    converts through a library (the traceback module's ``ast.parse``)."""
    with _converting:
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if enabled:
                gc.enable()


def parse(text):
    """``ast.parse(text)``."""
    with alone():
        return ast.parse(text)


def compile_tree(tree, filename):
    """``compile(tree, filename, "exec")`` of a module's tree."""
    with alone():
        return compile(tree, filename, "exec")
