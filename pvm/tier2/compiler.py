"""One guest function and one signature to machine code: SSA form, types, passes,
LLVM IR, then LLVM's own optimizations and code generation, in process.

The guest functions it calls are compiled into the same LLVM module for the argument
types they are called with (a recursive function calls itself there), and so are their
assumptions about globals, which the dispatcher checks at each entry.
"""

import os
import time
import weakref

from pvm.ir import build, passes
from pvm.ir.passes.infer_types import Untypeable, infer_types
from pvm.ir.types import MISSING, Known, ListMethod, TupleType, global_of
from pvm.tier2 import lists, lower, machine

MAX_CALLEE_ATTEMPTS = 4
# A callee this short, with no loop and no call, is always inlined (see _small_leaf).
SMALL_LEAF_INSTRUCTIONS = 40


class NotCompiled(Exception):
    """The function is not compiled for this signature (for any, if ``permanent``); the
    message says why."""

    def __init__(self, reason, permanent=False):
        super().__init__(reason)
        self.permanent = permanent


class Compiled:
    """A function's machine code for one signature."""

    def __init__(self, entry_address, module, exits, return_type, argument_types,
                 assumptions, state_words, functions, seconds, engine, listing):
        self.entry_address = entry_address
        self.module = module
        self.exits = {exit.number: exit for exit in exits}
        self.return_type = return_type
        self.argument_types = argument_types
        self.assumptions = assumptions
        self.state_words = state_words
        self.functions = functions          # [(qualified name, signature)] compiled in
        self.seconds = seconds
        self.engine = engine
        self.listing = listing              # {"ssa": text, "llvm": text, "assembly": text}


class _Environment:
    """What type inference asks of the world the function runs in."""

    def __init__(self, unit, function_object):
        self.unit = unit
        self.function_object = function_object

    def global_value(self, name):
        found = global_of(self.function_object, name)
        if found is MISSING:
            raise Untypeable("the global %s is not defined" % name)
        return found

    def call_type(self, callee, argument_types):
        return self.unit.callee_return_type(callee, argument_types)


class _Unit:
    """One LLVM module being made: the entry function and its callees."""

    def __init__(self, function_class, keep_listing, entry):
        self.entry = entry
        self.module = machine.new_module()
        self.function_class = function_class
        self.keep_listing = keep_listing
        self.declared = {}          # (code, signature) -> its LLVM function
        self.lowered = {}           # (code, signature) -> (LLVM function, return type)
        self.assumed_returns = {}   # (code, signature) being inferred -> return type so far
        self.assumptions = []
        self.state_words = 1
        self.ssa_text = []
        self.compiled_names = []
        self.exits = []             # of every function in the module
        self.exit_count = 0
        self.mutates_lists = False

    def callee_return_type(self, callee, argument_types):
        if type(callee) is not self.function_class or callee.plain_arity != len(argument_types):
            raise Untypeable("a call of %s" % Known(callee))
        argument_types = tuple(argument_types)
        key = (callee.__code__, argument_types)
        if key in self.assumed_returns:
            return self.assumed_returns[key]
        if key in self.lowered:
            return self.lowered[key][1]
        try:
            _, return_type = self.function(callee, argument_types)
        except NotCompiled as error:
            raise Untypeable("%s(%s) is not compiled: %s" % (
                callee.__code__.co_qualname, ", ".join(map(str, argument_types)), error))
        return return_type

    def callee(self, callee, argument_types):
        """(LLVM function, return type) of a guest callee, for a call being lowered: the
        callee's typing is done (it gave the call its type), or going on further out
        (a recursion), its function declared already."""
        key = (callee.__code__, tuple(argument_types))
        if key in self.lowered:
            return self.lowered[key]
        return self.declared[key], self.assumed_returns[key]

    def function(self, function_object, argument_types):
        """Compile ``function_object`` for ``argument_types`` into the module: (LLVM
        function, return type)."""
        code = function_object.__code__
        key = (code, argument_types)
        # Declared first: the calls of a recursion being typed inside this one are
        # lowered before this function is.
        llvm_function = self.declared[key] = machine.declare(
            self.module, code, argument_types, len(self.declared))
        try:
            ssa = self._typed(function_object, argument_types, key)
        except NotCompiled:
            # Not left declared with no body (which LLVM refuses): a caller that goes
            # on without it (typed again) must find the module whole.
            del self.declared[key]
            del self.module.globals[llvm_function.name]
            raise
        self.mutates_lists = self.mutates_lists or ssa.mutates_arguments
        self.compiled_names.append((code.co_qualname, argument_types))
        self.lowered[key] = (llvm_function, ssa.return_type)
        lowering = lower.Lowering(self.module, ssa, argument_types, llvm_function, self.callee,
                                  function_object, self.next_exit_number)
        try:
            exits = lowering.lower()
        except lower.Unlowerable as error:
            raise NotCompiled(str(error)) from None
        if _small_leaf(ssa):
            # Its exits (each storing the frame) make it look big to LLVM's inliner,
            # which then leaves a call in every loop that uses it.
            llvm_function.attributes.add("alwaysinline")
        self.state_words = max(self.state_words, lowering.state_words)
        self.exits.extend(exits)
        self.assumptions.extend(_assumption_checks(function_object, ssa.assumptions,
                                                   function_object is self.entry))
        return llvm_function, ssa.return_type

    def next_exit_number(self):
        self.exit_count += 1
        return self.exit_count

    def _typed(self, function_object, argument_types, key):
        """The function's SSA form typed for the signature, optimized; a recursive
        function's own calls are typed by what it returns, found by trying again."""
        self.assumed_returns[key] = None
        try:
            for _ in range(MAX_CALLEE_ATTEMPTS):
                ssa = _ssa_of(function_object.__code__)
                try:
                    infer_types(ssa, list(argument_types), _Environment(self, function_object))
                except Untypeable as error:
                    found = getattr(ssa, "return_type", None)
                    if found is None or found == self.assumed_returns[key]:
                        raise NotCompiled(error.reason if error.instruction is None
                                          else str(error), error.permanent) from None
                    self.assumed_returns[key] = found
                    continue
                if ssa.return_type == self.assumed_returns[key] or \
                        not _calls_itself(ssa, key):
                    break
                self.assumed_returns[key] = ssa.return_type
            else:
                raise NotCompiled("its return type does not settle")
        finally:
            del self.assumed_returns[key]
        if self.keep_listing:
            texts = ["; after infer_types\n" + ssa.format()]
            passes.optimize(ssa, after_each=lambda name, function: texts.append(
                "; after %s\n%s" % (name, function.format())))
            self.ssa_text.append("\n".join(texts))
        else:
            passes.optimize(ssa)
        ssa.mutates_arguments = _mutates_arguments(ssa)
        return ssa


def _ssa_of(code):
    try:
        return build(code)
    except Exception as error:     # Unsupported
        raise NotCompiled(getattr(error, "reason", str(error)), permanent=True) from None


def _small_leaf(ssa):
    """Whether the function calls no guest function, has no loop, and is short."""
    count = 0
    for block in ssa.blocks:
        for instruction in block.instructions:
            count += 1
            if instruction.opcode == "call" and hasattr(instruction.detail, "__code__"):
                return False
            if any(successor.start <= block.start for successor in block.successors):
                return False
    return count <= SMALL_LEAF_INSTRUCTIONS


def _calls_itself(ssa, key):
    return any(instruction.opcode == "call" and
               getattr(instruction.detail, "__code__", None) is key[0]
               for instruction in ssa.instructions())


def _mutates_arguments(ssa):
    for instruction in ssa.instructions():
        if instruction.opcode == "store_subscript" or (
                instruction.opcode == "call" and isinstance(instruction.detail, ListMethod)):
            return True
    return False


def _assumption_checks(function_object, assumptions, entry):
    """What the dispatcher checks at each entry: that each global name and module
    attribute the code was compiled against still holds the same object.  Held weakly
    where the objects allow (a strong reference from the code's dispatcher to a guest
    function or module would keep its module's namespace alive past the module, and
    what is in it unfinalized at exit); the entry function's globals are the called
    function's own."""
    checks = []
    for key, value in assumptions.items():
        if key[0] == "global":
            checks.append(("global", None if entry else weakref.ref(function_object),
                           key[1], _held(value)))
        else:
            checks.append(("attribute", weakref.ref(key[1]), key[2], _held(value)))
    return checks


def _held(value):
    """A callable giving ``value`` back, holding it weakly if it can be."""
    try:
        return weakref.ref(value)
    except TypeError:
        return lambda: value


def _cache_folder(code):
    """``__pycache__/pvm-tier2`` beside the code's source file, or None if it has none."""
    filename = code.co_filename
    if not os.path.isabs(filename) or not os.path.exists(filename):
        return None
    return os.path.join(os.path.dirname(filename), "__pycache__", "pvm-tier2")


def compile_function(function_object, argument_types, function_class, keep_listing=False,
                     write_cache=True):
    """Machine code for ``function_object`` called with ``argument_types``: a Compiled,
    or NotCompiled raised with the reason.  The object code is kept beside the source's
    bytecode cache (written unless not ``write_cache``: -B)."""
    started = time.perf_counter()
    unit = _Unit(function_class, keep_listing, function_object)
    llvm_function, return_type = unit.function(function_object, argument_types)
    if isinstance(return_type, TupleType) and any(isinstance(item, TupleType)
                                                  for item in return_type.items):
        raise NotCompiled("a nested tuple is returned")
    lists.arena_functions(unit.module)
    entry_name = machine.add_entry(unit.module, llvm_function, argument_types, return_type)
    engine, addresses, listing, from_cache = machine.compile_module(
        unit.module, [entry_name, "pvm.arena_take"], keep_listing,
        _cache_folder(function_object.__code__), write_cache)
    if keep_listing:
        listing["ssa"] = "\n\n".join(unit.ssa_text)
    compiled = Compiled(addresses[entry_name], unit.module, unit.exits, return_type,
                        argument_types, unit.assumptions, unit.state_words,
                        unit.compiled_names, time.perf_counter() - started, engine, listing)
    compiled.arena_take_address = addresses["pvm.arena_take"]
    compiled.mutates_arguments = unit.mutates_lists
    compiled.from_cache = from_cache
    return compiled


__all__ = ["Compiled", "NotCompiled", "compile_function"]
