"""The dispatcher: what a call of a guest function that tier 2 compiles goes through.

It becomes the decoded code's runner (``Executable.runner`` and ``run``), in front of
the tier below's (tier 1's runner, or ``Interpreter.run_call``).  Per call it finds the
signature of the arguments (their types: ints within 64 bits, floats, bools, lists of
one of those), compiles the function for a signature it has not seen (or finds it could
not), checks that the globals and module attributes the code was compiled against are
still what they were, and calls the machine code.  A call it cannot take goes to the
tier below, unchanged.

Where machine code leaves at an exit, the dispatcher makes the guest frame tier 0 would
have had at that instruction (its locals, its stack: pvm.tier2.words) and runs it on
from there (``Interpreter.finish_call``): the instruction runs again, at tier 0, and does
what Python does.  A signature that keeps leaving (``MAX_EXITS``) is not called again.
"""

import ctypes
import time
import weakref

from pvm.engine.frames import UNBOUND
from pvm.engine.instructions.support import NULL
from pvm.ir.build import NULL_SLOT
from pvm.ir.types import BOOL, FLOAT, INT, INT_MAX, INT_MIN, NONE, RANGE_ITERATOR, Known, \
    ListIteratorType, ListMethod, ListType, TupleType, global_of, of_argument
from pvm.tier2 import words
from pvm.tier2.compiler import NotCompiled, compile_function

MAX_EXITS = 100
MAX_LIST_SIGNATURES = 8
# Signatures tried and not compiled, none compiled: the dispatcher steps aside.
MAX_FAILED_SIGNATURES = 3

_ENTRY = ctypes.PYFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p,
                           ctypes.c_void_p)
_ARENA_TAKE = ctypes.PYFUNCTYPE(ctypes.c_void_p)
_LIBC = ctypes.CDLL(None)
_LIBC.malloc.restype = ctypes.c_void_p
_LIBC.malloc.argtypes = [ctypes.c_size_t]
_LIBC.free.argtypes = [ctypes.c_void_p]
_LIBC.free.restype = None


class _NativeList(ctypes.Structure):
    _fields_ = [("length", ctypes.c_int64), ("capacity", ctypes.c_int64),
                ("items", ctypes.c_void_p), ("next", ctypes.c_void_p)]


_ITEM_CTYPES = {INT: ctypes.c_int64, FLOAT: ctypes.c_double, BOOL: ctypes.c_uint8}
_NOT_COMPILED = object()
# The argument types a signature is kept for (see Dispatcher._compile).
_KEPT_TYPES = frozenset((int, float, bool, list, tuple, type(None), str, bytes, dict, set))


class Specialization:
    """A signature's machine code, ready to call."""

    def __init__(self, compiled):
        self.compiled = compiled
        self.entry = _ENTRY(compiled.entry_address)
        self.arena_take = _ARENA_TAKE(compiled.arena_take_address)
        argument_words = sum(words.count(argument_type)
                             for argument_type in compiled.argument_types)
        self.arguments = (ctypes.c_int64 * max(argument_words, 1))()
        self.state = None
        self.result = (ctypes.c_int64 * max(words.count(compiled.return_type), 1))()
        self.exits_taken = 0

    def state_for(self, remaining):
        """A buffer for the records of a chain of up to ``remaining`` + 1 calls."""
        needed = (self.compiled.state_words + 1) * (remaining + 2) + 1
        if self.state is None or len(self.state) < needed:
            self.state = (ctypes.c_int64 * needed)()
        return self.state

    def assumptions_hold(self, function):
        """Whether the globals and module attributes the code was compiled against
        (``function``'s own, for the entry) still hold the same objects."""
        for kind, owner, name, expected in self.compiled.assumptions:
            if kind == "global":
                owner = function if owner is None else owner()
                if owner is None:
                    return False
                found = global_of(owner, name)
            else:
                module = owner()
                if module is None:
                    return False
                found = module.__dict__.get(name, _NOT_COMPILED)
            if found is not expected():
                return False
        return True


class Dispatcher:
    """The runner of one decoded code object under tier 2."""

    def __init__(self, executable, below, interpreter, function_class, report, show=None,
                 write_cache=lambda: True):
        # Weak: the executable holds its dispatcher (its runner), and a strong
        # reference back would make every dispatched code's decoded form a cycle, freed
        # only by the host's collector (and the objects its frames held with it).
        self.executable_reference = weakref.ref(executable)
        self.below = below              # the tier below's runner
        self.interpreter = interpreter
        self.function_class = function_class
        self.report = report            # report(code, signature, compiled or reason, s)
        self.show = show                # -X jit-show's name: keep the listings of its code
        self.write_cache = write_cache  # () -> whether object code may be written (not -B)
        self.failures = 0
        self.compiled_any = False
        self.stepped_aside = False
        self.specializations = {}       # (python types) -> Specialization or reason

    def __call__(self, function, arguments, caller):
        key = tuple(map(type, arguments))
        specialization = self.specializations.get(key)
        if specialization is None:
            specialization = self._compile(function, arguments, key)
        elif type(specialization) is _ListSignatures:
            specialization = specialization.find(self, function, arguments)
        if type(specialization) is not Specialization or \
                function.plain_arity != len(arguments) or \
                not specialization.assumptions_hold(function):
            return self.below(function, arguments, caller)
        interpreter = self.interpreter
        if caller is None:
            # Called by translated code running with no frame: it is made now.
            caller = interpreter.running_frame()
        remaining = interpreter.recursion_limit - caller.depth - 1
        if remaining < 0:
            return self.below(function, arguments, caller)
        native_lists = self._pack(specialization, arguments)
        if native_lists is None:
            return self.below(function, arguments, caller)
        compiled = specialization.compiled
        state = specialization.state_for(remaining)
        state[0] = 1        # where the first record goes
        status = specialization.entry(ctypes.addressof(state), remaining,
                                      ctypes.addressof(specialization.arguments),
                                      ctypes.addressof(specialization.result))
        boxes = self._write_back(native_lists, compiled.mutates_arguments)
        try:
            if status == 0:
                return words.box(compiled.return_type, iter(specialization.result),
                                 _boxer(boxes))
            return self._leave(function, arguments, caller, specialization, boxes)
        finally:
            self._free(specialization, native_lists)

    # -- compiling ------------------------------------------------------------------------

    def _compile(self, function, arguments, key):
        signature = tuple(of_argument(argument) for argument in arguments)
        result = self._compile_signature(function, signature, arguments)
        if not all(kind in _KEPT_TYPES for kind in key):
            # Not kept: a guest class held here would keep its module's namespace
            # alive (and what is in it unfinalized at exit).  Such a signature is never
            # compiled anyway, and three of them make the dispatcher step aside.
            return result
        # A list's signature depends on its items: only a list-free signature is found
        # by the arguments' types alone.
        if not any(type(argument) is list for argument in arguments):
            self.specializations[key] = result
        else:
            self.specializations[key] = _ListSignatures({signature: result})
        return result

    def _compile_signature(self, function, signature, arguments):
        started = time.perf_counter()
        if None in signature:
            # Not worth a line of -X jit-log: most calls of most functions are so.
            self.failures += 1
            if self.failures >= MAX_FAILED_SIGNATURES and not self.compiled_any:
                self._step_aside()
            return "an argument of a type machine code does not hold"
        else:
            try:
                code = function.__code__
                listing = self.show is not None and self.show in (code.co_name,
                                                                  code.co_qualname)
                result = Specialization(compile_function(function, signature,
                                                         self.function_class, listing,
                                                         self.write_cache()))
                self.compiled_any = True
            except NotCompiled as error:
                result = str(error)
                self.failures += 1
                if error.permanent or (self.failures >= MAX_FAILED_SIGNATURES
                                       and not self.compiled_any):
                    self._step_aside()
        if self.report is not None:
            names = [type(argument).__name__ if argument_type is None else str(argument_type)
                     for argument, argument_type in zip(arguments, signature)]
            self.report(function.__code__, names,
                        result.compiled if type(result) is Specialization else result,
                        time.perf_counter() - started)
        return result

    def _step_aside(self):
        """Calls go straight to the tier below from now on."""
        self.stepped_aside = True
        executable = self.executable_reference()
        if executable is None:
            return
        if executable.runner is self:
            executable.runner = self.below
        if executable.run is self:
            executable.set_run(self.below)

    # -- arguments and results ------------------------------------------------------------

    def _pack(self, specialization, arguments):
        """Write the arguments' words; [(python list, native address)] for the lists
        copied in, or None if an argument does not fit the signature."""
        slots = specialization.arguments
        position = 0
        native_lists = []
        for argument, argument_type in zip(arguments, specialization.compiled.argument_types):
            if argument_type is INT:
                if not INT_MIN <= argument <= INT_MAX:
                    self._free(specialization, native_lists)
                    return None
                slots[position] = argument
                position += 1
            elif argument_type is FLOAT:
                slots[position] = words.word_from_float(argument)
                position += 1
            elif argument_type is BOOL:
                slots[position] = int(argument)
                position += 1
            elif isinstance(argument_type, ListType):
                if of_argument(argument) != argument_type or \
                        any(argument is other for other, _, _ in native_lists):
                    self._free(specialization, native_lists)
                    return None
                address = _native_copy(argument, argument_type.item)
                native_lists.append((argument, address, argument_type.item))
                slots[position] = address
                position += 1
            else:
                position += words.count(argument_type)
        return native_lists

    def _write_back(self, native_lists, changed):
        """Copy the native lists' items back into the guest's lists (if the code may
        have ``changed`` them); {address: list}."""
        boxes = {}
        for python_list, address, item_type in native_lists:
            if changed:
                python_list[:] = _python_items(address, item_type)
            boxes[address] = python_list
        return boxes

    def _free(self, specialization, native_lists):
        for _, address, _ in native_lists:
            native = _NativeList.from_address(address)
            _LIBC.free(native.items)
            _LIBC.free(address)
        native_lists.clear()
        address = specialization.arena_take()
        while address:
            native = _NativeList.from_address(address)
            following = native.next
            _LIBC.free(native.items)
            _LIBC.free(address)
            address = following

    # -- leaving machine code -------------------------------------------------------------

    def _leave(self, function, arguments, caller, specialization, boxes):
        """Go on at tier 0 from where machine code left: each frame of the chain of
        records (innermost first) made as it was there."""
        compiled = specialization.compiled
        specialization.exits_taken += 1
        if specialization.exits_taken >= MAX_EXITS:
            self._retire(specialization)
        words_left = iter(specialization.state[1:specialization.state[0]])
        boxer = _boxer(boxes)
        records = []
        for number in words_left:
            exit_ = compiled.exits[number]
            # (A callee's function lives while its global names it, which the entry's
            # checks made sure of; the outermost frame's is the called one, below.)
            frame_function = exit_.function() or function
            records.append((exit_, frame_function,
                            _frame_values(exit_, frame_function, words_left, boxer)))
        # The outermost frame is the called function's (the code compiled may have been
        # another function object's).
        records.reverse()
        records[0] = (records[0][0], function, records[0][2])
        innermost_exit, innermost_function, _ = records[-1]
        if self.report is not None:
            self.report(innermost_function.__code__,
                        [str(item) for item in compiled.argument_types], innermost_exit, 0.0)
        return self._resume(records, 0, caller)

    def _resume(self, records, position, caller):
        """Run the frame of ``records[position]`` (called from ``caller``) to its end
        at tier 0, and the frames it waits for first: its value."""
        exit_, function, (locals_, stack) = records[position]
        interpreter = self.interpreter
        frame = interpreter.enter(function, [UNBOUND] * function.plain_arity, None, caller)
        fast = frame.fast
        for index in range(len(fast)):
            fast[index] = locals_.get(index, UNBOUND)
        frame.stack.extend(stack)
        interpreter.frame = frame
        interpreter.nesting_room -= 1
        if not exit_.waiting:
            return interpreter.finish_call(frame, exit_.index, caller, True)
        # Waiting at its call: the callee's frame goes on first, and its value is the
        # call's; an exception from it is raised by the call, as the loop would.
        try:
            value = self._resume(records, position + 1, frame)
        except BaseException as error:
            frame.failed_index = exit_.index
            failure = [interpreter.runner_failed(frame, error, caller, True)]
        else:
            interpreter.frame = frame
            frame.stack.append(value)
            return interpreter.finish_call(frame, exit_.index + 1, caller, True)
        return interpreter.run_frame(frame, failure.pop())

    def _retire(self, specialization):
        for key, value in list(self.specializations.items()):
            if value is specialization:
                self.specializations[key] = "left machine code %d times" % MAX_EXITS
            elif isinstance(value, _ListSignatures):
                value.retire(specialization)


class _ListSignatures:
    """The specializations of one tuple of argument types that includes lists, by their
    full signatures (a list of floats and one of ints differ)."""

    def __init__(self, by_signature):
        self.by_signature = by_signature

    def find(self, dispatcher, function, arguments):
        signature = tuple(of_argument(argument) for argument in arguments)
        found = self.by_signature.get(signature)
        if found is None:
            if len(self.by_signature) >= MAX_LIST_SIGNATURES:
                return "too many signatures"
            found = self.by_signature[signature] = dispatcher._compile_signature(
                function, signature, arguments)
        return found

    def retire(self, specialization):
        for key, value in list(self.by_signature.items()):
            if value is specialization:
                self.by_signature[key] = "left machine code %d times" % MAX_EXITS


def _frame_values(exit_, function, word_iterator, boxer):
    """({local index: value}, stack) of an exit's record, of a frame of ``function``."""
    locals_ = {}
    stack = []
    for kind, position, value_type, how, may_be_unbound in exit_.slots:
        bound = next(word_iterator) if may_be_unbound else True
        value = _box_slot(value_type, how, function, word_iterator, boxer)
        if not bound:
            value = UNBOUND
        if kind == "local":
            locals_[position] = value
        else:
            stack.append(value)
    return locals_, stack


def _box_slot(value_type, how, function, word_iterator, boxer):
    if how is not None:
        if type(how) is tuple:
            # An object known when the code was compiled, found where the code found
            # it (the entry's checks made sure it is still there).
            if how[0] == "global":
                return global_of(function, how[1])
            return getattr(how[1](), how[2])
        return NULL if how is NULL_SLOT else how.value
    if value_type is NONE:
        return None
    if value_type is RANGE_ITERATOR:
        position, stop, step = (next(word_iterator) for _ in range(3))
        return iter(range(position, stop, step))
    if isinstance(value_type, ListMethod):
        owner_type, name = value_type.items
        return getattr(boxer(next(word_iterator), owner_type.item), name)
    if isinstance(value_type, ListIteratorType):
        position = next(word_iterator)
        iterator = iter(boxer(next(word_iterator), value_type.item))
        for _ in range(position):
            next(iterator)
        return iterator
    if isinstance(value_type, Known):
        return value_type.value
    if isinstance(value_type, TupleType) or value_type in (INT, FLOAT, BOOL) or \
            isinstance(value_type, ListType):
        return words.box(value_type, word_iterator, boxer)
    raise TypeError("no Python value for %s" % value_type)


def _boxer(boxes):
    def box_list(address, item_type):
        found = boxes.get(address)
        if found is None:
            found = boxes[address] = _python_items(address, item_type)
        return found
    return box_list


def _native_copy(python_list, item_type):
    """A native list (malloc'd) holding the items of ``python_list``."""
    item_ctype = _ITEM_CTYPES[item_type]
    count = len(python_list)
    capacity = max(count, 1)
    items = _LIBC.malloc(capacity * ctypes.sizeof(item_ctype))
    if count:
        (item_ctype * count).from_address(items)[:] = python_list
    address = _LIBC.malloc(ctypes.sizeof(_NativeList))
    native = _NativeList.from_address(address)
    native.length, native.capacity, native.items, native.next = count, capacity, items, None
    return address


def _python_items(address, item_type):
    native = _NativeList.from_address(address)
    items = (_ITEM_CTYPES[item_type] * native.length).from_address(native.items)[:]
    if item_type is BOOL:
        return [bool(item) for item in items]
    return items

