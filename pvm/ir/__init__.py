"""pvm's SSA intermediate representation: the form tier 2 compiles from.

``build(code)`` puts a pvm code object in SSA form (pvm.ir.build); the passes under
pvm.ir.passes transform it; ``function.format()`` is its text, and
``python3 -m pvm.ir FILE [--function NAME] [--after PASS]`` prints it.
"""

from pvm.ir.build import Unsupported, build
from pvm.ir.nodes import Function

__all__ = ["Function", "Unsupported", "build"]
