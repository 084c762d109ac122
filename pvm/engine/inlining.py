"""Inlining: the body of a small translated function written into its caller's
runners at a call site where that function was the only callee seen.

A call of a translated function from translated code is a host call of its direct
runner (tier1's ``direct_NAME``), which costs more than what most small methods do
(``return self.first if self.direction is FORWARD else self.second``): a frame of the
host, the arguments bound, the interpreter read again.  Where tier 0 saw one callee at
a call while the caller warmed up (``Interpreter`` records them), and that callee is a
leaf with no loop, handler, cell or exit to tier 0, the caller's frameless and direct
runners test first, at that call, whether the direct runner the call would call is
that callee's, and run its body in place if so:

    t4 = type(t2)
    if t4 is Function and t2.executable.direct is INLINED_1:
        t5 = None                              # (the call's own statements first)
        if depth + 1 > interpreter.recursion_limit: raise RecursionError(...)
        i1_local_0 = t3                        # the arguments
        i1_outer = interpreter.frameless
        interpreter.frameless = depth + 1      # as the direct runner marks itself
        try:
            ... the direct runner's body: its names prefixed ``i1_``, its function
            ... ``t2``, its depth ``depth + 1``, its ``return value`` now ``t6 =
            ... value`` (and a ``break`` out of a loop around it, unless each
            ... return is the last thing it runs)
        except BaseException as error:
            ... its locals handed over, then
            t6 = interpreter.inlined_failed(t2, i1_fast, error, depth + 1, -1)
        i1_local_0 = ... = None                # the callee's locals die at its return
    elif t4 is BUILTIN ...:                    # the call's tests, as they were
        ...
    elif t4 is Function and (t7 := t2.executable).direct_arity == 1 and ...:
        t5 = None
        t6 = t7.direct(t2, depth + 1, t3)

The test is the one that holds whatever else took the callee's calls over (an
instrument, the runner that makes its frame, a budget, ``f.__code__`` replaced): each
puts another direct runner in ``executable.direct``, or none.

The callee keeps its guest frame, made only when asked for, as a frameless runner's
is: its statements' host lines are its own instructions' lines plus ``SITE_LINES``
times the site's number, so that the caller's host frame, running one, says which
callee runs where (``pvm.engine.host_stack``, which yields two frames for it: the
callee's, its variables those prefixed, and the caller's, at the call), and an error
there leaves through ``Interpreter.inlined_failed``, which makes the callee's frame
and ends it, as a direct runner's handler does, before the caller's handler sees the
error at the call.
"""

import ast
import copy
import re

from pvm.engine.decode import is_leaf, loop_heads
from pvm.engine.tree_walk import walk

# The host lines of the statements inlined at site n (from 1): n * SITE_LINES plus the
# callee's own line (its instruction's index plus one).  Past any guest code's length.
SITE_LINES = 1_000_000

# What a direct runner's prologue does before its ``try``, which the inlined code does
# itself (its marker set with the new names), and the parameters past the guest's that
# start as constants (tier1._CONSTANT_PARAMETERS).
_PROLOGUE = ("interpreter = function.interpreter",
             "if depth > interpreter.recursion_limit:\n"
             "    raise RecursionError('maximum recursion depth exceeded')",
             "outer = interpreter.frameless",
             "interpreter.frameless = depth")
# Names whose use in a body means it may leave its frame to tier 0, or reads what an
# inlined body does not have (the real stack, the frame, a label set by a jump).
_REFUSED_NAMES = frozenset(("stack", "frame", "caller", "leaving", "cells", "failure",
                            "ToTier0", "RUN_FULL"))
# The names an inlined body's own variables take (``i1_local_0``), which its caller's
# runners forget with their own where they hand the frame on.
INLINED_NAME = re.compile(r"i\d+_")
_RENAMED = re.compile(r"(t\d+|local_\d+|function|depth|outer|returned|fast|failed_index|label)$")


def may_inline(code):
    """Whether the guest ``code``'s translation may be inlined, by what the code is: a
    leaf (no call, yield or exception handler), with no loop and no cells."""
    return is_leaf(code) and not code.co_cellvars and not code.co_freevars \
        and not loop_heads(code)


class Callee:
    """What inlining a translated function needs of its direct runner: the names of
    its parameters, the statements of its ``try`` and of its handler, and the host
    names (the translation's namespace) it reads."""

    __slots__ = ("parameters", "body", "handler", "constants", "names")

    def __init__(self, parameters, body, handler, constants, names):
        self.parameters = parameters        # local_0, local_1, ...
        self.body = body                    # the try's statements
        self.handler = handler              # the handler's, but the last (the failure)
        self.constants = constants          # parameter past the guest's -> its default
        self.names = names                  # the global names it reads


def callee_of(direct_tree, defaults):
    """The ``Callee`` of the direct runner ``direct_tree`` (a host FunctionDef, its
    constant parameters' ``defaults`` by name), or None where its body cannot be
    inlined."""
    body = direct_tree.body
    prologue = [ast.unparse(statement) for statement in body[:4]]
    if [ast.unparse(ast.parse(text).body[0]) for text in _PROLOGUE] != prologue:
        return None
    if len(body) != 6 or not isinstance(body[4], ast.Try):
        return None
    trying = body[4]
    if len(trying.handlers) != 1 or trying.orelse or trying.finalbody:
        return None
    handler = trying.handlers[0]
    if not (isinstance(handler.type, ast.Name) and handler.type.id == "BaseException"
            and handler.name == "error"):
        return None
    failure = handler.body[-1]
    if not (isinstance(failure, ast.Assign) and "frameless_failed" in ast.unparse(failure)):
        return None
    loops = [node for statement in trying.body for node in walk(statement)
             if isinstance(node, (ast.While, ast.For))]
    if loops and not (len(trying.body) == 1 and loops == [trying.body[0]]
                      and isinstance(trying.body[0].test, ast.Constant)):
        return None
    names = set()
    for statement in trying.body + handler.body[:-1]:
        for node in walk(statement):
            if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Continue, ast.Break, ast.Try,
                                 ast.FunctionDef, ast.Lambda, ast.Global, ast.Nonlocal)):
                return None
            if isinstance(node, ast.Name):
                if node.id in _REFUSED_NAMES:
                    return None
                if node.id == "label" and not isinstance(node.ctx, ast.Load):
                    return None
                if not _RENAMED.match(node.id) and node.id != "interpreter":
                    names.add(node.id)
    arguments = [argument.arg for argument in direct_tree.args.args]
    if arguments[:2] != ["function", "depth"]:
        return None
    constants = {name: defaults[name] for name in arguments if name in defaults}
    parameters = [name for name in arguments[2:] if name not in constants]
    return Callee(parameters, _one_block_unlooped(trying.body), handler.body[:-1], constants,
                  names)


def _one_block_unlooped(body):
    """``body``, or, where it is the loop of one block that no jump enters again
    (``while True: if label == 0: ...``, ``label`` never set), that block's
    statements: a call runs them once."""
    if len(body) == 1 and isinstance(body[0], ast.While) and len(body[0].body) == 1:
        block = body[0].body[0]
        if isinstance(block, ast.If) and not block.orelse \
                and ast.unparse(block.test) == "label == 0" \
                and not any(isinstance(node, ast.Name) and node.id == "label"
                            for statement in block.body for node in walk(statement)):
            return block.body
    return body


def inline_calls(body, sites):
    """Write each of ``sites`` ((site number, index of the call, the ``Callee``, the
    name bound to its direct runner)) into ``body``, a runner's statements (in place),
    where the call's statements call a direct runner with the callee's count of
    arguments: the first such branch of their tests (``elif t4 is Function and
    (t7 := t2.executable).direct_arity == 1 ...: t6 = t7.direct(t2, depth + 1,
    local_1)``) is tested first, with that runner's identity for its count
    (``if t4 is Function and t2.executable.direct is INLINED_1:``), and runs the
    callee's body.  Return the sites written: (number, the call's index, the name of
    the caller's variable that holds the callee's function there)."""
    written = []
    for number, index, callee, name in sites:
        found = _direct_branch(body, index + 1, len(callee.parameters))
        if found is None:
            continue
        statements, top, branch = found
        call = branch.body[-1].value
        statements[statements.index(top)] = _inlined(top, branch, call, number, callee, name)
        written.append((number, index, call.args[0].id))
    return written


def _direct_branch(body, line, arity):
    """(the list of statements, the statement in it that starts the chain of tests, the
    branch) of the first branch at ``line`` in ``body`` whose statements are ``t5 =
    None`` (a variable that tells no arguments were listed) and ``t6 =
    executable.direct(function, depth + 1, *arguments)`` with ``arity`` arguments,
    ``function`` a variable (``frame.resume_index = 15`` may come first too): None
    if none."""
    for statements in _statement_lists(body):
        for statement in statements:
            if not (isinstance(statement, ast.If) and statement.lineno == line):
                continue
            chain = statement
            while True:
                if _is_direct_branch(chain, arity):
                    return statements, statement, chain
                if len(chain.orelse) == 1 and isinstance(chain.orelse[0], ast.If):
                    chain = chain.orelse[0]
                else:
                    break
    return None


def _is_direct_branch(branch, arity):
    statements = branch.body
    if not (statements and all(_is_none_assigned(statement) or _is_resume_index(statement)
                               for statement in statements[:-1])):
        return False
    last = statements[-1]
    if not (isinstance(last, ast.Assign) and len(last.targets) == 1
            and isinstance(last.targets[0], ast.Name)):
        return False
    call = last.value
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
        and call.func.attr == "direct" and isinstance(call.func.value, ast.Name) \
        and not call.keywords and len(call.args) == 2 + arity \
        and isinstance(call.args[0], ast.Name) \
        and ast.unparse(call.args[1]) in ("depth + 1", "frame.depth + 1") \
        and _executable_test(branch.test, call) is not None


def _is_none_assigned(statement):
    return isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
        and isinstance(statement.targets[0], ast.Name) \
        and isinstance(statement.value, ast.Constant) and statement.value.value is None


def _is_resume_index(statement):
    """Whether ``statement`` is ``frame.resume_index = N`` (which a runner with no
    frame drops: its host line tells)."""
    return isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
        and ast.unparse(statement.targets[0]) == "frame.resume_index"


def _executable_test(test, call):
    """The position among the conjuncts of ``test`` of the one that binds the variable
    the direct ``call`` is made through (``(t7 := t2.executable).direct_arity == 1``)."""
    if not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And)):
        return None
    executable = call.func.value.id
    for position, conjunct in enumerate(test.values):
        if any(isinstance(node, ast.NamedExpr) and node.target.id == executable
               for node in walk(conjunct)):
            return position
    return None


def _statement_lists(statements):
    pending = [statements]
    while pending:
        current = pending.pop()
        yield current
        for statement in current:
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(statement, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    pending.append(inner)
            for handler in getattr(statement, "handlers", ()):
                pending.append(handler.body)


def _inlined(top, branch, call, number, callee, name):
    """The statement that runs ``callee``'s body in place of ``call``, the direct call
    of ``branch`` (a branch of the tests ``top`` starts), where the direct runner
    called would be ``name``'s, and ``top`` otherwise."""
    prefix = "i%d_" % number
    target = branch.body[-1].targets[0].id
    line = top.lineno
    function = call.args[0].id
    callee_depth = call.args[1]

    def code(text):
        return [_located(inner, line, force=True) for inner in ast.parse(text).body]

    def depth():
        return _located(copy.deepcopy(callee_depth), line)

    body = copy.deepcopy(callee.body)
    handler = copy.deepcopy(callee.handler)
    shift = number * SITE_LINES
    for inner in body:
        for node in walk(inner):
            if getattr(node, "lineno", None) is not None:
                node.lineno += shift
                node.end_lineno = node.lineno
    for inner in handler:
        _located(inner, line, force=True)
    used = set()
    for inner in body + handler:
        for node in walk(inner):
            if isinstance(node, ast.Name) and _RENAMED.match(node.id):
                used.add(node.id)
                node.id = prefix + node.id
    # Its function and depth are the caller's variable and depth plus one.
    body = [_replace_names(inner, {prefix + "function": function, prefix + "depth": None},
                           depth) for inner in body]
    handler = [_replace_names(inner, {prefix + "function": function, prefix + "depth": None},
                              depth) for inner in handler]
    returned = prefix + "returned"
    if _returns_last(body):
        # Each way out is its branch's end: no loop to break out of.
        body = _returns_assigned(body, target, returned, last=True)
    else:
        body = _returns_assigned(body, target, returned)
        if not (len(body) == 1 and isinstance(body[0], ast.While)):
            body = [_located(ast.While(test=ast.Constant(True), body=body, orelse=[]),
                             body[0].lineno)]
    # What the callee's locals and temporaries hold dies at its return, as its frame
    # does (the marker it saw is an int, or None).
    held = sorted({prefix + parameter for parameter in callee.parameters}
                  | {node.id for inner in body for node in walk(inner)
                     if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
                     and node.id.startswith(prefix)} - {prefix + "outer"})
    start = code("if DEPTH > interpreter.recursion_limit:\n"
                 "    raise RecursionError('maximum recursion depth exceeded')")
    start[0].test.left = depth()
    for parameter, value in zip(callee.parameters, call.args[2:]):
        start.append(_located(ast.Assign(targets=[ast.Name(id=prefix + parameter,
                                                           ctx=ast.Store())],
                                         value=value), line))
    for parameter, value in callee.constants.items():
        if parameter in used:
            start.extend(code("%s%s = %r" % (prefix, parameter, value)))
    start.extend(code("{0}outer = interpreter.frameless\n"
                      "interpreter.frameless = DEPTH".format(prefix)))
    start[-1].value = depth()
    failed_index = prefix + "failed_index" if "failed_index" in used else "-1"
    handler.extend(code("{1} = interpreter.inlined_failed({2}, {0}fast, error, DEPTH, {3})"
                        .format(prefix, target, function, failed_index)))
    handler[-1].value.args[3] = depth()
    handler.extend(code(prefix + "fast = None"))
    trying = _located(ast.Try(body=body, handlers=[_located(ast.ExceptHandler(
        type=ast.Name(id="BaseException", ctx=ast.Load()), name="error", body=handler),
        line)], orelse=[], finalbody=[]), line)
    inlined = branch.body[:-1] + start + [trying]
    if held:
        inlined.extend(code(" = ".join(held) + " = None"))
    conjuncts = branch.test.values[:_executable_test(branch.test, call)]
    test = ast.Compare(left=ast.Attribute(value=ast.Attribute(
        value=ast.Name(id=function, ctx=ast.Load()), attr="executable", ctx=ast.Load()),
        attr="direct", ctx=ast.Load()), ops=[ast.Is()],
        comparators=[ast.Name(id=name, ctx=ast.Load())])
    if conjuncts:
        test = ast.BoolOp(op=ast.And(), values=copy.deepcopy(conjuncts) + [test])
    return _located(ast.If(test=_located(test, line), body=inlined, orelse=[top]), line)


def _replace_names(tree, names, depth):
    """``tree`` with each name of ``names`` replaced by the one it maps to (by the
    expression ``depth()`` makes, for None)."""
    class Replacer(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id not in names:
                return node
            replacement = names[node.id]
            if replacement is None:
                return _located(depth(), node.lineno, force=True)
            return ast.copy_location(ast.Name(id=replacement, ctx=node.ctx), node)
    return Replacer().visit(tree)


def _returns_last(statements):
    """Whether each ``return`` in ``statements`` ends them, or a branch of an ``if``
    that ends them, or is inside no loop: the last thing it runs."""
    for position, statement in enumerate(statements):
        last = position == len(statements) - 1
        if isinstance(statement, ast.Return):
            if not last:
                return False
        elif isinstance(statement, ast.If):
            if not last and any(isinstance(node, ast.Return) for node in walk(statement)):
                return False
            if not (_returns_last(statement.body) and _returns_last(statement.orelse)):
                return False
        elif any(isinstance(node, ast.Return) for node in walk(statement)):
            return False
    return True


def _returns_assigned(statements, target, returned, last=False):
    """``statements`` with each ``return value`` made ``target = value; break`` (with
    ``last``, where each return is the last thing to run, ``target = value``).  The
    value returned is assigned to ``target`` where it was computed, if that was an
    assignment to ``returned`` just before (a runner's ``returned = x``, then its
    marker put back)."""
    result = []
    for statement in statements:
        if isinstance(statement, ast.Return):
            line = statement.lineno
            value = statement.value
            computed = next((earlier for earlier in reversed(result)
                             if isinstance(earlier, ast.Assign)
                             and len(earlier.targets) == 1
                             and isinstance(earlier.targets[0], ast.Name)
                             and earlier.targets[0].id == returned), None)
            if isinstance(value, ast.Name) and value.id == returned and computed is not None:
                computed.targets[0].id = target
            else:
                assign = ast.Assign(targets=[ast.Name(id=target, ctx=ast.Store())],
                                    value=value)
                result.append(_located(assign, line, force=True))
            if not last:
                result.append(_located(ast.Break(), line, force=True))
            continue
        for field in ("body", "orelse"):
            inner = getattr(statement, field, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                setattr(statement, field, _returns_assigned(inner, target, returned, last))
        result.append(statement)
    return result


def _located(node, line, force=False):
    """``node`` and the nodes inside it without a line (every one, if ``force``) at
    host line ``line``."""
    for inner in walk(node):
        if "lineno" in inner._attributes and (force or getattr(inner, "lineno", None) is None):
            inner.lineno = inner.end_lineno = line
            inner.col_offset = inner.end_col_offset = 0
    return node
