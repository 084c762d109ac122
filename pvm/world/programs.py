"""Compiled programs kept between runs: ``pvm -c CMD``, ``pvm FILE`` and a program piped
to stdin, and the source text a program hands to ``compile``, ``exec`` and ``eval``.

CPython compiles its main program on every run, in C, in microseconds. pvm's compiler
is Python, and importing it (tokenizer, parser, symbol tables, compiler, with the
host's ast, enum and re) was some 13 ms of every start before the program's first
line: a third of ``pvm -S -c pass``. So pvm keeps the code of each main program it
compiled, keyed by everything the code depends on: pvm's magic number (the bytecode);
the front end's own files, by size and modification time (an edit of pvm's compiler is
never served code the old one made); the optimization level; the file name; the
source. A run of the same program loads it from there without importing the front
end at all. The same holds for text compiled at run time: the standard library's
``namedtuple`` compiles some of its methods from text (``eval``), as ``dataclasses``
does (``exec``), the same text in every run, and a start-up that imports them paid
for the front end and each compilation. A compilation that warned is not kept: its
warnings must be issued again on every run, as CPython issues them.

The files are cache files of pvm's usual format (``pvm.cache``: hash-based, the hash
that of the key), one per program, named by a digest of the key, written whole or not
at all. They live under ``-X pycache_prefix`` (``PYTHONPYCACHEPREFIX``) when it is
set, else in the user's cache folder (``$XDG_CACHE_HOME/pvm/programs`` or
``~/.cache/pvm/programs``), the text compiled at run time in a folder of its own beside
it, ``strings``, so that a program generating much code does not push out the main
programs. ``-B`` (``PYTHONDONTWRITEBYTECODE``) keeps pvm from writing them, as it keeps
CPython from writing ``.pyc`` files; they are still read. Each folder keeps at most
``KEPT`` files: a write that finds more removes the oldest quarter.
"""

import os

from pvm import cache

KEPT = 500

# The modules that make a program's code from its source, under the package's folder.
_FRONT_END = ("token.py", "tokenize.py", "code.py", "opcodes.py", "compile_warnings.py",
              "symtable.py", "parser", "compiler")
_front_end_stamp = None


PROGRAMS = "programs"
STRINGS = "strings"


def folder(pycache_prefix, kind=PROGRAMS):
    """Where the compiled programs (or ``kind``, STRINGS) are kept, or None if no
    folder can be named."""
    if pycache_prefix:
        return os.path.join(pycache_prefix, "pvm-" + kind)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                            ".cache")
    if not os.path.isabs(base):
        return None
    return os.path.join(base, "pvm", kind)


def key(source, filename, optimize, mode="exec", flags=0, dont_inherit=False):
    """The bytes that decide a program's code: compiled from ``source`` (str or bytes)
    as ``filename`` at optimization level ``optimize`` (and ``mode``, ``flags`` and
    ``dont_inherit``, compile's arguments)."""
    if isinstance(source, str):
        # Which of str or bytes matters: bytes are decoded by their coding cookie.
        source = b"s" + source.encode("utf-8", "surrogatepass")
    else:
        source = b"b" + bytes(source)
    name = filename.encode("utf-8", "surrogatepass")
    return b"%s%s%d %s %d %d\0%d\0%s%s" % (
        cache.MAGIC_NUMBER, _front_end(), optimize, mode.encode("ascii", "replace"), flags,
        bool(dont_inherit), len(name), name, source)


def _front_end():
    """The sizes and modification times of the front end's files, as bytes."""
    global _front_end_stamp
    if _front_end_stamp is None:
        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        stamps = []
        for name in _FRONT_END:
            path = os.path.join(package, name)
            if name.endswith(".py"):
                status = os.stat(path)
                stamps.append("%s %d %d" % (name, status.st_size, status.st_mtime_ns))
                continue
            for entry in sorted(os.scandir(path), key=lambda entry: entry.name):
                if entry.name.endswith((".py", ".peg")):
                    status = entry.stat()
                    stamps.append("%s/%s %d %d" % (name, entry.name, status.st_size,
                                                   status.st_mtime_ns))
        _front_end_stamp = ("\n".join(stamps) + "\0").encode("utf-8", "surrogatepass")
    return _front_end_stamp


def _path(place, program_key):
    return os.path.join(place, cache.sha256(program_key).hexdigest()[:32] + cache.BYTECODE_SUFFIX)


def read(place, program_key, filename):
    """The kept code of the program of ``program_key``, or None."""
    try:
        with open(_path(place, program_key), "rb") as file:
            data = file.read()
    except OSError:
        return None
    header = cache.read_header(data)
    if header is None or not header.hash_based \
            or header.source_hash != cache.source_hash(program_key):
        return None
    return cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:], filename)


def write(place, program_key, code):
    """Keep ``code`` as the program of ``program_key``; nothing happens if the folder
    cannot be written (the program runs as it would have)."""
    path = _path(place, program_key)
    try:
        cache.make_parents(path)
        cache.write_atomic(path, cache.code_to_hash_pyc(code, cache.source_hash(program_key)))
        names = os.listdir(place)
        if len(names) > KEPT:
            # Down to three quarters at once: the next writes need not stat them all.
            _remove_oldest(place, names, len(names) - KEPT * 3 // 4)
    except OSError:
        pass


def _remove_oldest(place, names, count):
    aged = []
    for name in names:
        path = os.path.join(place, name)
        try:
            aged.append((os.stat(path).st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(aged)[:count]:
        try:
            os.unlink(path)
        except OSError:
            pass
