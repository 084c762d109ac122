"""Each instruction of ``pvm.opcodes``, defined once: a short Python body with its inputs
and outputs named.

Everything that executes or describes instructions is generated from these definitions
by ``pvm.engine.generate`` (as CPython 3.12+ generates its interpreter from
``Python/bytecodes.c``): the tier-0 handlers, the superinstructions named in
``pvm.engine.superinstructions``, and the table of definitions a translating tier reads.
Nothing else in pvm writes an instruction's semantics.

How a definition reads
----------------------

A definition is a plain function named after its opcode::

    @instruction
    def BINARY_SUBSCR(container, key):
        return container[key]

- **Positional parameters are the stack inputs**, deepest first; a ``*name`` parameter
  takes the top ``count`` items as a new list (``count`` is the opcode's pops for the
  operand, less the named inputs), so it comes last.  Their number must agree with the
  stack effect in ``pvm.opcodes``.
- **The returned value is the output** (a tuple for several; no return for none).
- **Keyword-only parameters are the context** the body needs, by name:

  at run time     ``frame`` (the running Frame), ``stack`` (its value stack; only
                  ``raw`` definitions touch it), ``fast`` (its fast locals)
  at decode time  ``operand``, ``index`` (this instruction's), ``next_index``,
                  ``code`` and the operand's meaning: ``constant``, ``name``,
                  ``local``, ``local_name``, ``cell``, ``cell_name``, ``cell_is_free``,
                  ``count``, ``binary_function``, ``compare_function`` (see
                  ``DECODED`` below).  These are computed once, when the code object is
                  decoded, so reading them in the body costs a closure variable.
- **Leaving the instruction** other than by falling through is one of the terminators
  below, each called as a statement: ``jump(*outputs)`` (to the operand's target, the
  outputs being those of the taken branch), ``enter_frame(callee)`` (run a new guest
  frame; its return value becomes this instruction's output), ``leave_frame(value)``
  (the frame returns) and ``suspend_frame(value)`` (the frame yields).  ``raise`` works
  as in any Python code.
- A ``@variant(OPCODE, when=...)`` is another body for the same opcode, chosen at decode
  time when its predicate (over decode-time names) holds: ``a + b`` written out for
  ``BINARY_OP +`` instead of a call of ``operator.add``.  A variant marked
  ``fusable=False`` makes a superinstruction decline the run (its plain handlers run).
- ``raw=True`` marks a body that works on ``stack`` itself (variable outputs, items
  deep in the stack); superinstructions hand it the real stack.
- ``raises=False`` says the body cannot raise, so a superinstruction need not record
  where it failed.
- A statement that is the string ``CALLEE_CHECK`` alone marks where a call's body is
  about to call a callable that is not a guest function (``CALL``'s), and
  ``BUILTIN_CALLEE_CHECK`` one where that callable is a builtin: a joined run of a
  world that checks calls (``pvm.engine.size_checks``) puts the check of the callable
  there, so that guest calls skip it; everywhere else it is dropped (a string
  statement would cost nothing anyway).  A body with none is checked before it starts.
- ``statements_of=OTHER`` takes the statements of the definition ``OTHER`` as this
  one's body, with this one's own inputs and context (CALL_METHOD is CALL's body with a
  NULL input it ignores).  A variant's ``then=OTHER`` puts ``OTHER``'s statements after
  its own, which return where they take a case (the zero-argument ``super()`` call
  is CALL's body after a test of its own).

Bodies must not define nested functions, lambdas or comprehensions (the generator
renames a body's variables when it joins bodies); helpers go in ``support`` or another
module outside this package, imported by name (``from M import helper``): the generated
code imports each from the module that defines it, and a variant's predicate is written
out from its lambda, so that running the handlers imports no definition module.
"""

from pvm import opcodes
from pvm.code import CO_VARARGS, CO_VARKEYWORDS

# Decode-time names: what each means, as an expression over ``code``, ``operand`` and
# ``index``, evaluated once per instruction when a code object is decoded.
DECODED = {
    "operand": "operand",
    "index": "index",
    "next_index": "index + 1",
    "target": "operand",
    "count": "operand",
    "local": "operand",
    "cell": "operand",
    "code": "code",
    "constant": "code.co_consts[operand]",
    "name": "code.co_names[operand]",
    "local_name": "code.co_varnames[operand]",
    "cell_name": "(code.co_cellvars + code.co_freevars)[operand]",
    "cell_is_free": "operand >= len(code.co_cellvars)",
    "binary_function": "BINARY_FUNCTIONS[operand]",
    "compare_function": "COMPARE_FUNCTIONS[operand]",
    "takes_new_generator": "passes_new_generator(code, index)",
    "makes_iterated_generator": "passes_generator_to_loop(code, index)",
    "makes_passed_generator": "passes_new_generator(code, index + 1)",
    "super_class_cell": "zero_argument_super_cell(code, operand)",
    "guest_method_likely": "calls_guest_method(code, index, operand)",
}
# Run-time names: the handler's own parameters.
RUNTIME = ("frame", "stack", "fast")
TERMINATORS = ("jump", "enter_frame", "leave_frame", "suspend_frame")
# The statement marking where a call's check of its callable goes (see above).
CALLEE_CHECK = "the callee is checked here"
BUILTIN_CALLEE_CHECK = "the builtin callee is checked here"


class Definition:
    """One body of an instruction: the plain one, or a variant."""

    def __init__(self, function, opcode, when=None, raw=False, raises=True, fusable=True,
                 statements_of=None, then=None):
        self.function = function
        # The function whose statements are the body (the definition's own, unless it
        # shares another's: its signature is still its own).
        self.statements_of = statements_of or function
        # The function whose statements follow the body's own (a variant's ``then``).
        self.then = then
        self.name = function.__name__
        self.opcode = opcode                  # a pvm.opcodes.Opcode
        self.when = when                      # a predicate over decode-time names, or None
        self.raw = raw
        self.raises = raises
        self.fusable = fusable
        self.module = function.__module__
        positional, variable, keyword_only = _parameters(function)
        self.inputs = positional              # the named stack inputs, deepest first
        self.variable_input = variable        # the *name input, if any
        for name in keyword_only:
            if name not in DECODED and name not in RUNTIME:
                raise TypeError("%s: unknown context name %r" % (self.name, name))
        self.context = keyword_only           # the keyword-only names
        self.when_names = _parameters(when)[0] if when else []

    def __repr__(self):
        return "<Definition %s of %s>" % (self.name, self.opcode.name)


def _parameters(function):
    """(positional names, the *name or None, keyword-only names) of ``function``, read
    from its code object: inspect.signature (and the inspect module, with dis, that it
    imports) cost every process some milliseconds of start-up for the same answer."""
    code = function.__code__
    names = code.co_varnames
    if code.co_posonlyargcount or code.co_flags & CO_VARKEYWORDS:
        raise TypeError("%s: a parameter of a kind definitions do not use"
                        % function.__name__)
    positional = list(names[:code.co_argcount])
    end = code.co_argcount + code.co_kwonlyargcount
    keyword_only = list(names[code.co_argcount:end])
    variable = names[end] if code.co_flags & CO_VARARGS else None
    return positional, variable, keyword_only


# The plain definition of each opcode, by name; variants in the order they were made
# (the first whose predicate holds is chosen).
DEFINITIONS = {}
VARIANTS = {}


def instruction(function=None, *, raw=False, raises=True, statements_of=None):
    """Register the definition of the opcode the function is named after.  With
    ``statements_of`` (another definition's function), the body is that function's:
    two opcodes that differ only in inputs the body ignores share one."""
    def register(function):
        opcode = opcodes.BY_NAME[function.__name__]
        if function.__name__ in DEFINITIONS:
            raise ValueError("%s is defined twice" % function.__name__)
        DEFINITIONS[function.__name__] = Definition(function, opcode, raw=raw, raises=raises,
                                                    statements_of=statements_of)
        return function
    return register(function) if function is not None else register


def variant(opcode_name, *, when, raw=False, raises=True, fusable=True, then=None):
    """Register another body for ``opcode_name``, chosen when ``when`` holds (its
    statements followed by those of ``then``, if given)."""
    def register(function):
        VARIANTS.setdefault(opcode_name, []).append(
            Definition(function, opcodes.BY_NAME[opcode_name], when=when, raw=raw,
                       raises=raises, fusable=fusable, then=then))
        return function
    return register


def _terminator(name):
    def terminator(*values):
        raise RuntimeError("%s() is read by pvm.engine.generate, never called" % name)
    terminator.__name__ = name
    return terminator


jump = _terminator("jump")
enter_frame = _terminator("enter_frame")
leave_frame = _terminator("leave_frame")
suspend_frame = _terminator("suspend_frame")
