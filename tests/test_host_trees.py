"""pvm.engine.host_trees: the host's conversions of syntax trees never overlap.

CPython 3.11 checks, at the end of each conversion between its C tree and Python's
``ast`` objects, a depth that all threads share; a conversion that another one
interrupted fails with "SystemError: AST constructor recursion depth mismatch".  One
interrupts another when a finalizer the collector runs mid-conversion lets another
thread in, as a guest thread translating code did (the threads test in
test_tier1.py ended so in CI).
"""

import ast
import gc
import sys
import threading
import time

import pytest

from pvm.engine import host_trees

# Deep enough that a conversion takes long enough for the collector to run in it.
TEXT = "x = " + "[" * 40 + "]" * 40 + "\n" + "def f(a, b):\n    return a + b\n" * 50


class Finalized:
    def __del__(self):
        time.sleep(0)  # lets another thread run, in the middle of a conversion


def conversion_errors(convert, rounds=60):
    """The SystemErrors of three threads that each make cyclic garbage with
    finalizers and convert ``TEXT``, ``rounds`` times."""
    errors = []

    def work():
        try:
            for _ in range(rounds):
                for _ in range(100):
                    garbage = Finalized()
                    garbage.cycle = garbage
                convert(TEXT)
        except SystemError as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 keeps the depth per conversion")
def test_the_hosts_own_conversions_overlap_in_threads():
    # What host_trees guards against, seen with ast.parse itself: the harness below
    # can fail.
    assert conversion_errors(ast.parse)


def test_parses_in_threads_do_not_overlap():
    assert conversion_errors(host_trees.parse) == []


def test_compilations_of_trees_in_threads_do_not_overlap():
    tree = ast.parse(TEXT)
    assert conversion_errors(lambda text: host_trees.compile_tree(tree, "<test>")) == []


def test_the_collector_is_back_on_after_a_conversion():
    host_trees.parse("x = 1")
    assert gc.isenabled()
