"""Guest functions become methods in the host's C code, as host functions do.

``obj.method`` (LOAD_ATTR, LOAD_METHOD: the host's ``getattr``) finds a guest
``Function`` in the class and calls its type's ``tp_descr_get`` slot.  For a class
written in Python that slot calls the class's ``__get__``, a host-level Python call
made for every method call the guest makes: about 90 ns of the 120 ns a binding
costs, and the largest single cost of method-heavy code (deltablue: a sixth of its
time at tier 0, more at tier 1).  A host function's slot does the same work in C:
``None`` or no instance gives the function itself, anything else a bound method of it
(``types.MethodType(function, instance)``), which is what ``Function.__get__`` does.
So, once some guest code is hot, ``Function``'s slot is pointed at the host function
type's own, through ``_ctypes``; ``Function.__get__`` stays, and guest code calling
it explicitly gets the same answer.  ``Function`` gets the host function type's flag
that says so too (METHOD_DESCRIPTOR): where the host looks a method up on the type to
call it (an operator's special method, ``len()``'s ``__len__``), it calls the function
with the instance first and makes no bound method.

No Python-level API sets a type's slot; this reads and writes the type objects'
memory.  It is done only on CPython, where the slot's place is found, not assumed:
the word after ``tp_base`` and ``tp_dict``, checked on two builtin types, then tried
on a class of our own before ``Function``'s is written; anything unexpected leaves
the Python-level ``__get__`` in place.  Not at start-up: ``_ctypes`` is a shared
library to load, and a short program binds too few methods to repay it.
"""

import sys
import types

_done = False


def bind_in_c(function_class):
    """Make ``function_class`` (whose ``__get__`` binds as a host function's does) bind
    through the host function type's C slot, once per process; whether it does."""
    global _done
    if not _done:
        _done = True
        try:
            _point_slot_at_host_functions(function_class)
        except Exception:          # Anything unexpected: keep binding in Python.
            return False
    return _slot(function_class) == _slot(types.FunctionType)


def _point_slot_at_host_functions(function_class):
    if sys.implementation.name != "cpython" or _slot(types.FunctionType) is None:
        return

    class Probe:
        def __get__(self, instance, owner=None):
            return self if instance is None else types.MethodType(self, instance)

    class Owner:
        method = Probe()

    if _slot(Probe) != _slot(function_class):
        return      # Not the slot of a class that defines __get__ in Python.
    _set_slot(Probe, _slot(types.FunctionType))
    instance = Owner()
    bound = instance.method
    if (type(bound) is types.MethodType and bound.__self__ is instance
            and bound.__func__ is Owner.__dict__["method"]
            and Owner.method is Owner.__dict__["method"]):
        _set_slot(function_class, _slot(types.FunctionType))
        _mark_as_method_descriptor(Probe, Owner, function_class)


def _mark_as_method_descriptor(probe, owner, function_class):
    """Give ``function_class`` the host function type's flag that says its binding is
    the function with its self before the arguments (METHOD_DESCRIPTOR): where the
    host calls a method it looks up on a type (an operator's special method, a
    ``len()``'s ``__len__``, a method called from host code), it calls the function
    with the instance first, and makes no bound method (some 20 ns of the 145 an
    operator's guest method cost).  Tried on the ``probe`` first: the flag must be
    found where each type keeps its ``__flags__``, and a call of a method of ``owner``
    give the same as before."""
    flag = 1 << 17          # Py_TPFLAGS_METHOD_DESCRIPTOR
    if not types.FunctionType.__flags__ & flag or function_class.__flags__ & flag:
        return
    size = _ctypes().sizeof(_word_class())
    offset = next((offset for offset in range(0, 64 * size, size)
                   if all(_word(id(kind) + offset).value == kind.__flags__
                          for kind in (types.FunctionType, int, probe, function_class))),
                  None)
    if offset is None:
        return
    probe.__call__ = lambda self, instance, value: (instance, value)
    instance = owner()
    _word(id(probe) + offset).value |= flag
    if probe.__flags__ & flag and instance.method(1) == (instance, 1):
        _word(id(function_class) + offset).value |= flag


def _slot(cls):
    """The type's ``tp_descr_get``, an address (None where it cannot be found)."""
    offset = _descr_get_offset()
    return None if offset is None else _word(id(cls) + offset).value


def _set_slot(cls, address):
    _word(id(cls) + _descr_get_offset()).value = address


_found = {}


def _descr_get_offset():
    """Where a type object holds ``tp_descr_get``: the word two after ``tp_base``, found
    as the word that holds ``object`` in the function type and ``int`` in bool's."""
    if "offset" not in _found:
        _found["offset"] = None
        size = _ctypes().sizeof(_word_class())
        for offset in range(0, 64 * size, size):
            if (_word(id(types.FunctionType) + offset).value == id(object)
                    and _word(id(bool) + offset).value == id(int)):
                descr_get = offset + 2 * size
                # Functions have tp_descr_get and no tp_descr_set; properties have both.
                if (_word(id(types.FunctionType) + descr_get).value
                        and not _word(id(types.FunctionType) + descr_get + size).value
                        and _word(id(property) + descr_get + size).value):
                    _found["offset"] = descr_get
                break
    return _found["offset"]


def _ctypes():
    import _ctypes
    return _ctypes


def _word_class():
    if "word" not in _found:
        class Word(_ctypes()._SimpleCData):
            _type_ = "P"        # a pointer-sized word, read and written as an int
        _found["word"] = Word
    return _found["word"]


def _word(address):
    return _word_class().from_address(address)
