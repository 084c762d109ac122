"""The bytecode cache: ``__pycache__/NAME.pvm-311.pyc`` files.

A cache file is what CPython writes, with pvm's magic number and pvm's code:

    bytes 0-3    MAGIC_NUMBER (changes whenever pvm's bytecode changes)
    bytes 4-7    flags, little-endian: bit 0 = hash-based, bit 1 = check the source
    bytes 8-15   timestamp mode: source mtime and source size, 32 bits each
                 hash mode (PEP 552): the 64-bit hash of the source bytes
    bytes 16-19  the CRC-32 of the bytes after it, little-endian
    bytes 20-    ``marshal.dumps(code.to_tuple())``

``cache_from_source`` is the one function that names cache files; the guest's
importlib uses it too (``pvm.world.importer`` installs it there).
``code_from_payload`` is the one reader: any damage or mismatch gives None and the
caller compiles the source again.  The checksum is what tells damage that keeps the
shape of a code object (a changed byte of its instructions, a table cut short) from
what pvm wrote: marshal reads such a payload without complaint, and the engine would
fail on it as it runs, far from the import.  ``write_atomic`` writes a temporary
file and renames it, so a reader never sees a partial file.
"""

import _imp
import marshal
import os
import sys
import zlib

from pvm import opcodes
from pvm.code import Code

try:
    # CPython 3.11's own sha256, without OpenSSL: every process computes the magic
    # number below, and importing hashlib (_hashlib, OpenSSL) costs 3-30 ms of start-up.
    from _sha256 import sha256
except ImportError:     # 3.12 made it _sha2
    from hashlib import sha256

CACHE_TAG = "pvm-311"
BYTECODE_SUFFIX = ".pyc"
SOURCE_SUFFIX = ".py"
PYCACHE = "__pycache__"
HEADER_SIZE = 16

FLAG_HASH_BASED = 0b01
FLAG_CHECK_SOURCE = 0b10

# Raise this by hand when the compiler changes what code means without the opcode
# table changing (a new operand encoding, a change in the tuple form of Code, positions:
# 9 gave `while True`'s jump back the whole statement's, as CPython's; 10 passes f(*a)'s
# `a` to CALL_FUNCTION_EX itself, whose error names the function; 11 packs positions
# in two bytes a value when they fit, and the exception table flat: Code.to_tuple).
BYTECODE_REVISION = 11


def _magic_number():
    """Two bytes derived from the opcode table and BYTECODE_REVISION, then b'\\r\\n' as
    in CPython's magic (a text-mode transfer breaks it visibly).  Any change to an
    opcode's number, name, operand kind or stack effect changes it."""
    spec = repr([BYTECODE_REVISION] + [
        (opcode.name, opcode.number, opcode.operand, opcode.jumps,
         opcode.pops if isinstance(opcode.pops, int) else opcode.pops.__name__,
         opcode.pushes if isinstance(opcode.pushes, int) else opcode.pushes.__name__)
        for opcode in opcodes.OPCODES])
    digest = int.from_bytes(sha256(spec.encode()).digest()[:2], "little")
    # Keep clear of CPython's magic numbers (3000-3999 for 3.x) so that a CPython
    # .pyc is never mistaken for pvm's.
    number = 10000 + digest % 50000
    return number.to_bytes(2, "little") + b"\r\n"


MAGIC_NUMBER = _magic_number()
RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, "little")


# -- names ------------------------------------------------------------------------------

def cache_from_source(path, debug_override=None, *, optimization=None, optimize=None,
                      cache_tag=CACHE_TAG, pycache_prefix=None):
    """The cache file of the source file ``path``, as importlib.util.cache_from_source.

    ``optimize`` is the -O level used when ``optimization`` is None (the host's
    sys.flags.optimize when that is None too); ``cache_tag`` and ``pycache_prefix``
    are the ``sys.implementation.cache_tag`` and ``sys.pycache_prefix`` in force.
    """
    if debug_override is not None:
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    path = os.fspath(path)
    head, tail = os.path.split(path)
    base, separator, rest = tail.rpartition(".")
    if cache_tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    almost_filename = "".join([(base if base else rest), ".", cache_tag])
    if optimization is None:
        optimization = sys.flags.optimize if optimize is None else optimize
        if optimization == 0:
            optimization = ""
    optimization = str(optimization)
    if optimization != "":
        if not optimization.isalnum():
            raise ValueError("{!r} is not alphanumeric".format(optimization))
        almost_filename = "{}.opt-{}".format(almost_filename, optimization)
    filename = almost_filename + BYTECODE_SUFFIX
    if pycache_prefix is not None:
        # As CPython: the source's absolute folder, made relative, under the prefix.
        if not os.path.isabs(head):
            head = os.path.join(os.getcwd(), head)
        drive, head = os.path.splitdrive(head)
        head = head.lstrip(os.sep)
        return os.path.join(pycache_prefix, head, filename)
    return os.path.join(head, PYCACHE, filename)


def source_from_cache(path, *, cache_tag=CACHE_TAG, pycache_prefix=None):
    """The source file of the cache file ``path``, as importlib.util.source_from_cache."""
    path = os.fspath(path)
    head, pycache_filename = os.path.split(path)
    found_in_pycache_prefix = False
    if pycache_prefix is not None:
        stripped = pycache_prefix.rstrip(os.sep)
        if head.startswith(stripped + os.sep):
            head = head[len(stripped):]
            found_in_pycache_prefix = True
    if not found_in_pycache_prefix:
        head, pycache = os.path.split(head)
        if pycache != PYCACHE:
            raise ValueError("{} not bottom-level directory in {!r}".format(PYCACHE, path))
    dot_count = pycache_filename.count(".")
    if dot_count not in {2, 3}:
        raise ValueError("expected only 2 or 3 dots in {!r}".format(pycache_filename))
    if dot_count == 3:
        optimization = pycache_filename.rsplit(".", 2)[-2]
        if not optimization.startswith("opt-"):
            raise ValueError("optimization portion of filename does not start with 'opt-'")
        if optimization[len("opt-"):] == "":
            raise ValueError("optimization level {!r} is not an alphanumeric value"
                             .format(optimization))
    base_filename = pycache_filename.partition(".")[0]
    return os.path.join(head, base_filename + SOURCE_SUFFIX)


# -- writing ------------------------------------------------------------------------------

def source_hash(source_bytes):
    """The 8-byte PEP 552 hash of a source, keyed with pvm's magic number."""
    return _imp.source_hash(RAW_MAGIC_NUMBER, source_bytes)


def code_to_timestamp_pyc(code, mtime=0, source_size=0):
    return b"".join((MAGIC_NUMBER, (0).to_bytes(4, "little"),
                     (int(mtime) & 0xFFFFFFFF).to_bytes(4, "little"),
                     (source_size & 0xFFFFFFFF).to_bytes(4, "little"),
                     _payload(code)))


def code_to_hash_pyc(code, hash_of_source, checked=True):
    flags = FLAG_HASH_BASED | (FLAG_CHECK_SOURCE if checked else 0)
    if len(hash_of_source) != 8:
        raise ValueError("a source hash is 8 bytes")
    return b"".join((MAGIC_NUMBER, flags.to_bytes(4, "little"), hash_of_source,
                     _payload(code)))


def _payload(code):
    body = marshal.dumps(code.to_tuple())
    return zlib.crc32(body).to_bytes(4, "little") + body


def write_atomic(path, data, mode=0o666):
    """Write ``data`` to ``path`` through a temporary file in the same folder and a
    rename: readers see the old file or the whole new one, never a part.  ``mode`` is
    the new file's permissions (less the umask)."""
    temporary = "{}.{}.{}.tmp".format(path, os.getpid(), id(data))
    descriptor = os.open(temporary, os.O_EXCL | os.O_CREAT | os.O_WRONLY, mode)
    try:
        with open(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def make_parents(path, mode=0o777):
    """Create the folders above ``path`` (``__pycache__`` and, with a prefix, more)."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, mode, exist_ok=True)


# -- reading ------------------------------------------------------------------------------

class Header:
    """What the first 16 bytes of a cache file say."""

    __slots__ = ("hash_based", "check_source", "mtime", "source_size", "source_hash")

    def __init__(self, data):
        flags = int.from_bytes(data[4:8], "little")
        self.hash_based = bool(flags & FLAG_HASH_BASED)
        self.check_source = bool(flags & FLAG_CHECK_SOURCE)
        self.mtime = int.from_bytes(data[8:12], "little")
        self.source_size = int.from_bytes(data[12:16], "little")
        self.source_hash = data[8:16]


def read_header(data):
    """The Header of cache file contents, or None when they are not a pvm cache file
    (wrong magic, unknown flags, shorter than a header)."""
    if len(data) < HEADER_SIZE or data[:4] != MAGIC_NUMBER:
        return None
    if int.from_bytes(data[4:8], "little") & ~(FLAG_HASH_BASED | FLAG_CHECK_SOURCE):
        return None
    return Header(data)


def is_fresh(header, source_mtime, source_size, read_source, check_hash_based_pycs="default"):
    """Whether a cache file with ``header`` is up to date with its source.

    ``read_source`` returns the source bytes; it is only called for a hash-based
    file that must be checked (CPython's ``--check-hash-based-pycs`` modes).
    """
    if not header.hash_based:
        if header.mtime != (int(source_mtime) & 0xFFFFFFFF):
            return False
        return source_size is None or header.source_size == (source_size & 0xFFFFFFFF)
    if check_hash_based_pycs == "never":
        return True
    if check_hash_based_pycs == "always" or header.check_source:
        return source_hash(read_source()) == header.source_hash
    return True


def code_from_payload(payload, filename=None):
    """The Code stored after a header, or None if it is damaged."""
    body = payload[4:]
    if len(payload) < 4 or int.from_bytes(payload[:4], "little") != zlib.crc32(body):
        return None
    try:
        code = Code.from_tuple(marshal.loads(body))
    except (ValueError, TypeError, EOFError, IndexError):
        return None
    if filename is not None and code.co_filename != filename:
        fix_filename(code, filename)
    return code


def fix_filename(code, filename):
    """Point ``code`` and the code objects inside it at ``filename`` (a tree of files
    that moved since it was compiled), as CPython's ``_imp._fix_co_filename``."""
    old = code.co_filename
    stack = [code]
    while stack:
        current = stack.pop()
        if current.co_filename != old:
            continue
        object.__setattr__(current, "co_filename", filename)
        stack.extend(constant for constant in current.co_consts if isinstance(constant, Code))


def load_or_compile(source_path, compile_source, optimize=0, dont_write_bytecode=False,
                    pycache_prefix=None, filename=None):
    """Host-side import of one source file's code: the cache if it is fresh, else
    compile (``compile_source(source_bytes, filename)``) and write the cache.

    The guest's import system has its own loader (pvm.world.importer); this serves pvm's
    start-up (its import system's own modules).  The caller compiles: the cache
    format is part of the bytecode contract, which knows nothing of the compiler.
    """
    filename = filename or source_path
    cache_path = cache_from_source(source_path, optimize=optimize,
                                   pycache_prefix=pycache_prefix)
    stat = os.stat(source_path)
    source = None
    try:
        with open(cache_path, "rb") as file:
            data = file.read()
    except OSError:
        data = b""
    header = read_header(data)
    if header is not None:
        def read_source():
            nonlocal source
            with open(source_path, "rb") as file:
                source = file.read()
            return source
        if is_fresh(header, stat.st_mtime, stat.st_size, read_source):
            code = code_from_payload(memoryview(data)[HEADER_SIZE:], filename)
            if code is not None:
                return code
    if source is None:
        with open(source_path, "rb") as file:
            source = file.read()
    code = compile_source(source, filename)
    if not dont_write_bytecode:
        try:
            make_parents(cache_path)
            write_atomic(cache_path, code_to_timestamp_pyc(code, stat.st_mtime, len(source)),
                         mode_for_cache(stat.st_mode))
        except OSError:
            pass    # a read-only folder: run without a cache, as CPython does
    return code


def mode_for_cache(source_mode):
    """The permissions of a cache file whose source has ``source_mode``: the source's,
    plus owner write so that the next compile can replace it, never executable
    (importlib's rules)."""
    return ((source_mode & 0o777) | 0o200) & 0o666
