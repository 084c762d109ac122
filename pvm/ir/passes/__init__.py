"""The passes over pvm's SSA form, each its own module, each changing a typed function
in place.  ``optimize`` runs them in ``ORDER``; ``python3 -m pvm.ir --after NAME``
shows a function after one of them.
"""

from pvm.ir.passes import (eliminate_dead_code, fold_constants, hoist_invariants,
                           place_checks, propagate_copies)

ORDER = (
    ("fold_constants", fold_constants.run),
    ("propagate_copies", propagate_copies.run),
    ("place_checks", place_checks.run),
    ("eliminate_dead_code", eliminate_dead_code.run),
    ("hoist_invariants", hoist_invariants.run),
)
NAMES = ("infer_types",) + tuple(name for name, _ in ORDER)


def optimize(function, until=None, after_each=None):
    """Run the passes in order (through the one named ``until``, if given), calling
    ``after_each(name, function)`` after each."""
    for name, run in ORDER:
        run(function)
        if after_each is not None:
            after_each(name, function)
        if name == until:
            break
