"""Exceptions: raising, handling, except*, and with statements."""

from pvm.engine.instructions.define import instruction, variant
from pvm.engine.instructions.support import as_exception, check_except_type
from pvm.engine import guest_traceback
from pvm.engine.objects import MethodType


# raise value: operand 1.
@instruction
def RAISE_VARARGS(value, *, frame):
    exception = as_exception(value)
    # Raising chains to the exception being handled, whatever context the exception
    # had (it may be raised a second time).
    frame.interpreter.chain_to_handled(exception, replace=True)
    raise exception


# raise: operand 0, re-raise the exception being handled.
@variant("RAISE_VARARGS", when=lambda operand: operand == 0)
def RAISE_VARARGS_RERAISE(*, frame, index):
    exception = frame.interpreter.current_handled()
    if exception is None:
        raise RuntimeError("No active exception to reraise")
    frame.exit_index = index
    frame.reraising = True
    raise exception


# raise value from cause: operand 2.
@variant("RAISE_VARARGS", when=lambda operand: operand == 2)
def RAISE_VARARGS_FROM(value, cause, *, frame):
    exception = as_exception(value)
    if cause is None:
        exception.__cause__ = None
    else:
        if isinstance(cause, type) and issubclass(cause, BaseException):
            cause = cause()
        elif not isinstance(cause, BaseException):
            raise TypeError("exception causes must derive from BaseException")
        exception.__cause__ = cause
    frame.interpreter.chain_to_handled(exception, replace=True)
    raise exception


# With an operand, the stack holds the index of the instruction that first raised
# (pushed for a handler marked "lasti") `operand` places under the exception: the frame
# reports that one as its last.  Raw for that deep read.
@instruction(raw=True)
def RERAISE(*, frame, stack, operand, index):
    frame.exit_index = stack[-1 - operand] if operand else index
    exception = stack.pop()
    frame.reraising = True
    raise exception


@instruction(raises=False)
def PUSH_EXC_INFO(exception, *, frame):
    interpreter = frame.interpreter
    previous = interpreter.handled
    interpreter.handled = exception
    return previous, exception


@instruction(raises=False)
def POP_EXCEPT(previous, *, frame):
    frame.interpreter.handled = previous


@instruction
def CHECK_EXC_MATCH(exception, kind):
    check_except_type(kind)
    return exception, isinstance(exception, kind)


@instruction
def CHECK_EG_MATCH(group, kind, *, frame):
    check_except_type(kind)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for item in kinds:
        if issubclass(item, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
    if group is None:
        return None, None
    if isinstance(group, BaseExceptionGroup):
        match, rest = group.split(kind)
        guest_traceback.copy_group_tracebacks(group, match)
        guest_traceback.copy_group_tracebacks(group, rest)
    elif isinstance(group, kind):
        # A tuple, as CPython's _PyExc_CreateExceptionGroup (the repr shows it).
        match, rest = BaseExceptionGroup("", (group,)), None
        if isinstance(group, Exception):
            match = ExceptionGroup("", (group,))
        guest_traceback.copy_traceback(group, match)
    else:
        match, rest = None, group
    if match is not None:
        frame.interpreter.handled = match
    return rest, match


@instruction
def PREP_RERAISE_STAR(original, raised, *, frame):
    return frame.interpreter.combine_except_star(original, raised)


# Under the exception: the handled exception before it, the index of the instruction
# that raised, and __exit__ (pushed by BEFORE_WITH).  All stay; the result is pushed.
@instruction
def WITH_EXCEPT_START(exit_function, lasti, previous, exception):
    # The guest's traceback, as sys.exc_info() gives it: __exit__ may put it back on
    # the exception (contextlib does) and must find the frames it had.
    result = exit_function(type(exception), exception,
                           guest_traceback.traceback_of(exception))
    return exit_function, lasti, previous, exception, result


@instruction
def BEFORE_WITH(manager):
    kind = type(manager)
    try:
        enter = kind.__enter__
        exit_function = kind.__exit__
    except AttributeError:
        missing = "__enter__" if not hasattr(kind, "__enter__") else "__exit__"
        raise TypeError("'%s' object does not support the context manager protocol"
                        % kind.__name__ + ("" if missing == "__enter__" else
                                           " (missed __exit__ method)")) from None
    exit_method = MethodType(exit_function, manager)
    return exit_method, enter(manager)


@instruction
def BEFORE_ASYNC_WITH(manager):
    kind = type(manager)
    enter = getattr(kind, "__aenter__", None)
    exit_function = getattr(kind, "__aexit__", None)
    if enter is None or exit_function is None:
        raise TypeError("'%s' object does not support the asynchronous context manager "
                        "protocol%s" % (kind.__name__, "" if enter is None
                                        else " (missed __aexit__ method)"))
    exit_method = MethodType(exit_function, manager)
    return exit_method, enter(manager)
