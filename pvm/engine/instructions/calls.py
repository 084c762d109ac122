"""Calls and functions.  A call of a guest function enters its frame in the loop
(``enter_frame``) instead of calling it from the host, so guest recursion never nests
host calls; anything else is called as the host calls it.  A guest function whose code
enters no frame of its own (a leaf: no call, no yield, no exception handler) runs to its
end in the call (``Executable.run``: ``Interpreter.run_call``, or tier 1's runner of
its translation): it cannot recurse, and the loop is spared two
switches of frames.  So does any other while the interpreter has room for it
(``Interpreter.nesting_room``), which bounds what they take of the host's stack."""

from pvm.engine.instructions.define import enter_frame, instruction, variant
from pvm.engine.frames import UNBOUND
from pvm.engine.instructions.support import (BUILTIN, OBJECT_NEW, SUPER_INIT, SUPER_NEW,
                                             TYPE_NEW, guest_init,
                                             init_returned, public_names, star_arguments,
                                             star_keywords, with_module_named)
from pvm.opcodes import (FUNCTION_ANNOTATIONS, FUNCTION_CLOSURE, FUNCTION_DEFAULTS,
                         FUNCTION_KWDEFAULTS)
from pvm.engine.objects import (ITERATING_BUILTINS, ITERATING_TYPES, Function, MethodType,
                                PendingGenerator)


@instruction
def CALL(function, *arguments, frame, next_index, makes_iterated_generator,
         makes_passed_generator):
    kind = type(function)
    # The host's built-in functions and methods (len, isinstance, a list's append) are
    # the callees most often called, and the cheapest: called at once, with the
    # arguments as they are where the count is known (see generate, _pass_values).
    if kind is BUILTIN and function is not TYPE_NEW:
        "the builtin callee is checked here"
        frame.resume_index = next_index
        return function(*arguments)
    # A translated function called with exactly its positional parameters takes them
    # as host parameters (its ``direct`` runner: tier 1), where the count is known
    # (generate, _pass_values): no argument list to make, none to bind, a method's
    # self not inserted in one.  The callee's depth goes with them: the caller knows
    # its own (a frameless runner's in a local), where the callee would have to ask
    # the interpreter whether its caller runs with a frame.  (Each test a whole ``if``
    # that returns: what follows is not written out again in its branches.)
    if kind is Function and (executable := function.executable).direct_arity == len(arguments) \
            and (executable.leaf or function.interpreter.nesting_room > 0):
        frame.resume_index = next_index
        return executable.direct(function, frame.depth + 1, *arguments)
    if kind is MethodType and type(inner := function.__func__) is Function \
            and (executable := inner.executable).direct_arity == len(arguments) + 1 \
            and (executable.leaf or inner.interpreter.nesting_room > 0):
        frame.resume_index = next_index
        return executable.direct(inner, frame.depth + 1, function.__self__, *arguments)
    # A guest class made by ``type`` whose instances object.__new__ makes, and whose
    # __init__ is translated and takes exactly these arguments: the instance made here,
    # given to its direct runner (what type.__call__ does, with no list made).
    if kind is type and function.__new__ is OBJECT_NEW \
            and type(init := function.__init__) is Function \
            and (executable := init.executable).direct_arity == len(arguments) + 1 \
            and (executable.leaf or init.interpreter.nesting_room > 0):
        frame.resume_index = next_index
        instance = OBJECT_NEW(function)
        returned = executable.direct(init, frame.depth + 1, instance, *arguments)
        if returned is not None:
            raise init_returned(returned)
        return instance
    if kind is MethodType:
        inner = function.__func__
        if type(inner) is Function:
            arguments.insert(0, function.__self__)
            function = inner
            kind = Function
    if kind is Function:
        if function.kind:
            # A generator's (coroutine's, async generator's) call makes its object and
            # runs nothing: no frame of the caller's is asked for.
            if makes_iterated_generator:
                # ``for x in generator_function()``: the loop, which alone holds the
                # generator, may iterate the host generator that drives its frame.
                return function.interpreter.iterated_generator(function, arguments)
            if makes_passed_generator:
                # A generator expression's, passed at once to the next call (above).
                return function.interpreter.passed_generator(function, arguments)
            return function.interpreter.suspendable(function, arguments, None)
        # (The interpreter read only past a leaf: most calls are of leaves.)
        executable = function.executable
        if executable.leaf or executable.nests and function.interpreter.nesting_room > 0:
            frame.resume_index = next_index
            return executable.run(function, arguments, frame)
        enter_frame(function.interpreter.enter(function, arguments, None, frame))
    # Not a guest function: a world's check of the callable goes here and at the
    # builtins' call above (define.CALLEE_CHECK, BUILTIN_CALLEE_CHECK), where guest
    # calls do not pass.  (A
    # guest class whose __init__ is called direct above is no host callable that
    # amplifies: object.__new__ makes its instance.)  The check may give a host
    # function to call in the callable's place, called below as any other.
    "the callee is checked here"
    # A guest class whose instances object.__new__ makes: its __init__ runs in the loop
    # (as CPython 3.12's specializer does), not from the host's type.__call__.
    if kind is type:
        new = function.__new__
        init = guest_init(function) if new is OBJECT_NEW else None
        if init is not None:
            interpreter = init.interpreter
            executable = init.executable
            if executable.leaf or executable.nests and interpreter.nesting_room > 0:
                frame.resume_index = next_index
                return interpreter.run_init_call(function, init, arguments, frame)
            enter_frame(interpreter.enter_init(function, init, arguments, None, frame))
        if new is TYPE_NEW:
            # type(name, bases, namespace), or a metaclass's call that type.__new__
            # makes the class of.
            arguments = with_module_named(arguments, 2, frame)
    if function is TYPE_NEW:
        arguments = with_module_named(arguments, 3, frame)
    # Host code may look at this frame (sys._getframe, warnings): give it the line.
    frame.resume_index = next_index
    return function(*arguments)


# ``sum(x for x in y)``: the call of the generator expression's function made no
# generator yet (CALL's ``makes_passed_generator``).  A builtin or type that iterates
# it alone, nothing else holding it, is given the host generator that drives its frame
# (tier 1's, where its code has one); any other callee, the generator.  (A variant: the
# other calls make no list of their arguments to look at the first.)
@variant("CALL", when=lambda takes_new_generator: takes_new_generator, then=CALL)
def CALL_OF_NEW_GENERATOR(function, *arguments, frame, next_index, makes_iterated_generator,
                          makes_passed_generator):
    pending = arguments[0]
    if type(pending) is PendingGenerator:
        kind = type(function)
        # (A builtin's hash and equality are its self's and its C function's
        # identities: the test runs no guest code.  A string's join iterates alone too.)
        if kind is BUILTIN and (function in ITERATING_BUILTINS
                                or type(function.__self__) is str and function.__name__ == "join") \
                or kind is type and function in ITERATING_TYPES:
            frame.resume_index = next_index
            generator_function = pending.function
            return function(generator_function.interpreter.driven_generator(
                generator_function, pending.arguments))
        arguments = [pending.made()]


# The call of a comprehension's function, made just before (MAKE_FUNCTION: a guest
# function, surely), whose value the next call takes (CALL's ``makes_passed_generator``):
# a generator expression's makes the generator to pass (``sum(x for x in y)``) with
# none of CALL's tests of the callable; a list's (``"".join([...])``) runs on in CALL.
@variant("CALL", when=lambda makes_passed_generator: makes_passed_generator, then=CALL)
def CALL_OF_COMPREHENSION(function, *arguments, frame, next_index, makes_iterated_generator,
                          makes_passed_generator):
    if function.kind:
        return function.interpreter.passed_generator(function, arguments)


# super() with no arguments in a method, as CPython's super_init_without_args makes it:
# the world's super made here from the frame's first local and its __class__ cell.
# The guest's super() finds them by asking for the running frame, which at tier 1 made
# the frames of every function running with none, whose calls then made their frames
# for good (deltablue: 3.5% of its host instructions).  Any other case (another
# callee, a deleted first local, an empty cell) is CALL's, and super()'s own errors.
@variant("CALL", when=lambda super_class_cell: super_class_cell >= 0, then=CALL)
def CALL_ZERO_ARGUMENT_SUPER(function, *arguments, frame, fast, next_index,
                             makes_iterated_generator, makes_passed_generator,
                             super_class_cell):
    if function is frame.interpreter.super_type:
        first = fast[0]
        try:
            owner = frame.cells[super_class_cell].cell_contents
        except ValueError:
            owner = None
        if first is not UNBOUND and isinstance(owner, type):
            made = SUPER_NEW(function)
            # (Its __init__ may read the object's __class__, guest code.)
            frame.resume_index = next_index
            SUPER_INIT(made, owner, first)
            return made


# LOAD_METHOD binds, as LOAD_ATTR does (see there), and pushes NULL under the method,
# which the call drops: its statements are CALL's.
@instruction(statements_of=CALL)
def CALL_METHOD(function, null, *arguments, frame, next_index, makes_iterated_generator,
                makes_passed_generator):
    pass


# ``self.move(x)``, a method no builtin type has by that name (support.calls_guest_method):
# most likely a guest class's, which LOAD_METHOD bound.  Its direct call is tested
# first, where CALL's order (the builtins first: ``items.append(x)``, then functions)
# would fail two tests before it.  (The same test as CALL's; any other callee is CALL's.)
@variant("CALL_METHOD", when=lambda guest_method_likely: guest_method_likely, then=CALL)
def CALL_OF_GUEST_METHOD(function, null, *arguments, frame, next_index,
                         makes_iterated_generator, makes_passed_generator):
    if type(function) is MethodType and type(inner := function.__func__) is Function \
            and (executable := inner.executable).direct_arity == len(arguments) + 1 \
            and (executable.leaf or inner.interpreter.nesting_room > 0):
        frame.resume_index = next_index
        return executable.direct(inner, frame.depth + 1, function.__self__, *arguments)


# The tuple of keyword names is on top of the `count` argument values: the variable
# input takes the values and the names.
@instruction
def CALL_KW(function, *values, frame, next_index, count):
    names = values.pop()
    positional_count = count - len(names)
    arguments = values[:positional_count]
    keywords = dict(zip(names, values[positional_count:]))
    kind = type(function)
    if kind is MethodType:
        inner = function.__func__
        if type(inner) is Function and not inner.kind:
            arguments.insert(0, function.__self__)
            function = inner
            kind = Function
    if kind is Function and not function.kind:
        enter_frame(function.interpreter.enter(function, arguments, keywords, frame))
    if kind is type:
        new = function.__new__
        init = guest_init(function) if new is OBJECT_NEW else None
        if init is not None:
            enter_frame(init.interpreter.enter_init(function, init, arguments, keywords,
                                                    frame))
        if new is TYPE_NEW:
            arguments = with_module_named(arguments, 2, frame)
    frame.resume_index = next_index
    return function(*arguments, **keywords)


# function(*arguments): operand 0.
@instruction
def CALL_FUNCTION_EX(function, arguments, *, frame, next_index):
    if type(arguments) is not tuple:
        arguments = star_arguments(function, arguments)
    kind = type(function)
    target = function
    positional = arguments
    if kind is MethodType and type(function.__func__) is Function \
            and not function.__func__.kind:
        target = function.__func__
        positional = (function.__self__,) + arguments
        kind = Function
    if kind is Function and not target.kind:
        enter_frame(target.interpreter.enter(target, list(positional), None, frame))
    if function is TYPE_NEW:
        arguments = with_module_named(arguments, 3, frame)
    elif kind is type and len(arguments) == 3 and issubclass(function, type) \
            and function.__new__ is TYPE_NEW:
        arguments = with_module_named(arguments, 2, frame)
    frame.resume_index = next_index
    return function(*arguments)


# function(*arguments, **keywords): operand 1.
@variant("CALL_FUNCTION_EX", when=lambda operand: (operand & 1) != 0)
def CALL_FUNCTION_EX_KEYWORDS(function, arguments, keywords, *, frame, next_index):
    if type(arguments) is not tuple:
        arguments = star_arguments(function, arguments)
    if keywords is not None and type(keywords) is not dict:
        keywords = star_keywords(function, keywords)
    kind = type(function)
    target = function
    positional = arguments
    if kind is MethodType and type(function.__func__) is Function \
            and not function.__func__.kind:
        target = function.__func__
        positional = (function.__self__,) + arguments
        kind = Function
    if kind is Function and not target.kind:
        enter_frame(target.interpreter.enter(target, list(positional), keywords, frame))
    if function is TYPE_NEW:
        arguments = with_module_named(arguments, 3, frame)
    elif kind is type and len(arguments) == 3 and issubclass(function, type) \
            and function.__new__ is TYPE_NEW:
        arguments = with_module_named(arguments, 2, frame)
    frame.resume_index = next_index
    if keywords:
        return function(*arguments, **keywords)
    return function(*arguments)


# The flags say which parts are under the code on top (defaults deepest, closure last):
# the variable input takes them all, the code last.
@instruction
def MAKE_FUNCTION(*parts, frame, operand):
    function_code = parts.pop()
    closure = parts.pop() if operand & FUNCTION_CLOSURE else None
    annotations = parts.pop() if operand & FUNCTION_ANNOTATIONS else None
    kwdefaults = parts.pop() if operand & FUNCTION_KWDEFAULTS else None
    defaults = parts.pop() if operand & FUNCTION_DEFAULTS else None
    return Function.make(function_code, frame.f_globals, frame.f_builtins, frame.interpreter,
                         defaults, kwdefaults, closure, annotations)


# The functions made at run time, over and over, are comprehensions, generator
# expressions, lambdas and closures: no parts but the code, or its closure too.  Their
# bodies take no list of parts and test no flag.
@variant("MAKE_FUNCTION", when=lambda operand: operand == 0)
def MAKE_FUNCTION_OF_CODE(function_code, *, frame):
    return Function.make(function_code, frame.f_globals, frame.f_builtins, frame.interpreter)


@variant("MAKE_FUNCTION", when=lambda operand: operand == FUNCTION_CLOSURE)
def MAKE_FUNCTION_WITH_CLOSURE(closure, function_code, *, frame):
    return Function.make(function_code, frame.f_globals, frame.f_builtins, frame.interpreter,
                         None, None, closure)


# -- imports -----------------------------------------------------------------------------------

@instruction
def IMPORT_NAME(level, fromlist, *, frame, name):
    return frame.interpreter.import_name(frame, name, fromlist, level)


@instruction
def IMPORT_FROM(module, *, frame, name):
    return module, frame.interpreter.import_from(module, name)


@instruction
def IMPORT_STAR(module, *, frame):
    namespace = frame.f_locals_mapping
    if namespace is None:
        raise SystemError("no locals found during 'import *'")
    names = getattr(module, "__all__", None)
    if names is None:
        names = public_names(module)
    for key in names:
        namespace[key] = getattr(module, key)
