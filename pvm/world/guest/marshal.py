"""pvm's ``marshal``: the host's, which also stores the guest's code objects.

The guest's code objects are pvm's ``Code``, which the host's marshal cannot store;
programs that keep compiled code in files of their own (pytest's rewritten tests,
written beside the bytecode cache) marshal them all the same.  A code object is
stored as a mark and the host's marshal of its plain values (``Code.to_tuple``, the
form pvm's own bytecode cache stores); everything else is the host's marshal's,
byte for byte.  The host's module and ``Code`` come in this module's spec
(``__spec__.loader_state``).
"""

_host = __spec__.loader_state["marshal"]
_Code = __spec__.loader_state["Code"]
_MARK = b"\xe3pvm-code\x00"

version = _host.version


def dumps(value, version=version, /):
    if type(value) is _Code:
        return _MARK + _host.dumps(value.to_tuple(), version)
    return _host.dumps(value, version)


def loads(data, /):
    if bytes(data[:len(_MARK)]) == _MARK:
        return _Code.from_tuple(_host.loads(bytes(data[len(_MARK):])))
    return _host.loads(data)


def dump(value, file, version=version, /):
    file.write(dumps(value, version))


def load(file, /):
    start = file.read(len(_MARK))
    if start == _MARK:
        return _Code.from_tuple(_host.load(file))
    # Not a code object: the host reads it from where it starts.
    file.seek(-len(start), 1)
    return _host.load(file)
