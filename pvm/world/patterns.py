"""Compiled regular expressions kept between processes: the guest's ``re._compiler``,
with what its ``compile`` hands ``_sre.compile`` for a pattern remembered on disk.

A compiled pattern is the host's ``_sre`` object, made from what the guest's pure-Python
``re._parser`` and ``re._compiler`` compute: the flags, the code (a list of numbers), the
group count and the group names.  Computing them at tier 0 was more than half of the
instructions a program importing 40 standard-library modules executed (the modules
compile their patterns as they load: 416,000 instructions of 918,000, docs/startup.md).
So, as the bytecode cache keeps what the compiler made of a source, this cache keeps
what the guest's re compiler made of a pattern and its flags, for the same sources of
``re`` and the same ``_sre``: a later process hands the kept values to ``_sre.compile``
and runs none of the compiler.

What a guest can tell apart: ``re._compiler.compile`` is a host function; a pattern
found in the cache does not run the guest's ``_parser`` and ``_code`` (a program that
replaces them sees only the patterns compiled anew); patterns whose compiling warns
(a possible nested set, a group name past ASCII) are never kept, so their warnings come
each time, and patterns that fail to compile are never kept either, so the error comes
from the guest's compiler with its traceback.  ``re.DEBUG`` and parsed patterns handed
in instead of strings take the guest's own ``compile``.
"""

import marshal
import os
import _sre
import sys

from pvm.cache import sha256, write_atomic

# The files of the guest's re whose code makes the kept values.
_RE_SOURCES = ("_parser.py", "_compiler.py", "_constants.py", "_casefix.py")
_HERE = os.path.dirname(os.path.abspath(__file__))


def install(compiler_module, import_system):
    """Put the caching ``compile`` in the guest's freshly imported ``re._compiler``;
    ``import_system`` is the guest's (``pvm.world.importer.ImportSystem``)."""
    namespace = compiler_module.__dict__
    original = namespace["compile"]
    sre = namespace["_sre"]
    debug_flag = namespace["SRE_FLAG_DEBUG"]
    kept = _PatternCache(os.path.dirname(namespace["__file__"]), import_system.sys)

    def compile(p, flags=0):
        if type(p) not in (str, bytes) or type(flags) is not int or flags & debug_flag:
            return original(p, flags)
        key = (p, flags)
        arguments = kept.get(key)
        if arguments is not None:
            final_flags, code, groups, groupindex, indexgroup = arguments
            return sre.compile(p, final_flags, code, groups, groupindex, indexgroup)
        # The guest's own compile makes the pattern (its frames are in the warnings'
        # stack levels and in tracebacks, as in CPython), with _sre standing in for
        # the while, to hand over what it is given.
        recorder = _Recorder(sre)
        namespace["_sre"] = recorder
        imports_before = import_system.import_calls
        try:
            compiled = original(p, flags)
        finally:
            namespace["_sre"] = sre
        recorded = [arguments for pattern, arguments in recorder.calls if pattern is p]
        # The parser imports warnings where it warns, and only there: a pattern whose
        # compiling imported anything (in any thread) is not kept.
        if len(recorded) == 1 and import_system.import_calls == imports_before:
            kept.put(key, recorded[0])
        return compiled

    compile.__module__ = compiler_module.__name__
    compile.__qualname__ = "compile"
    compile.__doc__ = original.__doc__
    namespace["compile"] = compile


class _Recorder:
    """``_sre`` to the guest's ``re._compiler`` while its ``compile`` runs: each call of
    ``compile`` is recorded as (pattern, the other arguments) and passed on."""

    def __init__(self, sre):
        self.sre = sre
        self.calls = []

    def compile(self, pattern, flags, code, groups, groupindex, indexgroup):
        # The code's opcodes are the guest's named int constants, which marshal cannot
        # keep; _sre.compile reads each as the number it is.
        self.calls.append((pattern, (flags, [int(number) for number in code], groups,
                                     dict(groupindex), indexgroup)))
        return self.sre.compile(pattern, flags, code, groups, groupindex, indexgroup)

    def __getattr__(self, name):
        return getattr(self.sre, name)


class _PatternCache:
    """The kept values, one file per pattern and flags in pvm's cache folder, in a
    folder whose name holds a fingerprint of the guest's re sources (their sizes and
    modification times), the ``_sre`` engine and the Python version, so that values
    made by other sources are never read.  Nothing is written where the guest's
    ``sys.dont_write_bytecode`` says not to write cache files, or where the folder
    cannot be written."""

    def __init__(self, re_folder, guest_sys):
        self.re_folder = re_folder
        self.guest_sys = guest_sys
        self.folder = None

    def _folder(self):
        if self.folder is None:
            # The sources by size and modification time, as kept programs know the
            # front end's (pvm.world.programs): reading and hashing their 80 KB was
            # 0.6% of the instructions of a start-up that compiles a pattern.
            stamps = ["%s %s" % (sys.version, _sre.MAGIC)]
            for name in _RE_SOURCES:
                status = os.stat(os.path.join(self.re_folder, name))
                stamps.append("%s %d %d" % (name, status.st_size, status.st_mtime_ns))
            digest = sha256("\n".join(stamps).encode())
            # Where this module's own cache files go: its __pycache__, or the tree
            # under the guest's sys.pycache_prefix (-X pycache_prefix, PYTHONPYCACHEPREFIX).
            prefix = self.guest_sys.pycache_prefix
            parent = (os.path.join(_HERE, "__pycache__") if prefix is None
                      else os.path.join(prefix, _HERE.lstrip(os.sep)))
            self.folder = os.path.join(parent, "re-patterns-" + digest.hexdigest()[:20])
        return self.folder

    def _path(self, key):
        return os.path.join(self._folder(),
                            sha256(repr(key).encode()).hexdigest()[:32] + ".marshal")

    def get(self, key):
        """The values kept for ``key``, or None."""
        try:
            with open(self._path(key), "rb") as file:
                kept_key, arguments = marshal.load(file)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        return arguments if kept_key == key else None

    def put(self, key, arguments):
        if self.guest_sys.dont_write_bytecode:
            return
        try:
            path = self._path(key)
            os.makedirs(self.folder, exist_ok=True)
            write_atomic(path, marshal.dumps((key, arguments)))
        except (OSError, ValueError):
            pass
