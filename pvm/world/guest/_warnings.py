"""pvm's ``_warnings``: the C accelerator of ``warnings``, as the guest sees it.

The host's C ``_warnings`` serves the host's ``warnings`` module (its filters, its
hooks), so the guest cannot share it; and the pure-Python fallback in warnings.py,
which CPython never runs, hands ``source`` to WarningMessage where ``file`` goes,
so every warning given a source (an unawaited coroutine, an unclosed resource)
failed to print.  This module gives warnings.py what the C module gives it: the
filter list with the C module's default entries, the default action, the once
registry, ``warn`` and ``warn_explicit``.  Like the C functions, these read the
filters, the once registry and the default action from the ``warnings`` module on
each call (``catch_warnings`` replaces the list), and show a warning through its
``WarningMessage`` and ``_showwarnmsg``; without those attributes they fall back as
the C module does (the filters it saw last, its own display on ``sys.stderr``).
"""

import sys

_defaultaction = "default"
_onceregistry = {}
_filters_version = 1

# The C module's entries (none in a debug build): a module name as a string matches
# that name exactly.
filters = [] if hasattr(sys, "gettotalrefcount") else [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _is_internal_frame(frame):
    filename = frame.f_code.co_filename
    return "importlib" in filename and "_bootstrap" in filename


def _next_external_frame(frame):
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    try:
        if stacklevel <= 1 or _is_internal_frame(sys._getframe(1)):
            frame = sys._getframe(stacklevel)
        else:
            frame = sys._getframe(1)
            for _ in range(stacklevel - 1):
                frame = _next_external_frame(frame)
                if frame is None:
                    raise ValueError
    except ValueError:
        globals_ = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals_["__name__"] if "__name__" in globals_ else "<string>"
    registry = globals_.setdefault("__warningregistry__", {})
    _warn_explicit(message, category, filename, lineno, module, registry, None, source)


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Low-level interface to warnings functionality."""
    source_line = None
    if module_globals is not None:
        if not isinstance(module_globals, dict):
            raise TypeError("module_globals must be a dict, not '%s'"
                            % type(module_globals).__name__)
        source_line = _source_line(module_globals, lineno)
    _warn_explicit(message, category, filename, lineno, module, registry, source_line,
                   source)


def _source_line(module_globals, lineno):
    """The line the module's loader gives, which only the C module's own display shows
    (when warnings has no _showwarnmsg)."""
    if "__loader__" not in module_globals or "__name__" not in module_globals:
        return None
    get_source = getattr(module_globals["__loader__"], "get_source", None)
    if get_source is None:
        return None
    source = get_source(module_globals["__name__"])
    if source is None:
        return None
    # The C function, whatever a str subclass makes its method do.
    lines = str.splitlines(source)
    if not 0 < lineno <= len(lines):
        raise IndexError("list index out of range")
    return lines[lineno - 1]


def _warn_explicit(message, category, filename, lineno, module, registry, source_line,
                   source):
    global filters
    warnings = sys.modules.get("warnings")
    # Without a filters attribute, the C module uses the list it saw last.
    filters_now = filters = getattr(warnings, "filters", filters)
    once_registry = getattr(warnings, "onceregistry", _onceregistry)
    default_action = getattr(warnings, "defaultaction", _defaultaction)
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters_now:
        action, pattern, filtered_category, module_pattern, filtered_line = item
        if (_matches(pattern, text) and issubclass(category, filtered_category)
                and _matches(module_pattern, module)
                and (filtered_line == 0 or lineno == filtered_line)):
            break
    else:
        action = default_action
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        once_key = (text, category)
        if once_registry.get(once_key):
            return
        once_registry[once_key] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        module_key = (text, category, 0)
        if registry.get(module_key):
            return
        registry[module_key] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s"
                           % (action, item))
    if warnings is None and source is not None:
        # With a source, the C module imports warnings, whose display can show where
        # the source was allocated (tracemalloc).
        import warnings
    show = getattr(warnings, "_showwarnmsg", None)
    if show is None:
        _show_warning(filename, lineno, text, category, source_line)
        return
    show(warnings.WarningMessage(message, category, filename, lineno, source=source))


def _show_warning(filename, lineno, text, category, source_line):
    """The C module's own display, for a warnings module without _showwarnmsg."""
    try:
        stderr = sys.stderr
        stderr.write("%s:%d: %s: %s\n" % (filename, lineno, category.__name__, text))
        if source_line is not None:
            # The C module writes the line as it is (its stripped copy goes unused).
            stderr.write(source_line + "\n")
        else:
            import linecache
            line = linecache.getline(filename, lineno).strip(" \t\f")
            if line:
                stderr.write("  " + line.rstrip("\n") + "\n")
    except Exception:
        pass        # as the C module, which clears any error here
