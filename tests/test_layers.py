"""pvm's parts import one another downward only.

    command      pvm/__main__.py: parses the command line, calls pvm.world.run
    world        pvm/world/: builtins, sys, importer, printing, the prompt; pvm/tiers.py,
                 what the tiers made of guest code, for programs that embed pvm
    explorer     pvm/explore/: the stage explorer's page, server and recorder
    tiers        pvm/tier2/: machine code through LLVM, plugged into the engine by the world
    engine       pvm/engine/: the loop, frames, functions, generators, tracing
    ir           pvm/ir/: the SSA form built from bytecode, and its passes
    front end    tokenizer, parser, symtable, compiler and their tools
    contract     opcodes, Code, the disassembler, the cache format

The world builds on the engine and the front end; both of those build on the
contract only.  Imports are read from the sources with ``ast``, those inside
functions included: an import placed in a function to get round a cycle is
still a cycle.
"""

import ast
import os

PVM_FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pvm")

# The modules of each part; a package stands for its submodules, and a module
# belongs to the part that names it or its innermost package.
PARTS = {
    "contract": ("pvm.opcodes", "pvm.code", "pvm.dis", "pvm.cache"),
    "front end": ("pvm.token", "pvm.tokenize", "pvm.parser", "pvm.symtable", "pvm.compiler",
                  "pvm.compile_warnings", "pvm.ast", "pvm.py_compile", "pvm.compileall",
                  # The disassembler's command compiles the file it shows.
                  "pvm.dis.__main__"),
    "engine": ("pvm.engine",),
    "ir": ("pvm.ir",),
    # python3 -m pvm.ir compiles the file it shows, as pvm.dis's command does.
    "ir command": ("pvm.ir.__main__",),
    "tiers": ("pvm.tier2",),
    "world": ("pvm.world", "pvm.tiers"),
    "command": ("pvm.__main__",),
    "explorer": ("pvm.explore",),
}
# pvm/__init__.py offers the front end's pipeline (pvm.parse, pvm.compile, pvm.Code) and
# the world, for programs that embed pvm (pvm.World and its limits' exceptions).
PACKAGE_PART = "package"

# The layering: the parts each part may import.
MAY_IMPORT = {
    "contract": set(),
    "front end": {"contract"},
    "engine": {"contract"},
    "ir": {"contract"},
    "ir command": {"contract", "front end", "ir", "world"},
    "tiers": {"contract", "engine", "ir"},
    "world": {"contract", "front end", "engine", "ir", "tiers"},
    "command": {"world"},
    # The explorer shows every stage: the front end's tools (pvm.parse, pvm.dis, from
    # the package), tier 1's translation and the SSA form (its Tiers tab), and runs on a
    # world.
    "explorer": {"contract", "front end", "engine", "ir", "world", "package"},
    "package": {"contract", "front end", "world"},
}


def _modules():
    """{module name: path} of every Python file under pvm/."""
    found = {}
    parent = os.path.dirname(PVM_FOLDER)
    for folder, _, names in os.walk(PVM_FOLDER):
        for name in names:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            parts = os.path.relpath(path, parent)[:-len(".py")].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def part_of(module):
    if module == "pvm":
        return PACKAGE_PART
    best_part, best_length = None, -1
    for part, prefixes in PARTS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) \
                    and len(prefix) > best_length:
                best_part, best_length = part, len(prefix)
    return best_part


def imports_of(module):
    """The pvm modules that ``module`` imports, anywhere in its source."""
    path = MODULES[module]
    with open(path, "rb") as file:
        tree = ast.parse(file.read(), path)
    is_package = os.path.basename(path) == "__init__.py"
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = package + "." + node.module if node.module else package
            else:
                base = node.module
            for alias in node.names:
                # ``from package import name`` imports a module when name is one.
                submodule = base + "." + alias.name
                imported.add(submodule if submodule in MODULES else base)
    return {name for name in imported if name in MODULES and name != module}


def _imports_between_parts():
    """{(importing part, imported part): ["module -> module", ...]} across parts."""
    crossings = {}
    for module in sorted(MODULES):
        for imported in sorted(imports_of(module)):
            edge = (part_of(module), part_of(imported))
            if edge[0] != edge[1]:
                crossings.setdefault(edge, []).append("%s -> %s" % (module, imported))
    return crossings


def _cycle(edges):
    """A cycle of the directed graph ``edges`` (pairs), as a list of nodes, or None."""
    successors = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    done = set()

    def visit(node, path):
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return None
        for target in successors.get(node, ()):
            found = visit(target, path + [node])
            if found:
                return found
        done.add(node)
        return None

    for node in successors:
        found = visit(node, [])
        if found:
            return found
    return None


def test_every_module_belongs_to_a_part():
    assert [module for module in MODULES if part_of(module) is None] == []


def test_the_layering_has_no_cycle():
    edges = [(part, imported) for part, allowed in MAY_IMPORT.items() for imported in allowed]
    assert _cycle(edges) is None


def test_parts_import_each_other_without_a_cycle():
    crossings = _imports_between_parts()
    cycle = _cycle(crossings)
    assert cycle is None, "the parts import each other in a cycle %s:\n%s" % (
        " -> ".join(cycle), "\n".join(
            line for source, target in zip(cycle, cycle[1:])
            for line in crossings[source, target]))


def test_parts_import_only_downward():
    upward = {edge: lines for edge, lines in _imports_between_parts().items()
              if edge[1] not in MAY_IMPORT[edge[0]]}
    assert upward == {}


def test_engine_never_imports_the_world():
    engine = [module for module in MODULES if part_of(module) == "engine"]
    assert engine
    world_imports = ["%s -> %s" % (module, imported) for module in sorted(engine)
                     for imported in sorted(imports_of(module))
                     if part_of(imported) == "world"]
    assert world_imports == []
