"""What a world's guest may import and which files it may read (``World(imports=...,
files=...)``).

``imports``: the guest may import the modules named (and their submodules); the
modules they import, as they load or later, are theirs to import (so is anything
imported while an allowed import is under way: a finder the program installed
runs then).  Whatever else
the program asks for, by ``import``, ``__import__`` or importlib, is a
ModuleNotFoundError.  Who asks is the innermost guest frame outside importlib: the
program's code, or the code of a module it was allowed (checked by the frame's code
file and globals, so that code compiled at run time with a module's namespace does
not pass for the module).  Where the allow-list names no module that runs programs,
the guest's posix (which start-up loads, and any module's ``sys.modules`` reaches)
runs none: its ``system``, ``exec*``, ``posix_spawn*``, ``fork*`` and ``kill*`` are
a PermissionError.

``files``: the guest may read files in the folders named, and in the folders of its
module search path (the importer reads through the same functions); it may write
none.  Checked in the guest's copies of ``_io`` and ``posix``, through which every
file operation of the guest's standard library goes, and, for what opens a file past
them, at the host's "open" audit event (``_audit``): the host's ``FileIO`` is a step
from any file object the guest holds (``type(open(name).buffer.raw)``, a class's
``__mro__``, ``super()``), and opens any file.  Anything else is a PermissionError.

Neither is a process boundary: objects the guest is given reach other objects
(a module it may import may hold one it may not), and host code the guest calls
runs as the host.
"""

import _thread
import os
import sys

from pvm.world import guest

_IMPORTLIB_FOLDER = os.path.dirname(os.__file__) + os.sep + "importlib" + os.sep
# The files importlib's frozen code names: its bootstrap's ("<frozen
# importlib._bootstrap>"), importlib.util's and importlib.machinery's (pvm.world.importer).
_FROZEN_IMPORTLIB = "<frozen importlib."

# posix's functions that read (by the path given first), and those that change files.
_READING = ("open", "stat", "lstat", "listdir", "scandir", "access", "readlink",
            "statvfs", "chdir", "getxattr", "listxattr")
_CHANGING = ("remove", "unlink", "rename", "replace", "mkdir", "makedirs", "rmdir",
             "chmod", "chown", "lchown", "link", "symlink", "truncate", "utime",
             "mkfifo", "mknod", "setxattr", "removexattr", "system", "execv", "execve",
             "posix_spawn", "posix_spawnp", "fork", "forkpty", "kill", "killpg")
# posix's functions that run programs (or signal them); and the modules that run
# programs, one of which an allow-list names where the guest may.  A world whose
# allow-list names none keeps them from the guest, who could otherwise reach the
# posix that start-up loads through any module's sys.modules.
_RUNNING = ("system", "execv", "execve", "posix_spawn", "posix_spawnp", "fork", "forkpty",
            "kill", "killpg")
_RUNS_PROGRAMS = frozenset(("os", "posix", "subprocess", "multiprocessing", "pty",
                            "asyncio", "concurrent"))


class Access:
    """One world's allow-lists (None: no restriction)."""

    def __init__(self, imports, files, path):
        self.imports = None if imports is None else frozenset(imports)
        # The modules whose code may import anything: the allowed ones, what they (and
        # start-up) imported.
        self.library = set()
        self.loading = 0        # allowed imports under way
        self.folders = None
        if files is not None:
            # The module search path (the host's, where the world is given none) and
            # pvm's stand-ins for C modules are read by imports.
            search_path = sys.path if path is None else path
            self.folders = tuple(_folder(item) for item in
                                 list(files) + list(search_path) + [guest.FOLDER])
        self.world = None

    def install(self, world):
        """Put the checks in place, once the world's import system runs."""
        self.world = world
        if self.folders is not None:
            # The builtin open is the host's io.open, not the guest's _io's.
            world.builtins.open = self._reading(world.builtins.open, mode_at=1)
            _install_audit_hook()
        if self.imports is None:
            return
        # What start-up imported is the standard library's, not the program's.
        self.library.update(world.modules)
        importer = world.importer
        bootstrap = importer.bootstrap
        checked_find = self._checked(bootstrap._find_and_load)
        bootstrap._find_and_load = importer.find_and_load = checked_find
        bootstrap._gcd_import = self._checked(bootstrap._gcd_import)
        import_ = self._checked(importer.import_)
        import_.__name__ = "__import__"
        world.builtins.__import__ = import_
        # Every module of C code is made by _imp, whatever way to it the guest finds
        # (a loader's load_module or create_module, importlib's _load, a finder's spec
        # executed by hand): the allow-list holds there too.
        imp = importer.imp
        for maker in ("create_builtin", "create_dynamic"):
            setattr(imp, maker, self._checked_maker(getattr(imp, maker)))
        # A loader's load_module finds a module already loaded in sys.modules and
        # runs it again through these two, with no _imp call to check.
        for loader in ("_exec", "_load"):
            setattr(bootstrap, loader, self._checked_maker(getattr(bootstrap, loader)))

    def _checked(self, function):
        def checked(name, *arguments, **keywords):
            level = keywords.get("level", arguments[3] if len(arguments) > 3 else 0)
            # A relative import is within a package already imported; what importlib
            # asks for as it loads an allowed module is that module's.
            if not level and not self.loading:
                self.check(name)
            self.loading += 1
            try:
                return function(name, *arguments, **keywords)
            finally:
                self.loading -= 1
        checked.__module__ = "builtins"
        return checked

    def _checked_maker(self, make):
        def checked(spec, *arguments):
            if not self.loading:
                self.check(getattr(spec, "name", None))
            return make(spec, *arguments)
        checked.__name__ = checked.__qualname__ = make.__name__
        checked.__module__ = make.__module__
        return checked

    def check(self, name):
        if not isinstance(name, str):
            return
        if name in self.imports or name.partition(".")[0] in self.imports:
            self.library.add(name)
            return
        requester = self._requester()
        if requester is None or self._is_library_code(requester):
            self.library.add(name)
            return
        raise ModuleNotFoundError("import of %r is not allowed in this world" % name,
                                  name=name)

    def _requester(self):
        frame = self.world.interpreter.running_frame()
        while frame is not None and frame.f_code.co_filename.startswith(
                (_IMPORTLIB_FOLDER, _FROZEN_IMPORTLIB)):
            frame = frame.f_back
        return frame

    def _is_library_code(self, frame):
        name = frame.f_globals.get("__name__")
        module = self.world.modules.get(name) if isinstance(name, str) else None
        return (module is not None and name in self.library
                and getattr(module, "__dict__", None) is frame.f_globals
                and _code_file(module) == frame.f_code.co_filename)

    # -- files -------------------------------------------------------------------------

    def enter(self):
        """Note that this world's guest runs on this thread, for ``_audit``; returns
        what ``leave`` puts back (the world whose guest ran here before)."""
        before = getattr(_guest_files, "access", None)
        _guest_files.access = self
        return before

    @staticmethod
    def leave(before):
        _guest_files.access = before

    def check_open(self, path, mode=None, flags=0):
        """Refuse to open ``path`` (a file descriptor is one the guest has already)
        with ``mode`` or ``flags`` that write, or outside the allowed folders."""
        if (isinstance(mode, str) and any(letter in mode for letter in "wax+")) \
                or (isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):
            raise PermissionError("writing files is not allowed in this world")
        if isinstance(path, (str, bytes, os.PathLike)):
            place = _folder(path)
            if not any(place == folder or place.startswith(folder + os.sep)
                       for folder in self.folders):
                raise PermissionError("reading %r is not allowed in this world"
                                      % (os.fsdecode(path),))

    def adapt(self, name, module):
        """Check the file operations of the guest's copy of ``_io`` or ``posix``, and
        keep posix's ways of running programs from a guest whose allow-list names no
        module that runs them."""
        namespace = module.__dict__
        if name == "posix" and self.imports is not None \
                and not {item.partition(".")[0] for item in self.imports} & _RUNS_PROGRAMS:
            for function_name in _RUNNING:
                if function_name in namespace:
                    namespace[function_name] = _refused(function_name)
        if self.folders is None:
            return
        if name == "_io":
            namespace["open"] = self._reading(namespace["open"], mode_at=1)
            namespace["open_code"] = self._reading(namespace["open_code"])
            check = self._reading(lambda *arguments, **keywords: None, mode_at=1)
            host_file_io = namespace["FileIO"]

            class FileIO(host_file_io):
                def __init__(self, *arguments, **keywords):
                    check(*arguments, **keywords)
                    super().__init__(*arguments, **keywords)
            FileIO.__module__ = "_io"
            namespace["FileIO"] = FileIO
        elif name == "posix":
            for function_name in _READING:
                if function_name in namespace:
                    namespace[function_name] = self._reading(namespace[function_name])
            for function_name in _CHANGING:
                if function_name in namespace:
                    namespace[function_name] = _refused(function_name)

    def _reading(self, function, mode_at=None):
        access = self

        def checked(*arguments, **keywords):
            path = arguments[0] if arguments else keywords.get("file", keywords.get("path"))
            mode = None
            if mode_at is not None:
                mode = arguments[mode_at] if len(arguments) > mode_at else keywords.get("mode", "r")
            # (posix.open's flags; check_open reads only an int there.)
            flags = arguments[1] if name == "open" and len(arguments) > 1 else 0
            if path is None and name in ("listdir", "scandir"):
                path = "."
            access.check_open(path, mode, flags)
            return function(*arguments, **keywords)
        name = getattr(function, "__name__", "")
        checked.__name__ = name
        checked.__qualname__ = getattr(function, "__qualname__", name)
        return checked


# -- the host's "open" audit event ---------------------------------------------------------

# The Access of the restricted world whose guest runs on this thread (``World.run``,
# ``eval``, ``call`` and the guest's threads), if any.
_guest_files = _thread._local()
# The modules whose file operations are pvm's own, on paths pvm chose: its caches, its
# memory meter's /proc file, and the host's importlib, which imports pvm's modules as
# they are first needed.
_OWN_FILE_USERS = frozenset(("pvm.cache", "pvm.engine.hot_runs", "pvm.world.programs",
                             "pvm.world.patterns", "pvm.world.memory",
                             "_frozen_importlib", "_frozen_importlib_external"))
_audit_hook_installed = False


def _install_audit_hook():
    """Audit hooks last as long as the process: one, for every world, added by the first
    world that restricts files."""
    global _audit_hook_installed
    if not _audit_hook_installed:
        sys.addaudithook(_audit)
        _audit_hook_installed = True


def _audit(event, arguments):
    """Every FileIO and os.open of the process raises "open" (path, mode, flags) before
    it opens: where a restricted world's guest runs, what is not pvm's own is checked
    against the world's folders.  Whose it is tells the innermost Python frame, the one
    that called the host code that opens: a frame of one of pvm's file users, or any
    other (pvm's loop running a guest call, a guest-facing builtin pvm writes in Python,
    tier 1's code, host code the guest called), which the guest may steer."""
    if event != "open":
        return
    access = getattr(_guest_files, "access", None)
    if access is None:
        return
    namespace = sys._getframe(1).f_globals
    name = namespace.get("__name__")
    # (Identity, not the name alone: tier 1's code runs with a guest module's globals.)
    if type(name) is str and name in _OWN_FILE_USERS \
            and getattr(sys.modules.get(name), "__dict__", None) is namespace:
        return
    access.check_open(*arguments)


def _refused(name):
    def refused(*arguments, **keywords):
        raise PermissionError("%s is not allowed in this world" % name)
    refused.__name__ = refused.__qualname__ = name
    return refused


def _folder(path):
    return os.path.realpath(os.fsdecode(path))


def _code_file(module):
    """The file its module's code names: its ``__file__``, or for a frozen module
    "<frozen ORIGNAME>", as CPython's frozen code names it."""
    spec = getattr(module, "__spec__", None)
    if getattr(spec, "origin", None) == "frozen":
        origname = getattr(getattr(spec, "loader_state", None), "origname", None)
        return "<frozen %s>" % origname.lstrip("<") if isinstance(origname, str) else None
    return getattr(module, "__file__", None)
