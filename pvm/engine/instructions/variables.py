"""Loading and storing: constants, fast locals, cells, names, globals and attributes."""

from pvm.engine.instructions.define import instruction, variant
from pvm.engine.instructions.support import (EXCEPTION_ATTRIBUTE_READERS, GUARDED_ATTRIBUTES,
                                             MISSING, NULL, SPECIAL_METHOD_NAMES,
                                             load_global_error, lookup,
                                             unbound_free, unbound_local)
from pvm.engine import guest_traceback
from pvm.engine.frames import UNBOUND


# -- constants and fast locals ----------------------------------------------------------------

@instruction(raises=False)
def LOAD_CONST(*, constant):
    return constant


@instruction(raises=False)
def LOAD_FAST(*, fast, local):
    return fast[local]


@instruction
def LOAD_FAST_CHECK(*, fast, local, local_name):
    value = fast[local]
    if value is UNBOUND:
        raise unbound_local(local_name)
    return value


@instruction(raises=False)
def STORE_FAST(value, *, fast, local):
    fast[local] = value


@instruction
def DELETE_FAST(*, fast, local, local_name):
    if fast[local] is UNBOUND:
        raise unbound_local(local_name)
    fast[local] = UNBOUND


# -- cells ---------------------------------------------------------------------------------------

@instruction
def LOAD_DEREF(*, frame, cell, cell_name, cell_is_free):
    try:
        value = frame.cells[cell].cell_contents
    except ValueError:
        raise (unbound_free(cell_name) if cell_is_free else unbound_local(cell_name)) from None
    return value


@instruction
def LOAD_CLASSDEREF(*, frame, cell, cell_name):
    value = lookup(frame.f_locals_mapping, cell_name)
    if value is not MISSING:
        return value
    try:
        value = frame.cells[cell].cell_contents
    except ValueError:
        raise unbound_free(cell_name) from None
    return value


@instruction(raises=False)
def STORE_DEREF(value, *, frame, cell):
    frame.cells[cell].cell_contents = value


@instruction
def DELETE_DEREF(*, frame, cell, cell_name):
    try:
        del frame.cells[cell].cell_contents
    except ValueError:
        raise unbound_local(cell_name) from None


@instruction(raises=False)
def LOAD_CLOSURE(*, frame, cell):
    return frame.cells[cell]


# -- names and globals ------------------------------------------------------------------------

@instruction
def LOAD_NAME(*, frame, name):
    namespace = frame.f_locals_mapping
    if type(namespace) is dict:
        if name in namespace:
            return namespace[name]
    else:
        value = lookup(namespace, name)
        if value is not MISSING:
            return value
    globals_ = frame.f_globals
    if name in globals_:
        return globals_[name]
    builtins = frame.f_builtins
    if name in builtins:
        return builtins[name]
    raise load_global_error(name)


@instruction
def STORE_NAME(value, *, frame, name):
    frame.f_locals_mapping[name] = value


@instruction
def DELETE_NAME(*, frame, name):
    try:
        del frame.f_locals_mapping[name]
    except KeyError:
        raise load_global_error(name) from None


@instruction
def LOAD_GLOBAL(*, frame, name):
    globals_ = frame.f_globals
    if name in globals_:
        return globals_[name]
    builtins = frame.f_builtins
    if name in builtins:
        return builtins[name]
    raise load_global_error(name)


@instruction
def STORE_GLOBAL(value, *, frame, name):
    frame.f_globals[name] = value


@instruction
def DELETE_GLOBAL(*, frame, name):
    try:
        del frame.f_globals[name]
    except KeyError:
        raise load_global_error(name) from None


# -- attributes ------------------------------------------------------------------------------

@instruction
def LOAD_ATTR(owner, *, name):
    return getattr(owner, name)


# Exceptions show guest code their guest traceback, and their methods that take a
# condition accept guest functions.
@variant("LOAD_ATTR", when=lambda name: name in EXCEPTION_ATTRIBUTE_READERS, fusable=False)
def LOAD_ATTR_OF_EXCEPTION(owner, *, name):
    if isinstance(owner, BaseException):
        return EXCEPTION_ATTRIBUTE_READERS[name](owner)
    return getattr(owner, name)


# A world that keeps its guest inside (pvm.world.guard) checks what these attributes
# give; elsewhere they are plain attributes.
@variant("LOAD_ATTR", when=lambda name: name in GUARDED_ATTRIBUTES, fusable=False)
def LOAD_ATTR_GUARDED(owner, *, frame, name):
    guard = frame.interpreter.attribute_guard
    if guard is None:
        return getattr(owner, name)
    return guard.load(owner, name)


# The host's attribute lookup (its type cache, the instance dict, guest __getattribute__
# and __getattr__) binds a guest method to a MethodType, which CALL_METHOD unwraps to
# enter the function's frame: cheaper than finding the function without binding it by
# searching the class namespaces in guest code, as CPython's LOAD_METHOD does in C.
@instruction
def LOAD_METHOD(owner, *, name):
    return getattr(owner, name), NULL


@variant("LOAD_METHOD", when=lambda name: name in EXCEPTION_ATTRIBUTE_READERS,
         fusable=False)
def LOAD_METHOD_OF_EXCEPTION(owner, *, name):
    if isinstance(owner, BaseException):
        return EXCEPTION_ATTRIBUTE_READERS[name](owner), NULL
    return getattr(owner, name), NULL


@variant("LOAD_METHOD", when=lambda name: name in GUARDED_ATTRIBUTES, fusable=False)
def LOAD_METHOD_GUARDED(owner, *, frame, name):
    guard = frame.interpreter.attribute_guard
    if guard is None:
        return getattr(owner, name), NULL
    return guard.load(owner, name), NULL


@instruction
def STORE_ATTR(value, owner, *, name):
    setattr(owner, name, value)


# Setting an exception's __traceback__ from guest code sets its guest traceback.
@variant("STORE_ATTR", when=lambda name: name == "__traceback__", fusable=False)
def STORE_ATTR_OF_EXCEPTION(value, owner, *, name):
    if isinstance(owner, BaseException):
        guest_traceback.set_traceback(owner, value)
    else:
        setattr(owner, name, value)


@instruction
def DELETE_ATTR(owner, *, name):
    delattr(owner, name)


@variant("STORE_ATTR", when=lambda name: name in GUARDED_ATTRIBUTES, fusable=False)
def STORE_ATTR_GUARDED(value, owner, *, frame, name):
    guard = frame.interpreter.attribute_guard
    if guard is None:
        setattr(owner, name, value)
    else:
        guard.store(owner, name, value)


# A special method set on a class after it is made (``S.__add__ = str.ljust``, which the
# host calls for ``S('a') + 10**10``, where no check before an instruction sees the
# call): in a world whose budget checks calls, put behind those checks, as a class
# statement's are (pvm.world.amplifiers).  Other worlds pay a test, on these names only.
@variant("STORE_ATTR", when=lambda name: name in SPECIAL_METHOD_NAMES
         and name not in GUARDED_ATTRIBUTES, fusable=False)
def STORE_ATTR_SPECIAL(value, owner, *, frame, name):
    budget = frame.interpreter.budget
    if budget is not None and budget.guards_calls and isinstance(owner, type):
        value = budget.check_special_method(name, value)
    setattr(owner, name, value)


@variant("DELETE_ATTR", when=lambda name: name in GUARDED_ATTRIBUTES, fusable=False)
def DELETE_ATTR_GUARDED(owner, *, frame, name):
    guard = frame.interpreter.attribute_guard
    if guard is None:
        delattr(owner, name)
    else:
        guard.delete(owner, name)


# -- the rest ----------------------------------------------------------------------------------

@instruction
def LOAD_BUILD_CLASS(*, frame):
    try:
        value = frame.f_builtins["__build_class__"]
    except KeyError:
        raise NameError("__build_class__ not found") from None
    return value


@instruction(raises=False)
def LOAD_ASSERTION_ERROR():
    return AssertionError


@instruction(raises=False)
def LOAD_LOCALS(*, frame):
    return frame.f_locals_mapping


@instruction
def SETUP_ANNOTATIONS(*, frame):
    namespace = frame.f_locals_mapping
    if type(namespace) is dict:
        if "__annotations__" not in namespace:
            namespace["__annotations__"] = {}
    else:
        try:
            namespace["__annotations__"]
        except KeyError:
            namespace["__annotations__"] = {}

