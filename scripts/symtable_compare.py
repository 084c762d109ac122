"""Compare pvm's symbol tables with the host's ``symtable`` module, file by file.

``describe(table)`` turns a table tree into a nested tuple of every answer the
stdlib interface gives (types, names, line numbers, every predicate of every
symbol, namespaces, children in order); it works on the stdlib's tables and on
pvm's alike, so two tables agree when their descriptions are equal.

    python3 scripts/symtable_compare.py            # the whole corpus
    python3 scripts/symtable_compare.py FILE...    # chosen files

prints ``symtable: identical X / Y files`` and, for each file that differs,
where the first difference is.
"""

import argparse
import os
import sys
import symtable as host_symtable

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
sys.path.insert(0, os.path.dirname(_HERE))

import corpus  # noqa: E402
from pvm import symtable as pvm_symtable  # noqa: E402

_SYMBOL_PREDICATES = (
    "is_referenced", "is_imported", "is_parameter", "is_global", "is_nonlocal",
    "is_declared_global", "is_local", "is_annotated", "is_free", "is_assigned",
    "is_namespace",
)
_FUNCTION_QUERIES = ("get_parameters", "get_locals", "get_globals", "get_nonlocals",
                     "get_frees")


def describe(table):
    """Every answer the stdlib interface gives about ``table`` and the tables under it.

    One order is not reproducible even in CPython: names that a scope only
    passes through to a nested scope (free here, nothing else) are appended
    in the iteration order of a string set, which depends on the hash seed.
    Those names are listed sorted, after the others.
    """
    names = _identifiers_in_stable_order(table)
    position = {name: index for index, name in enumerate(names)}
    children = table.get_children()
    child_ids = [child.get_id() for child in children]
    answers = [
        ("repr", repr(table)),
        ("type", table.get_type()),
        ("name", table.get_name()),
        ("lineno", table.get_lineno()),
        ("is_optimized", table.is_optimized()),
        ("is_nested", table.is_nested()),
        ("has_children", table.has_children()),
        ("identifiers", names),
        ("symbols", tuple(_describe_symbol(table.lookup(name), child_ids)
                          for name in names)),
    ]
    if table.get_type() == "function":
        for query in _FUNCTION_QUERIES:
            result = getattr(table, query)()
            answers.append((query, tuple(sorted(result, key=position.__getitem__))))
    if table.get_type() == "class":
        answers.append(("get_methods", table.get_methods()))
    answers.append(("children", tuple(describe(child) for child in children)))
    return tuple(answers)


def _identifiers_in_stable_order(table):
    stable, passed_through = [], []
    for name in table.get_identifiers():
        (passed_through if _only_passed_through(table.lookup(name)) else stable).append(name)
    return tuple(stable) + tuple(sorted(passed_through))


def _only_passed_through(symbol):
    return symbol.is_free() and not any(
        getattr(symbol, predicate)() for predicate in _SYMBOL_PREDICATES
        if predicate != "is_free")


def _describe_symbol(symbol, child_ids):
    answers = [("name", symbol.get_name()), ("repr", repr(symbol))]
    answers.extend((predicate, getattr(symbol, predicate)())
                   for predicate in _SYMBOL_PREDICATES)
    # A namespace is named by its place among the table's children.
    answers.append(("namespaces", tuple(
        (namespace.get_type(), namespace.get_name(), child_ids.index(namespace.get_id()))
        for namespace in symbol.get_namespaces())))
    try:
        namespace = symbol.get_namespace()
    except ValueError as error:
        answers.append(("namespace", "ValueError: %s" % error))
    else:
        answers.append(("namespace", child_ids.index(namespace.get_id())))
    return tuple(answers)


def describe_outcome(module, source, filename, compile_type="exec"):
    """``describe`` of ``module.symtable(...)``, or the exception it raised."""
    try:
        table = module.symtable(source, filename, compile_type)
    except SyntaxError as error:
        return ("error", type(error).__name__, error.msg, error.lineno, error.offset,
                error.end_lineno, error.end_offset, error.text, error.filename)
    except (ValueError, RecursionError, MemoryError) as error:
        return ("error", type(error).__name__, str(error))
    return ("table", describe(table))


def first_difference(expected, actual, path=()):
    """The path to the first place two descriptions differ, and the two values there."""
    if (isinstance(expected, tuple) and isinstance(actual, tuple)
            and expected != actual):
        for index, (left, right) in enumerate(zip(expected, actual)):
            if left != right:
                label = left[0] if _is_labelled(left) and _is_labelled(right) else index
                return first_difference(left, right, path + (label,))
        return path + ("length",), len(expected), len(actual)
    return path, expected, actual


def _is_labelled(value):
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)


def compare_file(path):
    """None when pvm agrees with the host on ``path``, else the first difference."""
    with open(path, "rb") as file:
        source = file.read()
    expected = describe_outcome(host_symtable, source, path)
    actual = describe_outcome(pvm_symtable, source, path)
    if expected == actual:
        return None
    return first_difference(expected, actual)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="files to compare (default: the corpus)")
    args = parser.parse_args(argv)
    paths = args.files or corpus.stdlib_files()
    differing = []
    for path in paths:
        try:
            difference = compare_file(path)
        except Exception as error:  # a crash in pvm is a difference to report, not a stop
            difference = ("crash",), None, "%s: %s" % (type(error).__name__, error)
        if difference is not None:
            differing.append((path, difference))
    for path, (where, expected, actual) in differing:
        print("%s\n    at %s\n    host: %r\n    pvm:  %r"
              % (path, "/".join(map(str, where)), expected, actual))
    print("symtable: identical %d / %d files" % (len(paths) - len(differing), len(paths)))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
