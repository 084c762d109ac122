"""The generator: instruction definitions in, the tier-0 handlers and superinstructions out.

    python3 -m pvm.engine.generate            write pvm/engine/tier0.py and tier0_fused.py
    python3 -m pvm.engine.generate --check    exit 1 if they are not what it would write

``pvm/engine/tier0.py`` (the single handlers) and ``pvm/engine/tier0_fused.py`` (the
superinstructions) are checked in (a reader can open them and see every handler the
loop runs) and ``tests/test_generate.py`` fails when they are stale.  The
superinstructions are a module of their own, imported at the first fusion
(``pvm.engine.decode``): three quarters of the generated code, which a process that
warms no function up does not load.

For each definition (see ``pvm.engine.instructions.define``) the generator writes a
*maker*: a function of ``(code, operand, index)``, run once when a code object is
decoded, that binds the decode-time names the body reads and returns the handler,
``handler(frame, stack, fast) -> next index``.  The stack work is the generator's: a
body's inputs are popped (the deepest one only read, when the body has an output to put
in its place) and its outputs pushed, as a hand-written handler would.

For each row of ``pvm.engine.superinstructions`` and each combination of its opcodes'
fusable bodies, it writes a maker of one handler for the whole run: the bodies are
joined, their variables renamed apart, and the values one part pushes and the next pops
become local variables (a virtual stack); only what is left at an exit reaches the real
stack.  A part after the first that fails records its own index in
``frame.failed_index``, so tracebacks and exception handlers see the instruction that
failed, as without fusion.
"""

import argparse
import ast
import builtins
import functools
import importlib
import inspect
import os
import re
import sys
import textwrap

from pvm import opcodes
from pvm.code import MAX_OPERAND
from pvm.engine import host_trees, size_checks, superinstructions
from pvm.engine.tree_walk import walk
from pvm.engine.instructions import DEFINITIONS, VARIANTS
from pvm.engine.instructions.define import (BUILTIN_CALLEE_CHECK, CALLEE_CHECK, DECODED,
                                            RUNTIME, TERMINATORS)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tier0.py")
FUSED_OUTPUT = os.path.join(os.path.dirname(OUTPUT), "tier0_fused.py")


class GenerationError(Exception):
    """A definition or row the generator cannot turn into code."""


# -- reading a definition ---------------------------------------------------------------

def _function_tree(function):
    """The tree of ``function``'s definition, read from its source."""
    return host_trees.parse(textwrap.dedent(inspect.getsource(function))).body[0]


def _has_doc(statements):
    return bool(statements and isinstance(statements[0], ast.Expr)
                and isinstance(statements[0].value, ast.Constant)
                and isinstance(statements[0].value.value, str))


class Body:
    """A definition's statements and what its names are."""

    def __init__(self, definition):
        self.definition = definition
        function = _function_tree(definition.statements_of)
        statements = function.body
        self.doc = None
        if _has_doc(statements):
            self.doc = statements[0].value.value
            statements = statements[1:]
        if definition.then is not None:
            following = _function_tree(definition.then).body
            statements = statements + (following[1:] if _has_doc(following) else following)
            function.body = statements
        self.statements = statements or [ast.Pass()]
        function.decorator_list = []
        for node in walk(function):
            if node is not function and isinstance(
                    node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp,
                           ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.ClassDef)):
                raise GenerationError("%s: a body may not define a nested scope"
                                      % definition.name)
        parameters = list(definition.inputs)
        if definition.variable_input:
            parameters.append(definition.variable_input)
        self.parameters = parameters
        assigned = set()
        loaded = set()
        for statement in self.statements:
            for node in walk(statement):
                if isinstance(node, ast.Name):
                    (assigned if isinstance(node.ctx, (ast.Store, ast.Del)) else loaded).add(
                        node.id)
                elif isinstance(node, ast.ExceptHandler) and node.name:
                    assigned.add(node.name)
        self.assigned = assigned
        self.loaded = loaded
        self.locals = set(parameters) | assigned | {
            name for name in definition.context if name in DECODED}
        self.imports = _imports_of(definition, loaded - self.locals - set(RUNTIME)
                                   - set(TERMINATORS))
        # The decode-time names the maker binds: those the body reads, and those its
        # exits need (next_index for calls and yields, target for jumps).
        self.decoded = [name for name in definition.context if name in DECODED]
        self.terminators = {node.value.func.id for node in walk(function)
                            if _terminator_name(node)}
        self.returns = any(isinstance(node, ast.Return) for node in walk(function))
        self.checks_callee = any(_is_callee_check(node) for node in walk(function))
        self._structured = None
        self._one_final_return = None

    def structured(self):
        """The statements with every return in tail position (``_structure_returns``),
        made once."""
        if self._structured is None:
            try:
                self._structured = _structure_returns(self.statements, self.definition.name)
            except GenerationError as error:
                self._structured = error
        if isinstance(self._structured, GenerationError):
            raise self._structured
        return self._structured

    def one_final_return(self):
        """Whether the structured statements' one return is their last statement."""
        if self._one_final_return is None:
            structured = self.structured()
            returns = [node for node in walk(ast.Module(body=structured, type_ignores=[]))
                       if isinstance(node, ast.Return)]
            self._one_final_return = (len(returns) == 1 and bool(structured)
                                      and returns[0] is structured[-1])
        return self._one_final_return

    def outputs_of(self, value, count):
        """The output expressions of ``return value``, for ``count`` outputs."""
        if count == 0:
            if value is not None:
                raise GenerationError("%s returns a value but pushes nothing"
                                      % self.definition.name)
            return []
        if value is None:
            raise GenerationError("%s must return %d output(s)" % (self.definition.name, count))
        if count == 1:
            return [value]
        if not isinstance(value, ast.Tuple) or len(value.elts) != count:
            raise GenerationError("%s must return a tuple of %d outputs"
                                  % (self.definition.name, count))
        return list(value.elts)


_BODIES = {}


def body_of(definition):
    """The ``Body`` of a definition, read once (joined handlers copy its statements
    before changing them)."""
    body = _BODIES.get(definition)
    if body is None:
        body = _BODIES[definition] = Body(definition)
    return body


# The marks of where a call's check of its callable goes, and the kind of check each
# place takes (size_checks.CHECKS).
_CALLEE_CHECKS = {CALLEE_CHECK: "call", BUILTIN_CALLEE_CHECK: "call of a builtin"}


def _is_callee_check(node):
    """Whether ``node`` is a statement that marks where a call's check of its
    callable goes (``define.CALLEE_CHECK``, ``BUILTIN_CALLEE_CHECK``)."""
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
        and node.value.value in _CALLEE_CHECKS


def _with_callee_checks(statements, checks=None):
    """``statements`` (copies, changed in place) with each statement that marks where
    a call's check of its callable goes replaced by a copy of its check (``checks``:
    {kind of check: statement}), or dropped."""
    placed = []
    for statement in statements:
        if _is_callee_check(statement):
            if checks is not None:
                placed.append(copy_tree(checks[_CALLEE_CHECKS[statement.value.value]]))
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                setattr(statement, field, _with_callee_checks(inner, checks) or [ast.Pass()])
        for handler in getattr(statement, "handlers", ()):
            handler.body = _with_callee_checks(handler.body, checks) or [ast.Pass()]
        placed.append(statement)
    return placed


def _terminator_name(node):
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) \
            and isinstance(node.value.func, ast.Name) and node.value.func.id in TERMINATORS:
        return node.value.func.id
    return None


def always_exits(statements):
    """Whether running ``statements`` never falls off their end."""
    if not statements:
        return False
    last = statements[-1]
    if isinstance(last, (ast.Return, ast.Raise)) or _terminator_name(last):
        return True
    if isinstance(last, ast.If):
        return always_exits(last.body) and always_exits(last.orelse)
    if isinstance(last, ast.Try):
        return (always_exits(last.orelse or last.body)
                and all(always_exits(handler.body) for handler in last.handlers))
    return False


def bound_on_every_path(statements, names=frozenset(), at_returns=None):
    """The names bound on every path that runs off the end of ``statements``, given
    ``names`` bound before (None where none does); ``at_returns``, a dict, receives for
    each return (by id) those bound on every path to it.  A plain assignment binds its
    names, a ``del`` unbinds them; of an ``if``, what both branches leave that go on;
    of a ``try``, what its body leaves and each of its handlers that goes on, a handler
    starting with what the try started with (it may run after any part of the body).
    Less is safe (a name left out lives on: its value dies later than it could), more
    is not (a ``del`` of a name not bound fails)."""
    names = set(names)
    for statement in statements:
        kind = statement.__class__
        if kind is ast.Assign or kind is ast.AugAssign or kind is ast.AnnAssign:
            targets = statement.targets if kind is ast.Assign else [statement.target]
            names.update(node.id for target in targets for node in walk(target)
                         if node.__class__ is ast.Name and node.ctx.__class__ is ast.Store)
        elif kind is ast.Return:
            if at_returns is not None:
                found = at_returns.get(id(statement))
                at_returns[id(statement)] = names if found is None else found & names
            return None
        elif kind is ast.Raise or kind is ast.Continue or kind is ast.Break \
                or _terminator_name(statement):
            return None
        elif kind is ast.If:
            branches = [bound_on_every_path(branch, names, at_returns)
                        for branch in (statement.body, statement.orelse)]
            names = _common([branch for branch in branches if branch is not None])
            if names is None:
                return None
        elif kind is ast.Try:
            ways_on = [bound_on_every_path(statement.body + statement.orelse, names,
                                           at_returns)]
            unbound = _unbound_in(statement)
            ways_on += [bound_on_every_path(handler.body, names - unbound, at_returns)
                        for handler in statement.handlers]
            names = _common([way for way in ways_on if way is not None])
            if names is None:
                return None
            names = bound_on_every_path(statement.finalbody, names, at_returns)
            if names is None:
                return None
        else:
            # (Loops and withs, in no body: what they bind is left out, their returns
            # unrecorded.)
            names -= _unbound_in(statement)
    return names


def worth_freeing(statements, variables):
    """Those of ``variables`` that ``statements`` bind to a value that may live only
    there: not those only ever bound to what something else keeps alive anyway (a
    type, what the frame holds, a constant, a global, an identity test), whose ``del``
    would cost a hot run an instruction and free nothing."""
    worth = set()
    plain = set()             # the targets of the assignments looked at
    for node in walk(ast.Module(body=statements, type_ignores=[])):
        kind = node.__class__
        if kind is ast.Assign and len(node.targets) == 1 \
                and node.targets[0].__class__ is ast.Name:
            plain.add(node.targets[0])
            if not _lives_elsewhere(node.value, variables):
                worth.add(node.targets[0].id)
        elif kind is ast.Name and node.ctx.__class__ is ast.Store and node not in plain \
                or kind is ast.ExceptHandler and node.name:
            # (Bound otherwise: a tuple's item, an augmented assignment.)
            worth.add(node.id if kind is ast.Name else node.name)
    return worth & set(variables)


def _lives_elsewhere(value, variables):
    kind = value.__class__
    if kind is ast.Constant:
        return True
    if kind is ast.Name:
        # (Not a copy of a guest local's host variable, tier 1's ``local_N``, or of a
        # loop's item: the guest may delete or rebind it while the copy lives on.)
        return value.id not in variables and not value.id.startswith(("local_", "item_"))
    if kind is ast.Attribute:
        while value.__class__ is ast.Attribute:
            value = value.value
        return value.__class__ is ast.Name and value.id == "frame"
    if kind is ast.Call:
        return (value.func.__class__ is ast.Name and value.func.id == "type"
                and len(value.args) == 1 and not value.keywords)
    if kind is ast.Compare:
        return all(test.__class__ in (ast.Is, ast.IsNot) for test in value.ops)
    return False


def _common(name_sets):
    return set.intersection(*name_sets) if name_sets else None


def _unbound_in(statement):
    """The names a ``del`` anywhere in ``statement`` unbinds."""
    return {node.id for node in walk(statement)
            if node.__class__ is ast.Name and node.ctx.__class__ is ast.Del}


def _contains_return(node):
    return any(isinstance(inner, ast.Return) for inner in walk(node))


def _structure_returns(statements, name):
    """``statements`` rewritten so that every ``return`` is in tail position (the last
    thing on its path), moving what follows an ``if`` into the branches that fall
    through.  A joined body can then turn each return into assignments."""
    result = []
    for position, statement in enumerate(statements):
        rest = statements[position + 1:]
        if isinstance(statement, ast.Return):
            if rest:
                raise GenerationError("%s: statements after a return" % name)
            result.append(statement)
            return result
        if isinstance(statement, ast.If) and _contains_return(statement):
            body = statement.body if always_exits(statement.body) else statement.body + rest
            orelse = statement.orelse if always_exits(statement.orelse) \
                else statement.orelse + rest
            result.append(ast.If(test=statement.test, body=_structure_returns(body, name),
                                 orelse=_structure_returns(orelse, name) if orelse else []))
            return result
        if _contains_return(statement):
            raise GenerationError("%s: a return inside %s cannot be joined to what follows"
                                  % (name, type(statement).__name__))
        result.append(statement)
    return result


class _Exits:
    """Replaces each ``return`` and terminator by the statements of that exit.  Both are
    statements, so only statement lists are walked, not expressions."""

    def __init__(self, on_return, on_terminator, with_node=False):
        self.on_return = on_return
        self.on_terminator = on_terminator
        self.with_node = with_node      # on_return takes the return statement too

    def visit(self, statement):
        """The statement with its exits replaced: a node, or a list of statements."""
        if isinstance(statement, ast.Return):
            if self.with_node:
                return self.on_return(statement.value, statement)
            return self.on_return(statement.value)
        if isinstance(statement, ast.Expr):
            name = _terminator_name(statement)
            if name:
                return self.on_terminator(name, statement.value.args)
            return statement
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if inner:
                setattr(statement, field, self.statements(inner))
        for handler in getattr(statement, "handlers", ()):
            handler.body = self.statements(handler.body)
        return statement

    def statements(self, statements):
        result = []
        for statement in statements:
            replaced = self.visit(statement)
            result.extend(replaced if isinstance(replaced, list) else [replaced])
        return result


_SNIPPETS = {}


def _code(text):
    """The statements of ``text``, a new tree each time (callers change them); parsed
    once per text, as the same snippets recur in every joined handler."""
    statements = _SNIPPETS.get(text)
    if statements is None:
        statements = _SNIPPETS[text] = host_trees.parse(textwrap.dedent(text)).body
    return copy_tree(statements)


def _expression(node):
    return ast.unparse(node)


# -- stack bookkeeping ------------------------------------------------------------------

def _pushes(body, jump):
    """How many outputs the body's exits push: the spec's count, or, where that depends
    on the operand (a variant for one operand), what the body's exits give."""
    opcode = body.definition.opcode
    pushes = opcode.jump_pushes if jump else opcode.pushes
    if not callable(pushes):
        return pushes
    counts = set()
    for node in walk(ast.Module(body=body.statements, type_ignores=[])):
        if jump and _terminator_name(node) == "jump":
            counts.add(len(node.value.args))
        elif not jump and isinstance(node, ast.Return):
            value = node.value
            counts.add(0 if value is None else
                       len(value.elts) if isinstance(value, ast.Tuple) else 1)
    if len(counts) != 1:
        raise GenerationError("%s: its exits push different numbers of outputs"
                              % body.definition.name)
    return counts.pop()


class Part:
    """One instruction's body as placed in a handler: its names, its inputs' sources and
    how its exits leave the handler."""

    def __init__(self, definition, position, single):
        self.definition = definition
        self.body = body_of(definition)
        self.position = position          # its place in a superinstruction (0 for a single)
        self.single = single
        suffix = "" if single else "_%d" % position
        if "after" in self.body.locals:
            # Renamed after_N, it would be the joined handler's name of the index after
            # part N (tier 1 jumped there to the count UNPACK_EX's local held).
            raise GenerationError("%s: a local named 'after' takes the name of the index "
                                  "after it" % definition.name)
        self.rename = {name: name + suffix for name in self.body.locals}
        self.index_name = "index" + suffix
        self.target_name = "target" + suffix
        self.operand_name = "operand" + suffix

    def decode_lines(self, needs):
        """The maker's lines binding this part's decode-time names."""
        lines = []
        names = list(self.body.decoded)
        for name in needs:
            if name not in names:
                names.append(name)
        for name in names:
            expression = DECODED[name].replace("operand", self.operand_name) \
                .replace("index", self.index_name)
            target = self.rename.get(name, name + ("" if self.single else
                                                   "_%d" % self.position))
            if target != expression:
                lines.append("%s = %s" % (target, expression))
        return lines


def _imports_of(definition, names):
    """The module to import each of ``names`` (read by the definition's body or
    predicate) from: the definition's (a generated module imports it from its home,
    ``home_of``)."""
    module = sys.modules[definition.module]
    imports = {}
    for name in sorted(names):
        if hasattr(module, name):
            imports[name] = definition.module
        elif not hasattr(builtins, name):
            raise GenerationError("%s: unknown name %r" % (definition.name, name))
    return imports


@functools.lru_cache(maxsize=None)
def _module_tree(module_name):
    return host_trees.parse(inspect.getsource(importlib.import_module(module_name)))


def home_of(module_name, name):
    """The module that defines ``name`` as ``module_name`` sees it, found by following
    pvm's ``from M import name`` statements: the generated modules import a helper from
    its home, so that running them imports none of the definition modules, which only
    the generator reads (they cost every start-up 1.3 ms).  (Only for the checked-in
    modules: it parses whole modules, which hot code's joining need not do, since
    tier 0's namespace holds every helper already.)"""
    if module_name.split(".")[0] != "pvm":
        return module_name
    for statement in _module_tree(module_name).body:
        if isinstance(statement, ast.ImportFrom) and statement.level == 0:
            for alias in statement.names:
                if alias.name == name and alias.asname is None:
                    origin = statement.module
                    if "%s.%s" % (origin, name) in sys.modules:
                        return origin       # a module, imported from its package
                    return home_of(origin, name)
    return module_name


def _predicate_source(definition):
    """``def when_NAME(...): return ...``: the variant's predicate, written out from
    the lambda given to ``variant`` (found by its line in the definition's module)."""
    code = definition.when.__code__
    found = [node for node in walk(_module_tree(definition.module))
             if isinstance(node, ast.Lambda) and node.lineno == code.co_firstlineno
             and [argument.arg for argument in node.args.args] == definition.when_names]
    if len(found) != 1:
        raise GenerationError("%s: its predicate is not one lambda on its line"
                              % definition.name)
    expression = found[0].body
    loaded = {node.id for node in walk(expression) if isinstance(node, ast.Name)}
    lines = ["def when_%s(%s):" % (definition.name, ", ".join(definition.when_names)),
             "    return %s" % ast.unparse(expression)]
    return lines, _imports_of(definition, loaded - set(definition.when_names))


# -- singles ---------------------------------------------------------------------------

def single_handler(definition):
    """The maker of the handler of one definition, as source lines."""
    body = body_of(definition)
    opcode = definition.opcode
    name = definition.name
    handler_name = name       # upper case: no clash with the helpers a body calls
    lines = []
    needs = ["next_index"]
    if "jump" in body.terminators:
        needs.append("target")
    prologue = []
    if definition.raw:
        statements = _with_callee_checks(copy_tree(body.statements))
        exits = _Exits(lambda value: _code("return next_index"),
                       lambda terminator, arguments: _terminate(terminator, arguments, [],
                                                                0, "next_index",
                                                                "target"))
    else:
        fallthrough = _pushes(body, jump=False)
        inputs = list(definition.inputs)
        if definition.variable_input:
            needs.append("variable_count")
            prologue += _code("""
                if variable_count:
                    %(name)s = stack[-variable_count:]
                    del stack[-variable_count:]
                else:
                    %(name)s = []
                """ % {"name": definition.variable_input})
        # The inputs that stay on the stack: those the body hands back unchanged in
        # their places, and at least the deepest one when there are outputs to put in
        # its place.  A body that raises leaves them there, as CPython leaves its
        # inputs: an exception handler's depth may count them (a with statement's
        # cleanup keeps __exit__ and the exception under WITH_EXCEPT_START).
        kept_count = _pass_through_count(body, inputs, fallthrough)
        if fallthrough and inputs:
            kept_count = max(kept_count, 1)
        kept = inputs[:kept_count]
        for item in reversed(inputs[kept_count:]):
            if item in body.loaded:
                prologue += _code("%s = stack.pop()" % item)
            else:
                prologue += _code("del stack[-1]")
        for position, item in enumerate(kept):
            if item in body.loaded:
                prologue += _code("%s = stack[%d]" % (item, position - kept_count))
        reassigned = body.assigned

        def write(outputs):
            return _write_outputs(kept, outputs, reassigned)

        def on_return(value):
            return write(body.outputs_of(value, fallthrough)) + _code("return next_index")

        def on_terminator(terminator, arguments):
            if terminator == "jump":
                outputs = body.outputs_of(_as_outputs(arguments), _pushes(body, True))
                return write(outputs) + _code("return target")
            return _terminate(terminator, arguments, [], len(kept), "next_index", "target")

        exits = _Exits(on_return, on_terminator)
        statements = _with_callee_checks(copy_tree(body.statements))
        if not always_exits(statements):
            if fallthrough:
                raise GenerationError("%s: falls off its end without its outputs" % name)
            statements = statements + [ast.Return(value=None)]
    transformed = []
    for statement in statements:
        result = exits.visit(statement)
        transformed.extend(result if isinstance(result, list) else [result])
    if definition.raw and not always_exits(transformed):
        transformed += _code("return next_index")
    lines.append("def make_%s(code, operand, index):" % name)
    if body.doc:
        lines.append('    """%s"""' % body.doc.strip())
    decode_start = len(lines)
    # Only what the handler reads: a prologue line reading an input, a decode-time name.
    used = {node.id for statement in transformed for node in walk(statement)
            if isinstance(node, ast.Name)}
    prologue = [statement for statement in prologue
                if not (isinstance(statement, ast.Assign)
                        and isinstance(statement.targets[0], ast.Name)
                        and statement.targets[0].id not in used
                        and isinstance(statement.value, ast.Subscript))]
    used |= {node.id for statement in prologue for node in walk(statement)
             if isinstance(node, ast.Name)}
    for item in body.decoded + [need for need in needs if need not in body.decoded]:
        if item not in used:
            continue
        if item == "variable_count":
            lines.append("    variable_count = %s"
                         % variable_count_source(opcode, "operand", len(definition.inputs)))
        elif DECODED[item] != item:
            lines.append("    %s = %s" % (item, DECODED[item]))
    decode_lines = lines[decode_start:]
    body_lines = [line for statement in prologue + transformed
                  for line in ast.unparse(statement).splitlines()]
    lines.append("")
    lines.append("    def %s(frame, stack, fast):" % handler_name)
    lines.extend("        " + line for line in body_lines)
    lines.append("    return %s" % handler_name)
    cold = ["def cold_%s(frame, stack, fast, code, operand, index):" % name]
    cold += decode_lines + ["    " + line for line in body_lines]
    return _bound_as_defaults(lines), cold, body.imports


# (Kept: hot code's runs are joined by this generator as a program runs.)
@functools.lru_cache(maxsize=None)
def variable_count_source(opcode, operand, named):
    """The source of an expression over ``operand`` that is the count of the variable
    input of ``opcode``'s instruction, whose named inputs are ``named``: where the
    opcode's pops are the operand times a constant plus a constant (CALL and the BUILD_
    opcodes; BUILD_MAP's pairs) or the number of its set bits plus a constant
    (MAKE_FUNCTION's flags), that expression, so that decoding such an instruction,
    or running it undecoded, calls nothing (the opcode's rule is a Python call, some
    0.35 us); else the opcode's own rule."""
    pops = opcode.pops
    offset = pops(0) - named if callable(pops) else None
    values = (*range(1024), MAX_OPERAND)
    if offset is None:
        return "OPCODES[%d].stack_effect(%s)[0] - %d" % (opcode.number, operand, named)
    factor = pops(1) - pops(0)
    if all(pops(value) - named == factor * value + offset for value in values):
        term = operand if factor == 1 else "%s * %d" % (operand, factor)
    elif all(pops(value) - named == value.bit_count() + offset for value in values):
        term = "%s.bit_count()" % operand
    else:
        return "OPCODES[%d].stack_effect(%s)[0] - %d" % (opcode.number, operand, named)
    return term if offset == 0 else "%s %s %d" % (term, "+-"[offset < 0], abs(offset))


def _write_outputs(kept, outputs, reassigned):
    """The statements that leave ``outputs`` on the stack, where the inputs ``kept`` are
    on it now: those handed back unchanged stay, the others are replaced or dropped."""
    statements = []
    unchanged = 0
    while unchanged < min(len(kept), len(outputs)):
        output = outputs[unchanged]
        if not (isinstance(output, ast.Name) and output.id == kept[unchanged]
                and output.id not in reassigned):
            break
        unchanged += 1
    outputs = outputs[unchanged:]
    replaced = len(kept) - unchanged
    if replaced == 1 and outputs:
        statements += _code("stack[-1] = %s" % _expression(outputs[0]))
        outputs = outputs[1:]
    elif replaced:
        statements += _code(_drop(replaced))
    for output in outputs:
        statements += _code("stack.append(%s)" % _expression(output))
    return statements


def _drop(count):
    return "del stack[-1]" if count == 1 else "del stack[-%d:]" % count


def _pass_through_count(body, inputs, count):
    """How many of the deepest inputs every return of the body hands back unchanged,
    in the same places."""
    returns = [node for statement in body.statements for node in walk(statement)
               if isinstance(node, ast.Return)]
    if not returns or not count:
        return 0
    result = min(len(inputs), count)
    for node in returns:
        outputs = body.outputs_of(node.value, count)
        same = 0
        while same < result and isinstance(outputs[same], ast.Name) \
                and outputs[same].id == inputs[same] and inputs[same] not in body.assigned:
            same += 1
        result = same
    return result


def _as_outputs(arguments):
    if not arguments:
        return None
    if len(arguments) == 1:
        return arguments[0]
    return ast.Tuple(elts=list(arguments), ctx=ast.Load())


def _terminate(terminator, arguments, flushed, kept_count, next_index, target):
    """The statements of ``enter_frame``, ``leave_frame`` or ``suspend_frame``: the
    instruction's inputs are consumed (those kept on the stack are dropped), ``flushed``
    values (what joined parts left) reach the stack first."""
    statements = []
    if terminator != "leave_frame":
        if kept_count:
            statements += _code(_drop(kept_count))
        for value in flushed:
            statements += _code("stack.append(%s)" % value)
    argument = _expression(arguments[0]) if arguments else "None"
    if terminator == "enter_frame":
        statements += _code("frame.callee = %s\nframe.resume_index = %s\nreturn CALL_FRAME"
                            % (argument, next_index))
    elif terminator == "leave_frame":
        statements += _code("frame.return_value = %s\nreturn RETURN" % argument)
    elif terminator == "suspend_frame":
        statements += _code("frame.return_value = %s\nframe.resume_index = %s\nreturn YIELD"
                            % (argument, next_index))
    else:
        raise GenerationError("jump is not a frame exit")
    return statements


# -- superinstructions -----------------------------------------------------------------

# The instructions that call guest code as a call (CPython checks its eval breaker after
# them): where tier 1's joined code may leave its frame to the loop.
GUEST_CALLS = frozenset(("CALL", "CALL_METHOD", "CALL_KW", "CALL_FUNCTION_EX"))


def fused_handler(definitions, maker_name, variable_counts=None, line_parts=None,
                  attribute_names=None, record_first=False, charges=(), refunds=(),
                  checks=(), leaves_after_calls=False):
    """The maker of one handler for a run of instructions with these bodies.

    ``variable_counts`` (for a run whose operands are known, as in hot code) gives each
    part's variable input count, or None: a part may then take its variable input
    partly from the real stack.  Without it (a row), a variable input takes every value
    the parts before it left, and the maker declines another count.  ``line_parts``, a
    list, receives the position of the part each line of the source belongs to (None
    outside the handler's body).  ``attribute_names`` (for a run whose operands are
    known) gives, for each part that ``bakes_attribute_name``, the attribute its ``name``
    holds, written into its body (``_bake_attribute_name``); None for the others.
    ``record_first``: the first part records its index when it fails too (a handler
    the loop may enter other than at its first instruction, as tier 1's are).
    ``charges``: the positions of the parts that start a stretch, each of which charges
    the stretch's length to a budget before it runs; ``refunds``: those of the jumps
    that give back part of their stretch where they are taken (``pvm.engine.charging``).
    ``checks``: (position, kind) of the parts that run behind a check of the budget's
    (``pvm.engine.size_checks``: a test inline, and where it fails a call).  The
    maker then takes the budget and the amounts (the charges', then the refunds') as
    well.  ``leaves_after_calls`` (tier 1's): after each guest call, where
    ``LEAVE_TRANSLATED`` asks (``pvm.engine.frames``), the handler leaves the frame to
    the loop there, its values on the stack, with ``return TIER0_AT(after_N)`` (a
    return that tier 1's layout keeps, where it makes a return of a block's index a
    jump)."""
    count = len(definitions)
    parts = [Part(definition, position, single=False)
             for position, definition in enumerate(definitions)]
    imports = {}
    virtual = []              # names of values pushed by earlier parts, bottom first
    statements = []
    guards = []               # decode-time checks: a variable input's count
    part_starts = []          # where each part's statements start in ``statements``
    checked = dict(checks)
    for part in parts:
        part_starts.append(len(statements))
        if part.position in charges:
            statements += _charge(part.position, charges.index(part.position))
        definition = part.definition
        body = part.body
        opcode = definition.opcode
        imports.update(body.imports)
        last = part.position == count - 1
        rename = dict(part.rename)
        flush_before = []
        kept_count = 0
        # The handler's names holding values this part takes: once it is done with
        # them they are deleted, so that an object the program drops dies when it does
        # under CPython (its finalizer runs there), not when the run ends.
        consumed = []
        listed = None           # (the variable input's name, the names of its values)
        if definition.raw:
            flush_before = virtual
            consumed += virtual
            virtual = []
            inputs_source = []
        else:
            inputs = list(definition.inputs)
            needed = len(inputs)
            if definition.variable_input:
                # The input's own renamed name: a body's names are distinct, so no
                # other name of the body becomes this one.
                variable_name = rename[definition.variable_input]
                known = variable_counts[part.position] if variable_counts else None
                if known is None:
                    # A row: the variable input takes every value the parts before left.
                    available = len(virtual) - needed
                    if available < 0:
                        raise GenerationError("%s: a variable input in a row must come "
                                              "from the parts before it" % maker_name)
                else:
                    available = known
                guards.append("%s == %d" % (
                    variable_count_source(opcode, part.operand_name, needed), available))
                consumed.append(variable_name)
                if available + needed <= len(virtual):
                    variable_values = virtual[len(virtual) - available:]
                    virtual = virtual[:len(virtual) - available]
                    consumed += variable_values
                    listed = variable_name, variable_values
                    # (Made where the body first needs it: see _made_where_read; a
                    # size check reads the values themselves, _check.)
                else:
                    # Some of the values are on the real stack: the rest go there too,
                    # and the part takes its inputs from there, as its single handler.
                    statements += _code("\n".join("stack.append(%s)" % value
                                                  for value in virtual))
                    consumed += virtual
                    virtual = []
                    statements += _code(
                        "%(v)s = stack[-%(n)d:]\ndel stack[-%(n)d:]" % {
                            "v": variable_name, "n": available} if available
                        else "%s = []" % variable_name)
            # A part whose inputs all come from the real stack keeps there those it
            # hands back unchanged, as its single handler does.
            kept_count = 0
            if not virtual and not definition.variable_input and not definition.raw:
                kept_count = _pass_through_count(body, inputs, _pushes(body, False))
            for item in inputs[:kept_count]:
                rename[item] = "%s_%d" % (item, part.position)
            inputs_source = []
            for item in reversed(inputs[kept_count:]):
                if virtual:
                    rename[item] = virtual.pop()
                    consumed.append(rename[item])
                else:
                    inputs_source.append(item)
            for item in inputs_source:
                rename[item] = "%s_%d" % (item, part.position)
                if item in body.loaded:
                    statements += _code("%s = stack.pop()" % rename[item])
                    consumed.append(rename[item])
                else:
                    statements += _code("del stack[-1]")
            for position, item in enumerate(inputs[:kept_count]):
                statements += _code("%s = stack[%d]" % (rename[item], position - kept_count))
        kept = [rename[item] for item in definition.inputs[:kept_count]]
        reassigned = {rename.get(item, item) for item in body.assigned}
        remaining = list(virtual)
        body_statements = copy_tree(body.statements if last else body.structured(), rename)
        # A call's check of its callable goes where its body marks it, past the guest
        # functions' calls (define.CALLEE_CHECK); any other check goes first.
        checked_in_body = body.checks_callee and checked.get(part.position) == "call"
        if body.checks_callee:
            body_statements = _with_callee_checks(
                body_statements,
                {kind: _check(kind, part, rename, listed)[0]
                 for kind in _CALLEE_CHECKS.values()} if checked_in_body else None)
        if listed is not None:
            _pass_values(body_statements, *listed)
            body_statements = _made_where_read(
                _code("%s = [%s]" % (listed[0], ", ".join(listed[1])))[0],
                body_statements, listed[0])
        if attribute_names and attribute_names[part.position] is not None:
            _bake_attribute_name(body_statements, rename["name"],
                                 attribute_names[part.position])
        output_names = []
        if definition.raw:
            fallthrough = None
        else:
            fallthrough = _pushes(body, jump=False)
        def on_terminator(terminator, arguments, part=part, remaining=remaining, kept=kept,
                          reassigned=reassigned):
            if terminator == "jump":
                outputs = part.body.outputs_of(
                    _as_outputs(arguments), _pushes(part.body, True))
                lines = ["stack.append(%s)" % value for value in remaining]
                if part.position in refunds:
                    lines.append("budget.left += refund_%d" % refunds.index(part.position))
                return (_code("\n".join(lines)) + _write_outputs(kept, outputs, reassigned)
                        + _code("return %s" % part.target_name))
            return _terminate(terminator, arguments, remaining, len(kept),
                              "after_%d" % part.position, part.target_name)

        leaves = leaves_after_calls and opcode.name in GUEST_CALLS
        if last:
            def on_return(value, part=part, remaining=remaining, fallthrough=fallthrough,
                          kept_count=kept_count, leaves=leaves):
                if fallthrough is None:
                    outputs = []
                else:
                    outputs = part.body.outputs_of(value, fallthrough)[kept_count:]
                lines = ["stack.append(%s)" % item for item in remaining]
                lines += ["stack.append(%s)" % _expression(output) for output in outputs]
                if leaves:
                    lines += ["if LEAVE_TRANSLATED:",
                              "    return TIER0_AT(after_%d)" % part.position]
                return _code("\n".join(lines + ["return after_%d" % part.position]))
            exits = _Exits(on_return, on_terminator)
            if not always_exits(body_statements):
                if fallthrough:
                    raise GenerationError("%s falls off its end" % definition.name)
                body_statements = body_statements + [ast.Return(value=None)]
        else:
            structured = body_statements
            if fallthrough:
                output_names = ["value_%d_%d" % (part.position, number)
                                for number in range(kept_count, fallthrough)]
                # A body whose one return is at its end hands on the names it returns
                # as they are, with no copy.
                final = structured[-1] if structured else None
                if part.body.one_final_return():
                    outputs = part.body.outputs_of(final.value, fallthrough)[kept_count:]
                    # (Not a decode-time name: a later part that assigns to its input
                    # would make that closure variable a local of the handler.)
                    # Nor a global or builtin (LOAD_ASSERTION_ERROR's): only the
                    # handler's own variables.
                    own = set(rename.values()) - {rename.get(item, item)
                                                  for item in body.decoded}
                    output_names = [output.id if isinstance(output, ast.Name)
                                    and output.id in own else name
                                    for output, name in zip(outputs, output_names)]

            # What the part made for itself on the way to one return only (CALL's
            # instance, made where it calls __init__ directly) dies at that return:
            # the end of the part frees only what every way through it binds.
            bound_at_returns = {}
            everywhere = bound_on_every_path(structured, at_returns=bound_at_returns) or set()
            own_made = worth_freeing(structured, {
                rename[name] for name in body.assigned
                if name not in body.decoded and name in body.locals}) - everywhere

            def on_return(value, node, part=part, output_names=output_names,
                          fallthrough=fallthrough, kept_count=kept_count,
                          bound_at_returns=bound_at_returns, own_made=own_made,
                          consumed=consumed, kept=kept):
                if fallthrough is None:
                    assignments = []
                else:
                    outputs = part.body.outputs_of(value, fallthrough)[kept_count:]
                    assignments = [
                        ast.Assign(targets=[ast.Name(id=target_name, ctx=ast.Store())],
                                   value=output, lineno=0)
                        for target_name, output in zip(output_names, outputs)
                        if not (isinstance(output, ast.Name) and output.id == target_name)]
                dead = sorted(own_made & bound_at_returns.get(id(node), set())
                              - set(output_names) - set(consumed) - set(kept))
                return assignments + (_code("del %s" % ", ".join(dead)) if dead else [])
            exits = _Exits(on_return, on_terminator, with_node=True)
            body_statements = structured
        transformed = []
        if part.position in checked and not checked_in_body:
            transformed += _check(checked[part.position], part, rename, listed)
        for statement in body_statements:
            result = exits.visit(statement)
            transformed.extend(result if isinstance(result, list) else [result])
        if flush_before:
            statements += _code("\n".join("stack.append(%s)" % value for value in flush_before))
        if (part.position or record_first) and definition.raises:
            # ``index + N``, not a name the maker binds: an addition on failure only,
            # where each bound name is a closure cell that every run of the handler
            # copies into its frame and clears again.
            handler = _code("""
                try:
                    pass
                except BaseException:
                    frame.failed_index = index + %d
                    raise
                """ % part.position)[0]
            handler.body = transformed or [ast.Pass()]
            statements.append(handler)
        else:
            statements.extend(transformed)
        if not last:
            virtual = remaining + output_names
            # What the part made for itself dies with it too (CALL_KW's argument list
            # and keyword dict: the callee's generator, run by the next part, must not
            # find the run still holding its arguments).  Only the names every path
            # that falls through assigns: a ``del`` of an unbound name would fail.
            variables = {rename[name] for name in body.locals if name not in body.decoded}
            own = (bound_on_every_path(transformed) or set()) & worth_freeing(
                transformed, variables) & {rename[name] for name in body.assigned
                                           if name not in body.decoded}
            dead = []
            for name in consumed + sorted(own):
                if name not in virtual and name not in kept and name not in dead:
                    dead.append(name)
            if dead:
                statements += _code("del %s" % ", ".join(dead))
            if leaves:
                statements += _code("if LEAVE_TRANSLATED:\n%s    return TIER0_AT(after_%d)"
                                    % ("".join("    stack.append(%s)\n" % value
                                               for value in virtual), part.position))
    statements = _without_dead_copies(statements)
    handler_name = "__".join(definition.name for definition in definitions)
    body_lines = []
    body_parts = []           # the part each line of the handler's body belongs to
    for number, statement in enumerate(statements):
        statement_lines = ast.unparse(statement).splitlines()
        body_lines.extend("        " + line for line in statement_lines)
        position = max(part for part, start in enumerate(part_starts) if start <= number)
        body_parts.extend([position] * len(statement_lines))
    if not always_exits(statements):
        for value in virtual:
            body_lines.append("        stack.append(%s)" % value)
        body_lines.append("        return after_%d" % (count - 1))
        body_parts.extend([count - 1] * (len(virtual) + 1))
    # The maker binds what the handler reads: each part's decode-time names, its index
    # (where it records a failure) and the index after it (where an exit continues).
    decode_lines = []
    for part in parts:
        needs = ["target"] if "jump" in part.body.terminators else []
        decode_lines.append(part.decode_lines(needs))
    used = set(re.findall(r"\w+", "\n".join(body_lines + guards
                                              + sum(decode_lines, []))))
    charged = charges or refunds or checks
    lines = ["def %s(code, run, index%s):" % (maker_name,
                                               ", budget, amounts" if charged else "")]
    lines += ["    stretch_length_%d = amounts[%d]" % (number, number)
              for number in range(len(charges))]
    lines += ["    refund_%d = amounts[%d]" % (number, len(charges) + number)
              for number in range(len(refunds))]
    for part, part_lines in zip(parts, decode_lines):
        if part.operand_name in used:
            lines.append("    %s = run[%d][1]" % (part.operand_name, part.position))
        if part.index_name in used:
            lines.append("    %s = index + %d" % (part.index_name, part.position)
                         if part.position else "    %s = index" % part.index_name)
        if "after_%d" % part.position in used:
            lines.append("    after_%d = index + %d" % (part.position, part.position + 1))
        lines.extend("    " + line for line in part_lines)
    for guard in guards:
        lines.append("    if not (%s):" % guard)
        lines.append("        return None")
    lines.append("")
    lines.append("    def %s(frame, stack, fast):" % handler_name)
    if line_parts is not None:
        line_parts.extend([None] * len(lines))
        line_parts.extend(body_parts)
        line_parts.append(None)
    lines.extend(body_lines)
    lines.append("    return %s" % handler_name)
    return _bound_as_defaults(lines), imports


def _charge(position, number):
    """The statements of a charge of the stretch that starts at the part at ``position``
    (the handler's ``number``th charge): where the budget runs out, its ``refill``
    grants more or raises, as the instruction at that position (whose handler would
    have charged it: ``pvm.engine.charging``)."""
    length = "stretch_length_%d" % number
    refill = ["budget.refill(%s)" % length]
    if position:
        refill = ["frame.failed_index = index + %d" % position] + refill \
            + ["frame.failed_index = -1"]
    return _code("\n".join(["budget_left = budget.left - %s" % length,
                            "budget.left = budget_left",
                            "if budget_left < 0.0:"] + ["    " + line for line in refill]))


def _check(kind, part, rename, listed=None):
    """The statements of the check of ``kind`` before the part's body: its test over
    the part's inputs, as the part names them, and where the test fails, its look.
    ``listed``: (the variable input's name, the names of its values), where the run
    knows them: the check reads the values themselves (its length a constant, its
    first item a name, the list made for the look only), so that a call the body
    makes with its values written out makes no list (``_made_where_read``)."""
    kind, _, kept = kind.partition("/")
    inputs, test, look, _given = size_checks.CHECKS[kind]
    if kept.startswith("keeping "):
        # (size_checks.with_floats_kept: whether this operand is a float, for later
        # checks of the run that read the same local again.)
        test = "not (float_%d := type(%s) is float) and (%s)" % (
            part.position, kept[len("keeping "):], test)
    elif kept.startswith("after "):
        test = "not float_%d and (%s)" % (int(kept[len("after "):]), test)
    # (A raw body's ``stack`` keeps its name.)
    names = {name: rename.get(name, name) for name in inputs}
    names["operand"] = part.operand_name
    statement = copy_tree(_code("if %s:\n    %s" % (test, look))[0], names)
    if listed is not None and listed[0] in names.values():
        statement = _ValuesListed(*listed).visit(statement)
    return [statement]


class _ValuesListed(ast.NodeTransformer):
    """A check with its variable input's ``len(name)`` the constant it is, ``name[0]``
    its first value, and ``name`` elsewhere a list display of the values."""

    def __init__(self, name, values):
        self.name = name
        self.values = values

    def _is_list(self, node):
        return isinstance(node, ast.Name) and node.id == self.name

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "len" \
                and len(node.args) == 1 and self._is_list(node.args[0]):
            return ast.Constant(len(self.values))
        return self.generic_visit(node)

    def visit_Subscript(self, node):
        if self._is_list(node.value) and isinstance(node.slice, ast.Constant) \
                and node.slice.value == 0:
            # (Read after a test of the length only: None where there is none.)
            return ast.Name(id=self.values[0], ctx=ast.Load()) if self.values \
                else ast.Constant(None)
        return self.generic_visit(node)

    def visit_Name(self, node):
        if self._is_list(node):
            return ast.List(elts=[ast.Name(id=value, ctx=ast.Load())
                                  for value in self.values], ctx=ast.Load())
        return node


def _bound_as_defaults(lines):
    """A maker's lines, its handler taking the decode-time values it reads as parameters
    with defaults (``def H(frame, stack, fast, name_0=name_0, ...)``) rather than as
    free variables of a closure.

    The loop calls a handler with its three arguments, so the values come from the
    defaults: read as the handler's own locals (cheaper than a closure's cells), with
    no cell made per value when the maker runs (decoding makes one handler per
    instruction), and no cells for the host's collector to traverse (a closure
    handler is 2 + n tracked objects, this one 2)."""
    maker = compile("\n".join(lines), "<maker>", "exec").co_consts[0]
    handler = next(constant for constant in maker.co_consts
                   if type(constant) is type(maker))
    free = [name for name in handler.co_freevars if name != handler.co_name]
    if not free:
        return lines
    header = "    def %s(frame, stack, fast):" % handler.co_name
    position = lines.index(header)
    bound = ", ".join("%s=%s" % (name, name) for name in free)
    return lines[:position] + ["    def %s(frame, stack, fast, %s):" % (handler.co_name, bound)] \
        + lines[position + 1:]


def _without_dead_copies(statements):
    """``statements`` less the assignments of a name or constant to a variable nothing
    reads (and that variable's ``del``): what one part pushes and the next pops without
    looking at it, such as LOAD_METHOD's NULL under CALL_METHOD."""
    loaded = set()
    copied = set()
    assigned_otherwise = set()
    for node in walk(ast.Module(body=statements, type_ignores=[])):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                loaded.add(node.id)
        elif isinstance(node, ast.Assign):
            target = node.targets[0]
            if (len(node.targets) == 1 and isinstance(target, ast.Name)
                    and isinstance(node.value, (ast.Name, ast.Constant))):
                copied.add(target.id)
            else:
                assigned_otherwise.update(child.id for target in node.targets
                                          for child in walk(target)
                                          if isinstance(child, ast.Name))
        elif isinstance(node, (ast.AugAssign, ast.For, ast.With, ast.NamedExpr)):
            # (Targets of these are never copies; be safe and keep them.)
            assigned_otherwise.update(child.id for child in walk(node)
                                      if isinstance(child, ast.Name))
    dead = copied - loaded - assigned_otherwise
    if not dead:
        return statements
    return _drop_names(statements, dead)


def _drop_names(statements, dead):
    kept = []
    for statement in statements:
        if (isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name)
                and statement.targets[0].id in dead):
            continue
        if isinstance(statement, ast.Delete):
            targets = [target for target in statement.targets
                       if not (isinstance(target, ast.Name) and target.id in dead)]
            if not targets:
                continue
            statement.targets = targets
        for field in ("body", "orelse", "finalbody"):
            block = getattr(statement, field, None)
            if block:
                setattr(statement, field, _drop_names(block, dead) or [ast.Pass()])
        for handler in getattr(statement, "handlers", ()):
            handler.body = _drop_names(handler.body, dead) or [ast.Pass()]
        kept.append(statement)
    return kept


def _pass_values(statements, name, values):
    """Where the variable input ``name`` (a list of the ``values``, names) is passed
    on whole to a call, ``f(*name)`` or ``f(a, *name)``, before anything else on its
    path reads it, pass the values themselves (in place): a call with its arguments
    written out is the host's fast one, where unpacking a list is not.  Its length,
    ``len(name)``, read there is the constant it is (CALL's test of a callee's arity).
    Returns whether ``name`` was left unread but so, on every path through
    ``statements``."""
    for statement in statements:
        _count_known(statement, name, len(values))
        if isinstance(statement, ast.If) and not _mentions(statement.test, name, values):
            if not (_pass_values(statement.body, name, values)
                    and _pass_values(statement.orelse, name, values)):
                return False
            continue
        if isinstance(statement, (ast.Assign, ast.Expr, ast.Return)):
            calls = [node for node in walk(statement) if isinstance(node, ast.Call)
                     and node.args and isinstance(node.args[-1], ast.Starred)
                     and isinstance(node.args[-1].value, ast.Name)
                     and node.args[-1].value.id == name
                     and not any(isinstance(argument, ast.Starred)
                                 for argument in node.args[:-1])]
            for call in calls:
                call.args[-1:] = [ast.Name(id=value, ctx=ast.Load()) for value in values]
            _displays_made(statement, name, values)
            if not _mentions(statement, name, values):
                continue
        return False
    return True


# The builtins that make a container of the values of a list, and the display that
# makes the same container of the values written out (BUILD_TUPLE, BUILD_SET): a
# display is one host instruction, where the call made a list first.  (A set display
# adds its items in order, as set() does; an empty one is no display.)
_DISPLAYS = {"tuple": ast.Tuple, "set": ast.Set}


def _displays_made(statement, name, values):
    """In ``statement``'s expressions, ``tuple(name)`` (or ``set(name)``) where the
    list ``name`` holds the ``values`` (names) made a display of them, in place."""
    def display(node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in _DISPLAYS and len(node.args) == 1 and not node.keywords \
                and isinstance(node.args[0], ast.Name) and node.args[0].id == name \
                and (values or node.func.id == "tuple"):
            return _DISPLAYS[node.func.id](elts=[ast.Name(id=item, ctx=ast.Load())
                                                 for item in values], ctx=ast.Load())
        return node
    for node in walk(statement):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list):
                value[:] = [display(item) for item in value]
            else:
                setattr(node, field, display(value))


def _made_where_read(creation, statements, name):
    """``statements`` with ``creation`` (the assignment of the variable input ``name``)
    first, or, where only one ``if`` reads or writes ``name`` and its test does not,
    made in those of its branches that do, and ``name = None`` in the others (bound on
    every path, so that its ``del`` after the part and tier 1's freeing find it): a
    call that passes the values themselves (CALL's built-in and direct calls) makes no
    list."""
    reading = [position for position, statement in enumerate(statements)
               if _mentions(statement, name, ())]
    if not reading:
        return [_code("%s = None" % name)[0]] + statements
    first = statements[reading[0]]
    if len(reading) == 1 and isinstance(first, ast.If) and not _mentions(first.test, name, ()):
        first.body = _made_where_read(creation, first.body, name)
        first.orelse = _made_where_read(copy_tree(creation), first.orelse, name)
        return statements
    return statements[:reading[0]] + [creation] + statements[reading[0]:]


def _count_known(statement, name, count):
    """Replace ``len(name)`` in ``statement``'s own expressions (not in the statements
    it holds, which _pass_values reaches in their turn) by ``count``."""
    nested = {id(inner) for field in ("body", "orelse", "finalbody", "handlers")
              for inner in getattr(statement, field, None) or ()}
    pending = [statement]
    while pending:
        node = pending.pop()
        for field, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for position, child in enumerate(children):
                if not isinstance(child, ast.AST) or id(child) in nested:
                    continue
                if (isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
                        and child.func.id == "len" and len(child.args) == 1
                        and not child.keywords and isinstance(child.args[0], ast.Name)
                        and child.args[0].id == name):
                    constant = ast.Constant(count)
                    if isinstance(value, list):
                        value[position] = constant
                    else:
                        setattr(node, field, constant)
                    continue
                pending.append(child)


def _mentions(node, name, values):
    """Whether ``node`` reads or writes ``name`` or writes one of ``values``."""
    for inner in walk(node):
        if isinstance(inner, ast.Name) and (inner.id == name or inner.id in values
                                            and not isinstance(inner.ctx, ast.Load)):
            return True
        if isinstance(inner, ast.NamedExpr) and (inner.target.id == name
                                                 or inner.target.id in values):
            return True
    return False


def copy_tree(node, rename=None):
    """A copy of a syntax tree, to transform without touching the original, with the
    variables in ``rename`` renamed (one walk of the fields: several times faster than
    unparsing and parsing again, or a NodeTransformer, which counts when hot code is
    joined at run time)."""
    if isinstance(node, list):
        return [copy_tree(item, rename) for item in node]
    if not isinstance(node, ast.AST) or isinstance(node, ast.expr_context):
        # (Load, Store and Del hold nothing: one instance can serve every name.)
        return node
    kind = node.__class__
    new = kind()
    # (Through the nodes' dicts, where the fields and positions set are: a field
    # unset reads as its class's default, None, as getattr gives it.)
    values = node.__dict__
    copied = new.__dict__
    for field in node._fields:
        value = values[field] if field in values else getattr(node, field, None)
        if isinstance(value, (ast.AST, list)):
            value = copy_tree(value, rename)
        copied[field] = value
    for attribute in node._attributes:
        if attribute in values:
            copied[attribute] = values[attribute]
    if rename and (kind is ast.Name or kind is ast.ExceptHandler):
        if kind is ast.Name:
            new.id = rename.get(new.id, new.id)
        elif new.name is not None:
            new.name = rename.get(new.name, new.name)
    return new


# -- attribute names written into hot code -------------------------------------------------

def bakes_attribute_name(definition):
    """Whether the body reads or writes the attribute of the decode-time ``name`` with
    getattr, setattr or delattr, which a run whose operands are known can write as an
    attribute of that name (``_bake_attribute_name``)."""
    body = body_of(definition)
    if "name" not in body.decoded:
        return False
    return any(_attribute_call(node, "name") is not None
               for statement in body.statements for node in walk(statement))


def _attribute_call(node, variable):
    """The function name of ``getattr(X, variable)``, ``setattr(X, variable, V)`` or
    ``delattr(X, variable)`` with plain variables for X and V, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and not node.keywords):
        return None
    arity = {"getattr": 2, "setattr": 3, "delattr": 2}.get(node.func.id)
    arguments = node.args
    if (arity is None or len(arguments) != arity
            or not all(isinstance(argument, ast.Name) for argument in arguments)
            or arguments[1].id != variable):
        return None
    return node.func.id


def _bake_attribute_name(statements, variable, attribute):
    """Write ``getattr(X, variable)`` in ``statements`` as ``X.attribute`` (setattr and
    delattr as an assignment and a deletion), in place.

    The same lookup, but the host's own attribute instructions specialize on the type
    of the object they meet (an instance attribute of a guest object is read from its
    values at once), where a getattr call looks the name up every time: a tenth of the
    cost.  (With plain variables as arguments the order of evaluation is no matter;
    the maker is not in a class body, so no name is mangled.)"""
    baker = _AttributeBaker(variable, attribute)
    statements[:] = [baker.visit(statement) for statement in statements]


class _AttributeBaker(ast.NodeTransformer):

    def __init__(self, variable, attribute):
        self.variable = variable
        self.attribute = attribute

    def visit_Expr(self, node):
        call = node.value
        kind = _attribute_call(call, self.variable)
        if kind == "setattr":
            target = ast.Attribute(value=call.args[0], attr=self.attribute, ctx=ast.Store())
            return ast.Assign(targets=[target], value=call.args[2], lineno=0)
        if kind == "delattr":
            return ast.Delete(targets=[ast.Attribute(value=call.args[0], attr=self.attribute,
                                                     ctx=ast.Del())])
        return self.generic_visit(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        if _attribute_call(node, self.variable) == "getattr":
            return ast.Attribute(value=node.args[0], attr=self.attribute, ctx=ast.Load())
        return node


# -- the module ------------------------------------------------------------------------

def bodies_of(opcode_name):
    """The definitions of an opcode: its variants in order, then the plain one."""
    return VARIANTS.get(opcode_name, []) + [DEFINITIONS[opcode_name]]


def _row_bodies(opcode_name):
    """The bodies of an opcode a superinstruction may join: the fusable ones, and of
    those, only the named-item ones where there are any (a row declines an operand
    that only a raw body serves, rather than carry a copy that flushes the stack)."""
    fusable = [definition for definition in bodies_of(opcode_name) if definition.fusable]
    named = [definition for definition in fusable if not definition.raw]
    return named or fusable


def _predicate_call(definition, operand="operand"):
    arguments = [DECODED[name].replace("operand", operand) for name in definition.when_names]
    return "when_%s(%s)" % (definition.name, ", ".join(arguments))


def generate():
    """The sources of pvm/engine/tier0.py and tier0_fused.py, by path."""
    sections = []
    imports = {}
    fused_imports = {}
    predicates = []
    factory_lines = []
    selector_lines = []
    cold_sections = []
    cold_lines = []
    for opcode in opcodes.OPCODES:
        if opcode.pseudo:
            factory_lines.append("    None,  # %s exists only in the compiler" % opcode.name)
            selector_lines.append("    None,")
            cold_lines.append("    None,")
            continue
        if opcode.name not in DEFINITIONS:
            raise GenerationError("no definition of %s" % opcode.name)
        bodies = bodies_of(opcode.name)
        for definition in bodies:
            lines, cold, used = single_handler(definition)
            imports.update(used)
            sections.append("\n".join(lines))
            cold_sections.append("\n".join(cold))
            if definition.when is not None:
                lines, used = _predicate_source(definition)
                imports.update(used)
                predicates.append("\n".join(lines))
        if len(bodies) == 1:
            factory_lines.append("    make_%s," % opcode.name)
            selector_lines.append("    lambda code, operand, index: %r," % opcode.name)
            cold_lines.append("    cold_%s," % opcode.name)
            continue
        lines = ["def make_any_%s(code, operand, index):" % opcode.name]
        selector = ["def select_%s(code, operand, index):" % opcode.name]
        cold = ["def cold_any_%s(frame, stack, fast, code, operand, index):" % opcode.name]
        for definition in bodies[:-1]:
            lines.append("    if %s:" % _predicate_call(definition))
            lines.append("        return make_%s(code, operand, index)" % definition.name)
            cold.append("    if %s:" % _predicate_call(definition))
            cold.append("        return cold_%s(frame, stack, fast, code, operand, index)"
                        % definition.name)
            selector.append("    if %s:" % _predicate_call(definition))
            selector.append("        return %r" % (definition.name if definition.fusable
                                                   else None))
        lines.append("    return make_%s(code, operand, index)" % opcode.name)
        selector.append("    return %r" % opcode.name)
        cold.append("    return cold_%s(frame, stack, fast, code, operand, index)"
                    % opcode.name)
        sections.append("\n".join(lines))
        sections.append("\n".join(selector))
        cold_sections.append("\n".join(cold))
        factory_lines.append("    make_any_%s," % opcode.name)
        cold_lines.append("    cold_any_%s," % opcode.name)
        selector_lines.append("    select_%s," % opcode.name)
    fused = []
    row_lines = []
    for row in superinstructions.ROWS:
        choices = [_row_bodies(name) for name in row]
        combinations = [[]]
        for options in choices:
            combinations = [combination + [option] for combination in combinations
                            for option in options]
        makers = []
        for combination in combinations:
            maker_name = "fuse_" + "__".join(definition.name for definition in combination)
            lines, used = fused_handler(combination, maker_name)
            fused_imports.update(used)
            fused.append("\n".join(lines))
            makers.append("        %r: %s," % (tuple(d.name for d in combination),
                                               maker_name))
        numbers = tuple(opcodes.BY_NAME[name].number for name in row)
        row_lines.append("    %r: {  # %s\n%s\n    }," % (numbers, " ".join(row),
                                                         "\n".join(makers)))
    text = "\n\n" + "\n\n\n".join(predicates) + "\n\n\n"
    text += "# -- one handler per instruction " + "-" * 56 + "\n\n\n"
    text += "\n\n\n".join(sections) + "\n\n\n"
    text += "# The maker of each opcode's handler, by opcode number.\nFACTORIES = [\n"
    text += "\n".join(factory_lines) + "\n]\n\n"
    text += ("# Which body an opcode's instruction gets (None: one no superinstruction "
             "takes), by opcode number.\nSELECTORS = [\n")
    text += "\n".join(selector_lines) + "\n]\n"
    text += ("\n\n# -- code that runs once " + "-" * 65 + "\n\n\n"
             + "\n\n\n".join(cold_sections) + "\n\n\n")
    text += ("# Each opcode's handler of code that runs once (Interpreter.run_once), by "
             "opcode number.\nCOLD = [\n" + "\n".join(cold_lines) + "\n]\n")
    fused_text = "\n\n" + "\n\n\n".join(fused) + "\n\n\n"
    fused_text += ("# The rows: opcode numbers -> {the bodies chosen for them: the maker of "
                   "their handler}.\nSUPERINSTRUCTIONS = {\n")
    fused_text += "\n".join(row_lines) + "\n}\n"
    # What pvm.engine.hot_runs needs to cut code into runs, known here so that it need
    # not import the generator (and what it imports) to read the definitions.
    def bodies_with(terminators):
        return sorted(definition.name for opcode in opcodes.OPCODES if not opcode.pseudo
                      for definition in bodies_of(opcode.name)
                      if terminators & body_of(definition).terminators)

    text += ("\n# The bodies that leave their frame (a return, a yield): nothing after "
             "them in a run\n# runs.\nLEAVES_FRAME = frozenset({\n")
    text += "".join("    %r,\n" % name
                    for name in bodies_with({"leave_frame", "suspend_frame"})) + "})\n"
    text += ("\n# The bodies that may enter another frame (a call of a guest function): "
             "the frame\n# resumes just after them.\nENTERS_FRAME = frozenset({\n")
    text += "".join("    %r,\n" % name for name in bodies_with({"enter_frame"})) + "})\n"
    entering = sorted({definition.opcode.number for opcode in opcodes.OPCODES
                       if not opcode.pseudo for definition in bodies_of(opcode.name)
                       if "enter_frame" in body_of(definition).terminators})
    text += ("\n# The opcodes some body of which enters another frame (a call of a guest "
             "function):\n# code without them runs no frame of its own.\n"
             "ENTERS_FRAME_OPCODES = frozenset({%s})\n"
             % ", ".join(str(number) for number in entering))
    baking = sorted(definition.name for opcode in opcodes.OPCODES if not opcode.pseudo
                    for definition in bodies_of(opcode.name)
                    if bakes_attribute_name(definition))
    text += ("\n# The bodies that get, set or delete the attribute of their decode-time name: "
             "a joined\n# run writes the attribute itself (bakes_attribute_name).\n"
             "BAKES_ATTRIBUTE_NAME = frozenset({\n")
    text += "".join("    %r,\n" % name for name in baking) + "})\n"
    text = _header("The tier-0 handlers, generated by pvm.engine.generate from "
                   "pvm.engine.instructions.", imports, text) + text
    fused_text = _header("The superinstructions of tier 0, generated by pvm.engine.generate "
                         "from pvm.engine.instructions and the rows of "
                         "pvm.engine.superinstructions.", fused_imports, fused_text) + fused_text
    return {OUTPUT: text, FUSED_OUTPUT: fused_text}


# What makers and handlers may read besides their bodies' names: the operator tables of
# the decode-time names, the loop's signals, the opcodes (variable input counts).
_ALWAYS = {"BINARY_FUNCTIONS": "pvm.engine.instructions.support",
           "COMPARE_FUNCTIONS": "pvm.engine.instructions.support",
           "passes_new_generator": "pvm.engine.instructions.support",
           "passes_generator_to_loop": "pvm.engine.instructions.support",
           "zero_argument_super_cell": "pvm.engine.instructions.support",
           "calls_guest_method": "pvm.engine.instructions.support",
           "CALL_FRAME": "pvm.engine.signals", "RETURN": "pvm.engine.signals",
           "YIELD": "pvm.engine.signals", "OPCODES": "pvm.opcodes"}


def _header(summary, imports, text):
    """A generated module's docstring and imports (``imports``: name -> module), for the
    module's ``text``."""
    read = set(re.findall(r"\w+", text))
    imports = {name: home_of(module, name)
               for name, module in [*imports.items(), *_ALWAYS.items()] if name in read}
    by_module = {}
    for name, module in imports.items():
        by_module.setdefault(module, []).append(name)
    lines = ['"""' + textwrap.fill(summary, width=88, subsequent_indent=""),
             "",
             "Do not edit: change a definition or a row and run `python3 -m pvm.engine.generate`",
             '(tests/test_generate.py fails while this file is stale)."""',
             ""]
    for module in sorted(by_module):
        lines.append(textwrap.fill("from %s import (%s)" % (module, ", ".join(
            sorted(by_module[module]))), width=92, subsequent_indent="    "))
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 if a generated module is out of date")
    arguments = parser.parse_args(argv)
    try:
        texts = generate()
    except GenerationError as error:
        print("pvm.engine.generate: %s" % error, file=sys.stderr)
        return 2
    status = 0
    for path, text in texts.items():
        try:
            with open(path, encoding="utf-8") as file:
                current = file.read()
        except FileNotFoundError:
            current = None
        if current == text:
            continue
        if arguments.check:
            print("%s is out of date: run python3 -m pvm.engine.generate" % path,
                  file=sys.stderr)
            status = 1
            continue
        temporary = path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    return status


if __name__ == "__main__":
    sys.exit(main())
