"""``python3 -m pvm.ir FILE [--function NAME] [--types T,...] [--after PASS] [--states]``:
print the SSA form of the functions of a file.

Without ``--types``, each function is shown as built from its bytecode, with no types.
With ``--types`` (``int``, ``float``, ``bool``, ``list[float]``, ...: one per argument of
the function ``--function`` names), the file runs as a module (not as ``__main__``: its
``if __name__ == "__main__":`` part does not), so that its globals are what the
function finds at run time, and the function is shown typed for that signature, after
the pass ``--after`` names (every pass, by default).
"""

import argparse
import os
import sys

from pvm.compiler import compile as pvm_compile
from pvm.ir import build, passes
from pvm.ir.build import Unsupported
from pvm.ir.passes.infer_types import Untypeable, infer_types
from pvm.ir.types import BOOL, FLOAT, INT, MISSING, NONE, ListType, global_of


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m pvm.ir",
                                     description="Print the SSA form of a file's functions.")
    parser.add_argument("file")
    parser.add_argument("--function", help="only the function of this name or qualified name")
    parser.add_argument("--types", help="the argument types to type the function for, "
                                        "comma-separated (int, float, bool, list[int], ...)")
    parser.add_argument("--after", choices=("build",) + passes.NAMES,
                        help="show the form after this pass (default: after all of them)")
    parser.add_argument("--states", action="store_true",
                        help="show the guest state kept at each instruction that may fail")
    arguments = parser.parse_args(argv)
    with open(arguments.file, "rb") as file:
        source = file.read()
    try:
        module_code = pvm_compile(source, arguments.file, "exec")
    except SyntaxError as error:
        print("%s: %s" % (arguments.file, error), file=sys.stderr)
        return 1
    codes = [code for code in _code_objects(module_code)
             if arguments.function in (None, code.co_name, code.co_qualname)]
    if not codes:
        print("no function %r in %s" % (arguments.function, arguments.file), file=sys.stderr)
        return 1
    if arguments.types is None:
        if arguments.after not in (None, "build"):
            parser.error("--after %s needs --types (the passes work on typed code)"
                         % arguments.after)
        for code in codes:
            _show_built(code, arguments.states)
        return 0
    if arguments.function is None:
        parser.error("--types needs --function")
    try:
        signature = [_parse_type(text.strip()) for text in arguments.types.split(",")
                     if text.strip()]
    except ValueError as error:
        parser.error(str(error))
    function_object = _function_object(arguments.file, codes[0])
    if function_object is None:
        print("%s is not a function the module defines at its top level or in a class"
              % arguments.function, file=sys.stderr)
        return 1
    try:
        ssa = build(function_object.__code__)
        if arguments.after != "build":
            infer_types(ssa, signature, _Environment(function_object))
            if arguments.after != "infer_types":
                passes.optimize(ssa, until=arguments.after)
    except (Unsupported, Untypeable) as error:
        print("%s: %s" % (codes[0].co_qualname, error), file=sys.stderr)
        return 1
    print(ssa.format(states=arguments.states))
    return 0


def _show_built(code, states):
    try:
        print(build(code).format(states=states))
    except Unsupported as error:
        print("function %s: not put in SSA form: %s" % (code.co_qualname, error.reason))
    print()


def _code_objects(code):
    for constant in code.co_consts:
        if hasattr(constant, "co_code"):
            yield constant
            yield from _code_objects(constant)


_SCALARS = {"int": INT, "float": FLOAT, "bool": BOOL, "None": NONE}


def _parse_type(text):
    if text in _SCALARS:
        return _SCALARS[text]
    if text.startswith("list[") and text.endswith("]") and text[5:-1] in _SCALARS:
        return ListType(_SCALARS[text[5:-1]])
    raise ValueError("unknown type %r (int, float, bool, None, list[int], ...)" % text)


def _function_object(path, code):
    """The guest function of ``code``, the file run as a module on pvm."""
    from pvm.world.main import search_path
    from pvm.world.world import World
    world = World(argv=[path],
                  path=[os.path.dirname(os.path.abspath(path))] + search_path([]))
    module = world.import_module(os.path.splitext(os.path.basename(path))[0])
    owner = module
    for part in code.co_qualname.split(".")[:-1]:
        owner = getattr(owner, part, None)
    found = getattr(owner, code.co_name, None)
    return found if getattr(found, "__code__", None) is code or \
        getattr(getattr(found, "__code__", None), "co_qualname", None) == code.co_qualname \
        else None


class _Environment:
    def __init__(self, function_object):
        self.function_object = function_object

    def global_value(self, name):
        found = global_of(self.function_object, name)
        if found is MISSING:
            raise Untypeable("the global %s is not defined" % name)
        return found

    def call_type(self, callee, argument_types):
        raise Untypeable("a call of a guest function (the command types one function)")


if __name__ == "__main__":
    sys.exit(main())
