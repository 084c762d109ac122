"""pvm's ``_pickle``: CPython's C pickler, as the guest sees it, made of pickle's own.

The C ``_pickle`` cannot serve the guest: it imports modules and looks up globals in
the host's module table, where the guest's modules are not.  So pvm gives the guest
this module instead.  Its Pickler and Unpickler are the pure-Python ones from
``pickle``, changed only where the C module behaves differently in ways programs see:
its error messages (a global that cannot be found, a local object, a truncated or
damaged pickle, an empty stack) and ``Ran out of input``.  ``PickleBuffer`` is the
host's type, which holds no module state; the importer hands it over in this
module's spec (``__spec__.loader_state``).

``pickle`` imports ``PickleBuffer`` from here before it defines its own classes,
and the rest at its end; the classes are made when they are first asked for.
"""

import sys

PickleBuffer = __spec__.loader_state["PickleBuffer"]


# pickle takes these in place of its own, as it does the C module's.
class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "PickleBuffer"]

def __getattr__(name):
    if name in ("Pickler", "Unpickler"):
        import pickle
        namespace = globals()
        namespace["Pickler"] = _make_pickler(pickle)
        namespace["Unpickler"] = _make_unpickler(pickle)
        return namespace[name]
    raise AttributeError("module '_pickle' has no attribute %r" % name)


_TRACEBACK_RECORD = "__pvm_traceback__"


def _make_pickler(pickle):
    class Pickler(pickle._Pickler):
        def save_global(self, obj, name=None):
            # The C pickler's checks, in its order and words; pickle's own code then
            # writes the reference.
            if name is None:
                name = getattr(obj, "__qualname__", None)
            if name is None:
                name = obj.__name__
            if "<locals>" in name.split("."):
                raise AttributeError("Can't pickle local object %r" % name)
            module_name = pickle.whichmodule(obj, name)
            try:
                __import__(module_name, level=0)
                module = sys.modules[module_name]
            except (ImportError, KeyError):
                raise PicklingError("Can't pickle %r: import of module %r failed"
                                    % (obj, module_name)) from None
            found = module
            try:
                for part in name.split("."):
                    found = getattr(found, part)
            except AttributeError:
                raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                    % (obj, name, module_name)) from None
            if found is not obj:
                raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                    % (obj, module_name, name))
            super().save_global(obj, name)

        def save_reduce(self, func, args, state=None, *more, **keywords):
            # An exception's state is its __dict__, where pvm keeps the exception's
            # traceback (CPython keeps it in a slot of its own, never pickled).
            if type(state) is dict and _TRACEBACK_RECORD in state:
                state = {name: value for name, value in state.items()
                         if name != _TRACEBACK_RECORD} or None
            super().save_reduce(func, args, state, *more, **keywords)

        # pickle's table calls its own save_global for functions; this one instead.
        dispatch = dict(pickle._Pickler.dispatch)
        dispatch[type(_make_pickler)] = save_global

    Pickler.__module__ = "_pickle"
    Pickler.__qualname__ = "Pickler"
    return Pickler


def _make_unpickler(pickle):
    pickle_file = pickle.__file__

    class Unpickler(pickle._Unpickler):
        def load(self):
            # pickle's loop, with the C unpickler's errors for input that ends too
            # soon, an unknown opcode and an empty stack.
            if not hasattr(self, "_file_read"):
                raise UnpicklingError("Unpickler.__init__() was not called by "
                                      "%s.__init__()" % (type(self).__name__,))
            unframer = pickle._Unframer(self._file_read, self._file_readline)
            self._unframer = unframer
            self.read = self._read_whole
            self.readinto = unframer.readinto
            self.readline = self._read_whole_line
            self.metastack = []
            self.stack = []
            self.append = self.stack.append
            self.proto = 0
            read_opcode = unframer.read
            dispatch = self.dispatch
            try:
                while True:
                    key = read_opcode(1)
                    if not key:
                        raise EOFError("Ran out of input")
                    try:
                        load_opcode = dispatch[key[0]]
                    except KeyError:
                        raise UnpicklingError("invalid load key, %s." % _shown(key[0])) \
                            from None
                    try:
                        load_opcode(self)
                    except IndexError as error:
                        if not _raised_by_pickle(error, pickle_file):
                            raise
                        # pickle pops an empty stack (or mark stack) here.
                        raise UnpicklingError("unpickling stack underflow") from None
            except pickle._Stop as stop:
                return stop.value

        def _read_whole(self, size):
            data = self._unframer.read(size)
            if len(data) < size:
                raise UnpicklingError("pickle data was truncated")
            return data

        def _read_whole_line(self):
            line = self._unframer.readline()
            if not line.endswith(b"\n"):
                raise UnpicklingError("pickle data was truncated")
            return line

        # Numbers of the text protocol that the C unpickler cannot read fail with
        # its words.
        def load_int(self):
            try:
                pickle._Unpickler.load_int(self)
            except ValueError:
                raise ValueError("could not convert string to int") from None

        def load_float(self):
            line = self.readline()
            try:
                value = float(line[:-1])
            except ValueError:
                raise ValueError("could not convert string to float: '%s'"
                                 % line.decode("latin-1")) from None
            self.append(value)

        def load_long(self):
            line = self.readline()
            text = line[:-2] if line[-2:-1] == b"L" else line
            try:
                value = int(text, 0)
            except ValueError:
                raise ValueError("invalid literal for int() with base 10: %r"
                                 % text.decode("latin-1")) from None
            self.append(value)

        dispatch = dict(pickle._Unpickler.dispatch)
        dispatch[pickle.INT[0]] = load_int
        dispatch[pickle.FLOAT[0]] = load_float
        dispatch[pickle.LONG[0]] = load_long

        def find_class(self, module, name):
            try:
                return super().find_class(module, name)
            except AttributeError:
                owner = sys.modules.get(module)
                if owner is None:
                    raise
                raise AttributeError("Can't get attribute %r on %r" % (name, owner)) \
                    from None

    Unpickler.__module__ = "_pickle"
    Unpickler.__qualname__ = "Unpickler"
    return Unpickler


def _shown(byte):
    if 0x20 <= byte <= 0x7E and byte not in (0x27, 0x5C):
        return "'%c'" % byte
    return "'\\x%02x'" % byte


def _raised_by_pickle(error, pickle_file):
    """Whether ``error`` was raised by pickle's own code (not by code it called)."""
    traceback = error.__traceback__
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback.tb_frame.f_code.co_filename == pickle_file


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    import io
    buffer = io.BytesIO()
    Pickler(buffer, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)
    return buffer.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers, encoding=encoding,
                     errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    import io
    return Unpickler(io.BytesIO(data), fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()
