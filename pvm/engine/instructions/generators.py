"""Generators and coroutines: yielding, sending, awaiting and async iteration."""

from pvm.code import CO_COROUTINE, CO_ITERABLE_COROUTINE
from pvm.engine.instructions.define import instruction, jump, suspend_frame
from pvm.engine.instructions.support import RESUMABLE
from pvm.opcodes import AWAIT_EXPRESSION
from pvm.engine.frames import LEAVE_TRANSLATED
from pvm.engine.objects import (CREATED, ENDED, NO_LAYER, SUSPENDED, AsyncGeneratorValue,
                                Coroutine, Generator)


# Raw: the value sent in when the frame resumes is its output, pushed by the resumer.
@instruction(raw=True, raises=False)
def YIELD_VALUE(*, stack):
    suspend_frame(stack.pop())


@instruction
def SEND(iterator, value):
    try:
        # pvm's own generators and coroutines are resumed directly (a coroutine
        # awaited in place has no __next__, as in CPython); a generator's plain
        # resumption (``yield from`` iterating) by its own quick path, its __next__,
        # written out: the host generator of its frame resumed with no call between.
        kind = type(iterator)
        if kind is Generator and value is None:
            host = iterator._frame.translated
            state = iterator._state
            if host is not None and (state is SUSPENDED or state is CREATED) \
                    and iterator._saved_handled is NO_LAYER and not LEAVE_TRANSLATED:
                iterator._state = SUSPENDED
                try:
                    result = next(host, ENDED)
                except BaseException as error:
                    result = iterator._host_generator_failed(host, error)
                else:
                    if result is ENDED:
                        result = iterator._host_generator_ended()
            else:
                result = iterator.__next__()
        elif kind in RESUMABLE:
            result = iterator._resume(value)
        elif value is None:
            result = next(iterator)
        else:
            result = iterator.send(value)
    except StopIteration as stop:
        jump(stop.value)
    return iterator, result


@instruction
def GET_YIELD_FROM_ITER(iterable, *, code):
    if type(iterable) is Coroutine:
        # A generator made a coroutine (types.coroutine) may yield from a coroutine.
        if not code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE):
            raise TypeError("cannot 'yield from' a coroutine object in a "
                            "non-coroutine generator")
        return iterable
    return iter(iterable)


@instruction
def GET_AWAITABLE(value, *, frame, operand):
    return frame.interpreter.awaitable_iterator(value, operand)


@instruction
def GET_AITER(iterable):
    method = getattr(type(iterable), "__aiter__", None)
    if method is None:
        raise TypeError("'async for' requires an object with __aiter__ method, got %s"
                        % type(iterable).__name__)
    iterator = method(iterable)
    if not hasattr(type(iterator), "__anext__"):
        raise TypeError("'async for' received an object from __aiter__ that does not "
                        "implement __anext__: %s" % type(iterator).__name__)
    return iterator


@instruction
def GET_ANEXT(iterator, *, frame):
    method = getattr(type(iterator), "__anext__", None)
    if method is None:
        raise TypeError("'async for' requires an iterator with __anext__ method, got %s"
                        % type(iterator).__name__)
    awaitable = method(iterator)
    try:
        awaitable = frame.interpreter.awaitable_iterator(awaitable, AWAIT_EXPRESSION)
    except Exception as error:
        # Its host traceback would keep this handler's locals (the iterator) alive.
        error.__traceback__ = None
        raise TypeError("'async for' received an invalid object from __anext__: %s"
                        % type(awaitable).__name__) from error
    return iterator, awaitable


# StopAsyncIteration ends the loop (the iterator goes too); anything else is re-raised.
@instruction
def END_ASYNC_FOR(iterator, exception, *, frame, index):
    if not isinstance(exception, StopAsyncIteration):
        frame.exit_index = index
        frame.reraising = True
        raise exception


@instruction
def ASYNC_GEN_WRAP(value):
    return AsyncGeneratorValue(value)
