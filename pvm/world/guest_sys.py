"""The guest's sys module: the host's, with the parts that must know pvm replaced.

The sys module is a fresh module with a copy of the host's attributes and the
guest's own ``argv``, ``path``, ``modules``, ``warnoptions``, ``_xoptions``, ``exc_info``,
``exception``, ``_getframe``, recursion limit, ``flags``, ``displayhook``,
``excepthook``, ``breakpointhook`` and trace and profile functions.
"""

# operator.py's functions are _operator's: taken from there, start-up does without
# importing operator.py (0.2 ms).
import _operator as operator
import os as host_os
import sys as host_sys
import types
from _thread import get_ident

from pvm.cache import CACHE_TAG
from pvm.code import BuiltinType
from pvm.engine import guest_traceback
from pvm.engine.descriptors import ReadOnlyAttribute, set_in_class
from pvm.engine.host_stack import guest_frame_on
from pvm.engine.interpreter import HOST_FRAMES_PER_LEVEL
from pvm.world.tracebacks import print_exception


_FLAG_NAMES = type(host_sys.flags).__match_args__


class _Flags(tuple, metaclass=BuiltinType):
    """sys.flags: a tuple of the command line's flags, each also an attribute, read-only,
    whose repr is CPython's (``sys.flags(debug=0, ...)``), as the host's own type (which
    refuses to make new instances) would give.  (Not a namedtuple: CPython's has no
    ``_fields`` or ``_replace``, and the collections module cost every start-up.)"""

    __slots__ = ()
    __match_args__ = _FLAG_NAMES
    n_fields = n_sequence_fields = len(_FLAG_NAMES)
    n_unnamed_fields = 0

    def __new__(cls, *arguments, **keywords):
        raise TypeError("cannot create 'sys.flags' instances")

    def __repr__(self):
        return "sys.flags(%s)" % ", ".join("%s=%r" % pair for pair in zip(_FLAG_NAMES, self))


for _index, _name in enumerate(_FLAG_NAMES):
    set_in_class(_Flags, **{_name: ReadOnlyAttribute(_name, operator.itemgetter(_index),
                                                     member=True)})
del _index, _name
set_in_class(_Flags, __module__="sys", __qualname__="flags", __name__="flags")


def _guest_flags(optimize, dont_write_bytecode, values):
    """sys.flags as the guest sees it: python's defaults with no option, changed by
    ``values`` (by name) and by pvm's -O level and -B.  hash_randomization is the
    host's, whose hashes the guest's are; so, unless ``values`` say, is utf8_mode."""
    flags = {name: 0 for name in _FLAG_NAMES}
    flags.update(dev_mode=False, safe_path=False, int_max_str_digits=-1,
                 hash_randomization=host_sys.flags.hash_randomization,
                 utf8_mode=host_sys.flags.utf8_mode)
    flags.update(values or {})
    flags.update(optimize=optimize, dont_write_bytecode=int(dont_write_bytecode))
    return tuple.__new__(_Flags, [flags[name] for name in _FLAG_NAMES])


def _guest_implementation():
    """sys.implementation: pvm's name and cache tag (``__pycache__/NAME.pvm-311.pyc``)."""
    values = dict(vars(host_sys.implementation))
    values["name"] = "pvm"
    values["cache_tag"] = CACHE_TAG
    return types.SimpleNamespace(**values)


def current_guest_frames(interpreter):
    """{thread id: its running guest frame of ``interpreter``}: never the host frames of
    pvm that run them."""
    current = get_ident()
    frames = {}
    for ident, host in host_sys._current_frames().items():
        frame = interpreter.running_frame() if ident == current \
            else guest_frame_on(host, interpreter)
        if frame is not None:
            frames[ident] = frame
    return frames


def make_sys(world, argv, path, dont_write_bytecode=False, pycache_prefix=None,
             flags=None, xoptions=None, warnoptions=()):
    """The sys module of ``world`` (a ``pvm.world.World``)."""
    interpreter = world.interpreter
    module = types.ModuleType("sys", host_sys.__doc__)
    namespace = module.__dict__
    namespace.update(host_sys.__dict__)
    # The host's site set it for the host's prompt; the guest's site sets the guest's.
    namespace.pop("__interactivehook__", None)
    # The guest's unraisable hook is CPython's default (pvm.world.unraisable writes its
    # report to the guest's stderr), not the one the host may have put in place.
    namespace["unraisablehook"] = host_sys.__unraisablehook__
    namespace["argv"] = list(argv)
    namespace["orig_argv"] = list(host_sys.orig_argv)
    namespace["path"] = list(host_sys.path if path is None else path)
    namespace["modules"] = world.modules
    namespace["meta_path"] = []
    namespace["path_hooks"] = []
    namespace["path_importer_cache"] = {}
    namespace["dont_write_bytecode"] = bool(dont_write_bytecode)
    namespace["pycache_prefix"] = pycache_prefix
    namespace["flags"] = _guest_flags(world.optimize, dont_write_bytecode, flags)
    namespace["_xoptions"] = dict(xoptions or {})
    # The guest's warnings module reads them when it is first imported, as CPython's does.
    namespace["warnoptions"] = list(warnoptions)
    namespace["implementation"] = _guest_implementation()

    def exc_info():
        exception = interpreter.current_handled()
        if exception is None:
            return (None, None, None)
        return (type(exception), exception, guest_traceback.traceback_of(exception))

    def exception():
        return interpreter.current_handled()

    def _getframe(depth=0):
        frame = interpreter.running_frame()
        for _ in range(depth):
            if frame is None:
                break
            frame = frame.f_back
        if frame is None:
            raise ValueError("call stack is not deep enough")
        return frame

    def _current_frames():
        return current_guest_frames(interpreter)

    def getrecursionlimit():
        return interpreter.recursion_limit

    def setrecursionlimit(limit):
        if not isinstance(limit, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(limit).__name__)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        # CPython's depth counts the entry into its eval loop as well as the frames.
        frame = interpreter.running_frame()
        depth = frame.depth + 1 if frame is not None else 0
        if depth >= limit:
            raise RecursionError("cannot set the recursion limit to %d at the recursion "
                                 "depth %d: the limit is too low" % (limit, depth))
        interpreter.recursion_limit = limit
        # Calls from host code into guest code nest host frames too.
        if host_sys.getrecursionlimit() < limit * HOST_FRAMES_PER_LEVEL:
            host_sys.setrecursionlimit(limit * HOST_FRAMES_PER_LEVEL)

    def exit(status=None):
        raise SystemExit(status)

    # The host's pair would track the host's coroutines, not the guest's.
    def set_coroutine_origin_tracking_depth(depth):
        depth = operator.index(depth)
        if depth < 0:
            raise ValueError("depth must be >= 0")
        interpreter.coroutine_origin_depth = depth

    def get_coroutine_origin_tracking_depth():
        return interpreter.coroutine_origin_depth

    def displayhook(value):
        # The host's writes to the host's sys.stdout and sets the host's builtins._.
        if value is None:
            return
        builtins_namespace = world.builtins.__dict__
        builtins_namespace["_"] = None
        stdout = world.sys.stdout
        if stdout is None:
            raise RuntimeError("lost sys.stdout")
        text = repr(value)
        try:
            stdout.write(text)
        except UnicodeEncodeError:
            encoding = getattr(stdout, "encoding", None) or "utf-8"
            stdout.write(text.encode(encoding, "backslashreplace").decode(encoding, "strict"))
        stdout.write("\n")
        builtins_namespace["_"] = value

    def excepthook(exception_type, value, traceback, /):
        # The host's would print the host's frames to the host's sys.stderr.
        stderr = world.sys.stderr
        if stderr is None:
            raise RuntimeError("lost sys.stderr")
        if not isinstance(value, BaseException):
            stderr.write("TypeError: print_exception(): Exception expected for value, "
                         "%s found\n" % type(value).__name__)
            return
        if isinstance(traceback, guest_traceback.Traceback) \
                and guest_traceback.traceback_of(value) is None:
            guest_traceback.set_traceback(value, traceback)
        print_exception(value, stderr)

    def breakpointhook(*arguments, **keywords):
        # The host's would import the host's pdb and stop in pvm's own frames.  As
        # CPython's: PYTHONBREAKPOINT (unless -E) names the hook, read at each call
        # from the environment the program may have changed; "0" turns it off.
        guest_os = world.modules.get("os")
        hook_name = "" if module.flags.ignore_environment else (
            guest_os.environ if guest_os is not None else host_os.environ).get(
                "PYTHONBREAKPOINT", "")
        if not hook_name:
            hook_name = "pdb.set_trace"
        elif hook_name == "0":
            return None
        module_name, dot, attribute = hook_name.rpartition(".")
        try:
            if dot and not module_name:
                raise ImportError(hook_name)
            hook = getattr(world.import_module(module_name or "builtins"), attribute)
        except (ImportError, AttributeError):
            world.warnings_module().warn(
                'Ignoring unimportable $PYTHONBREAKPOINT: "%s"' % hook_name, RuntimeWarning)
            return None
        return hook(*arguments, **keywords)

    # (pvm.engine.tracing is imported when a program first asks: most never do.)
    def settrace(function, /):
        from pvm.engine import tracing
        tracing.set_trace(interpreter, function)

    def gettrace():
        from pvm.engine import tracing
        return tracing.get_trace(interpreter)

    def setprofile(function, /):
        from pvm.engine import tracing
        tracing.set_profile(interpreter, function)

    def getprofile():
        from pvm.engine import tracing
        return tracing.get_profile(interpreter)

    for function in (exc_info, exception, _getframe, _current_frames, getrecursionlimit,
                     setrecursionlimit, exit, displayhook, excepthook,
                     set_coroutine_origin_tracking_depth, get_coroutine_origin_tracking_depth,
                     breakpointhook, settrace, gettrace, setprofile, getprofile):
        function.__module__ = "sys"
        namespace[function.__name__] = function
    namespace["__displayhook__"] = displayhook
    namespace["__excepthook__"] = excepthook
    namespace["__breakpointhook__"] = breakpointhook
    return module
