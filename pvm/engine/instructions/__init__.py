"""The instruction definitions, one module per group of ``pvm.opcodes``.

Importing this package registers every definition in ``DEFINITIONS`` and ``VARIANTS``;
``define`` says how a definition reads.
"""

from pvm.engine.instructions import (  # noqa: F401 -- imported for their definitions
    calls, containers, control, exceptions, generators, matching, operators, stack, variables)
from pvm.engine.instructions.define import DEFINITIONS, VARIANTS

__all__ = ["DEFINITIONS", "VARIANTS"]
