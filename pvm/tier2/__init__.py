"""Tier 2: numeric guest functions compiled to machine code through pvm's SSA form
(pvm.ir) and LLVM (llvmlite, an optional extra: ``pip install pvm[llvm]``).

``available()`` says whether llvmlite can be imported, and if not why; the dispatcher
(pvm.tier2.dispatch) is what a compiled function's calls go through.
"""


def available():
    """None if tier 2 can run here, else why not."""
    try:
        import llvmlite.binding  # noqa: F401
    except ImportError as error:
        return "llvmlite cannot be imported (%s); install it with: pip install pvm[llvm]" % error
    return None
