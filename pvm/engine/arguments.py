"""Binding call arguments to parameters, with CPython's error messages.

``bind`` fills the fast locals of a new frame from positional and keyword
arguments, defaults, ``*args`` and ``**kwargs``.  The interpreter only comes
here when a call is not the common shape (exactly the positional parameters).
"""

from pvm.code import CO_VARARGS, CO_VARKEYWORDS
from pvm.engine.frames import UNBOUND


def bind(function, args, kwargs):
    # (The slots, not the __code__ and __qualname__ properties: a call that misses
    # a parameter with a default, or passes keywords, comes here.)
    code = function._code
    argcount = code.co_argcount
    defaults = function._function_defaults
    if defaults and not kwargs and not code.co_kwonlyargcount \
            and not code.co_flags & (CO_VARARGS | CO_VARKEYWORDS):
        # Positional arguments, and defaults for the rest: the common call here.
        given = len(args)
        first_default = argcount - len(defaults)
        if first_default <= given <= argcount:
            fast = list(args)
            fast += defaults[given - first_default:]
            fast += [UNBOUND] * (len(code.co_varnames) - argcount)
            return fast
    name = function._qualname
    posonly = code.co_posonlyargcount
    kwonly = code.co_kwonlyargcount
    varnames = code.co_varnames
    flags = code.co_flags
    fast = [UNBOUND] * len(varnames)
    given = len(args)
    fast[:min(given, argcount)] = args[:argcount]
    slot = argcount + kwonly
    if flags & CO_VARARGS:
        fast[slot] = tuple(args[argcount:])
        slot += 1
    elif given > argcount:
        _too_many_positional(function, name, given, kwargs)
    extra = None
    if flags & CO_VARKEYWORDS:
        extra = {}
        fast[slot] = extra
    if kwargs:
        positional_only_as_keyword = []
        for key, value in kwargs.items():
            if not isinstance(key, str):
                # CPython's message for f(**{1: 2}) (_PyStack_UnpackDict); its
                # "f() keywords must be strings" is for calls made from C.
                raise TypeError("keywords must be strings")
            try:
                index = varnames.index(key, 0, argcount + kwonly)
            except ValueError:
                index = -1
            if index < posonly:
                if extra is None:
                    if index >= 0 or key in varnames[:posonly]:
                        positional_only_as_keyword.append(key)
                        continue
                    raise TypeError("%s() got an unexpected keyword argument '%s'"
                                    % (name, key))
                extra[key] = value
                continue
            if fast[index] is not UNBOUND:
                raise TypeError("%s() got multiple values for argument '%s'" % (name, key))
            fast[index] = value
        if positional_only_as_keyword:
            raise TypeError("%s() got some positional-only arguments passed as keyword "
                            "arguments: '%s'" % (name, ", ".join(positional_only_as_keyword)))
    if given < argcount:
        defaults = defaults or ()
        first_default = argcount - len(defaults)
        missing = []
        for index in range(given, argcount):
            if fast[index] is UNBOUND:
                if index >= first_default:
                    fast[index] = defaults[index - first_default]
                else:
                    missing.append(varnames[index])
        if missing:
            _missing(name, missing, "positional")
    if kwonly:
        kwdefaults = function._function_kwdefaults or {}
        missing = []
        for index in range(argcount, argcount + kwonly):
            if fast[index] is UNBOUND:
                key = varnames[index]
                if key in kwdefaults:
                    fast[index] = kwdefaults[key]
                else:
                    missing.append(key)
        if missing:
            _missing(name, missing, "keyword-only")
    return fast


def _missing(name, missing, kind):
    count = len(missing)
    quoted = ["'%s'" % item for item in missing]
    if count == 1:
        names = quoted[0]
    elif count == 2:
        names = "%s and %s" % tuple(quoted)
    else:
        names = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    raise TypeError("%s() missing %d required %s argument%s: %s"
                    % (name, count, kind, "" if count == 1 else "s", names))


def _too_many_positional(function, name, given, kwargs):
    code = function._code
    argcount = code.co_argcount
    defaults = len(function._function_defaults or ())
    kwonly_given = sum(1 for key in (kwargs or {})
                       if key in code.co_varnames[argcount:argcount + code.co_kwonlyargcount])
    if defaults:
        takes = "from %d to %d positional arguments" % (argcount - defaults, argcount)
    else:
        takes = "%d positional argument%s" % (argcount, "" if argcount == 1 else "s")
    if kwonly_given:
        given_text = "%d positional argument%s (and %d keyword-only argument%s)" % (
            given, "" if given == 1 else "s", kwonly_given, "" if kwonly_given == 1 else "s")
        raise TypeError("%s() takes %s but %s were given" % (name, takes, given_text))
    raise TypeError("%s() takes %s but %d %s given"
                    % (name, takes, given, "was" if given == 1 else "were"))
