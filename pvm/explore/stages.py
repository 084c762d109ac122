"""What each stage of the pipeline makes of a source, as data the page draws:
tokens (``pvm.tokenize``), the syntax tree (``pvm.parse``), symbol tables
(``pvm.symtable``), the code objects with their instructions (``pvm.dis``) and
basic blocks, the cache file the importer would write (``pvm.cache``), and, for one
code object at a time (``tiers``), what the compiling tiers make of it: tier 1's host
source and tier 2's SSA form.

Every stage is computed by the tool a user would run (``python3 -m pvm.tokenize``,
``pvm.ast``, ``pvm.dis``), so what the page shows is what they print.  Positions go
to the page in characters (``span``: first line, column, last line, column), which
is what an editor counts; the syntax tree's own columns are UTF-8 bytes, and are
kept too, as ``ast`` gives them.  A stage the source cannot reach (a SyntaxError
stops the parser) gives ``{"error": ...}``, the message as CPython prints it.
"""

import ast
import io
import marshal
import traceback
import zlib

import pvm
from pvm import cache, ir, opcodes, symtable, tokenize
from pvm.code import Code
from pvm.dis import get_instructions
from pvm.engine import tier1
from pvm.engine.decode import loop_heads
from pvm.world.recording import describe

# The fields of Code.to_tuple(), in order: the cache file's payload is their marshal.
CODE_TUPLE_FIELDS = ("argcount", "posonlyargcount", "kwonlyargcount", "stacksize", "flags",
                     "code", "consts", "code_indexes", "names", "varnames", "cellvars",
                     "freevars", "filename", "name", "qualname", "firstlineno",
                     "packed positions", "exceptiontable")


def error_text(error):
    """An exception as CPython prints it with no traceback (a SyntaxError with its
    file, line and caret)."""
    return "".join(traceback.format_exception_only(type(error), error))


def all_stages(source, filename):
    """{stage name: its data} for ``source`` (str) named ``filename``."""
    stages = {"tokens": _guarded(tokens, source), "ast": _guarded(syntax_tree, source, filename)}
    try:
        tree_error = None
        code = pvm.compile(source, filename, "exec")
    except (SyntaxError, ValueError) as error:
        tree_error = {"error": error_text(error)}
    if tree_error is not None:
        stages["symbols"] = stages["bytecode"] = stages["cache"] = tree_error
        return stages
    stages["symbols"] = _guarded(symbol_tables, source, filename)
    stages["bytecode"] = code_objects(code, source)
    stages["cache"] = cache_file(cache.code_to_timestamp_pyc(code, 0, len(source.encode())))
    return stages


def _guarded(stage, *arguments):
    try:
        return stage(*arguments)
    except (SyntaxError, ValueError, tokenize.TokenError) as error:
        return {"error": error_text(error)}


class _Columns:
    """Byte columns of the source's lines (the AST's, the positions') to characters."""

    def __init__(self, source):
        self.lines = source.splitlines(keepends=True) or [""]

    def character(self, line, byte_column):
        if line is None or byte_column is None:
            return None
        if not 1 <= line <= len(self.lines):
            return byte_column
        return len(self.lines[line - 1].encode("utf-8")[:byte_column].decode("utf-8",
                                                                               "replace"))

    def span(self, line, column, end_line, end_column):
        if line is None:
            return None
        return [line, self.character(line, column) or 0,
                end_line if end_line is not None else line,
                self.character(end_line if end_line is not None else line, end_column)
                if end_column is not None else None]


def tokens(source):
    """[{type, string, start, end}] as ``pvm.tokenize`` gives them (str source: no
    ENCODING token), positions in characters as tokenize counts them."""
    return [{"type": tokenize.tok_name[token.type], "exact": tokenize.tok_name[token.exact_type],
             "string": token.string, "start": list(token.start), "end": list(token.end)}
            for token in tokenize.generate_tokens(io.StringIO(source).readline)]


def syntax_tree(source, filename="<unknown>"):
    """The tree of ``pvm.parse(source)``: {type, fields, position, span, children}."""
    columns = _Columns(source)
    return _node(pvm.parse(source, filename), columns)


def _node(node, columns):
    result = {"type": type(node).__name__, "fields": [], "children": []}
    if "lineno" in node._attributes and hasattr(node, "lineno"):
        position = [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]
        result["position"] = position
        result["span"] = columns.span(*position)
    for name, value in ast.iter_fields(node):
        if isinstance(value, ast.AST):
            child = _node(value, columns)
            child["field"] = name
            result["children"].append(child)
        elif isinstance(value, list) and any(isinstance(item, ast.AST) for item in value):
            for index, item in enumerate(value):
                child = _node(item, columns) if isinstance(item, ast.AST) else {
                    "type": repr(item), "fields": [], "children": []}
                child["field"] = "%s[%d]" % (name, index)
                result["children"].append(child)
        else:
            result["fields"].append([name, repr(value)])
    return result


def symbol_tables(source, filename):
    """The scopes of ``pvm.symtable``: {name, type, line, symbols, children}; each
    symbol with the properties the stdlib ``symtable`` API tells."""
    return _table(symtable.symtable(source, filename, "exec"))


_SYMBOL_PROPERTIES = ("referenced", "imported", "parameter", "global", "declared_global",
                      "local", "free", "nonlocal", "assigned", "namespace")


def _table(table):
    symbols = []
    for symbol in sorted(table.get_symbols(), key=lambda symbol: symbol.get_name()):
        symbols.append({"name": symbol.get_name(),
                        "properties": [name for name in _SYMBOL_PROPERTIES
                                       if getattr(symbol, "is_" + name)()]})
    return {"name": table.get_name(), "type": str(table.get_type()),
            "line": table.get_lineno(), "symbols": symbols,
            "children": [_table(child) for child in table.get_children()]}


def code_objects(code, source):
    """Every code object of a module, depth first: its instructions as ``pvm.dis``
    lists them and its basic blocks."""
    columns = _Columns(source)
    return [_code_object(current, columns) for current in _depth_first(code)]


def _depth_first(code):
    yield code
    for constant in code.co_consts:
        if isinstance(constant, Code):
            yield from _depth_first(constant)


def _code_object(code, columns):
    instructions = []
    for instruction in get_instructions(code):
        line, end_line, column, end_column = instruction.positions
        instructions.append({
            "offset": instruction.offset, "opname": instruction.opname,
            "arg": instruction.arg, "argrepr": instruction.argrepr,
            "line": instruction.starts_line, "target": instruction.is_jump_target,
            "position": list(instruction.positions),
            "span": columns.span(line, column, end_line, end_column)})
    return {"name": code.co_name, "qualname": code.co_qualname,
            "filename": code.co_filename, "firstlineno": code.co_firstlineno,
            "instructions": instructions, "blocks": basic_blocks(code),
            "exceptiontable": [list(entry) for entry in code.co_exceptiontable],
            # Where the interpreter counts the code's heat, which makes it hot: its
            # first instruction (a frame starts) and its loops' heads (a back-edge).
            "heat_at": sorted({0} | loop_heads(code))}


def tiers(source, filename, number):
    """What the compiling tiers make of the ``number``-th code object of the source
    (in ``code_objects``' order): ``tier1``, the host source tier 1 translates it into
    once it is hot (what ``-X tier=1 -X jit-show=NAME`` prints), and ``ssa``, the SSA
    form tier 2 compiles from, as built from the bytecode, before types (what
    ``python3 -m pvm.ir FILE`` prints).  Each is {"lines": [[text, index]]}, a line
    with the index of the guest instruction it comes from (or None), or {"reason":
    ...} where the tier leaves the code alone.

    Both are made from the code object alone, as the tiers make them: nothing runs.
    Tier 2 types a function for the argument types of a call, so its typed and
    optimized forms belong to a run (``python3 -m pvm.ir FILE --function NAME --types
    ...``)."""
    try:
        code = pvm.compile(source, filename, "exec")
    except (SyntaxError, ValueError) as error:
        return {"error": error_text(error)}
    found = next((current for place, current in enumerate(_depth_first(code))
                  if place == number), None)
    if found is None:
        return {"error": "the source has no code object %d" % number}
    translation = tier1.translate(found, found.instructions())
    if translation is None:
        tier1_form = {"reason": "tier 1 leaves it to tier 0: %s"
                                % tier1.untranslated_reason(found)}
    else:
        tier1_form = {"lines": tier1.annotated_lines(translation)}
    try:
        ssa_form = {"lines": ir.build(found).format_lines()}
    except ir.Unsupported as error:
        ssa_form = {"reason": "not put in SSA form: %s" % error.reason}
    return {"qualname": found.co_qualname, "firstlineno": found.co_firstlineno,
            "tier1": tier1_form, "ssa": ssa_form}


def basic_blocks(code):
    """The code's basic blocks: [{start, end, successors, handler}] (``end`` excluded).
    A block starts at the first instruction, at a jump's target, after a jump or an
    instruction that ends a block, and where a protected range starts, ends or is
    handled; its successors are where control goes next: the fall-through, the jump's
    target; ``handler`` is where an exception raised in it goes."""
    pairs = code.instructions()
    count = len(pairs)
    starts = opcodes.block_starts(pairs, [place for start, end, target, _, _
                                          in code.co_exceptiontable
                                          for place in (start, end, target)])
    blocks = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else count
        opcode, operand = pairs[end - 1]
        successors = []
        if opcode in opcodes.HAS_JUMP:
            successors.append(operand)
        if opcode not in opcodes.ENDS_BLOCK and end < count:
            successors.append(end)
        handler = next((target for first, last, target, _, _ in code.co_exceptiontable
                        if first <= start < last), None)
        blocks.append({"start": start, "end": end, "successors": successors,
                       "handler": handler})
    return blocks


def cache_file(data):
    """A cache file's bytes, explained: its header fields, then its payload's checksum
    and the marshalled code, field by field (``pvm.cache`` says what each is)."""
    header = cache.read_header(data)
    if header is None:
        return {"error": "not a pvm cache file: the first 4 bytes are not pvm's magic "
                         "number %s" % cache.MAGIC_NUMBER.hex(" ")}
    flags = int.from_bytes(data[4:8], "little")
    fields = [{"offset": 0, "size": 4, "name": "magic number", "hex": data[0:4].hex(" "),
               "meaning": "pvm's bytecode version (changes with the opcode table); "
                          "ends in \\r\\n"},
              {"offset": 4, "size": 4, "name": "flags", "hex": data[4:8].hex(" "),
               "meaning": "%d: %s" % (flags, "hash-based, %s" % (
                   "checked against the source" if header.check_source else "unchecked")
                   if header.hash_based else "timestamp-based")}]
    if header.hash_based:
        fields.append({"offset": 8, "size": 8, "name": "source hash",
                       "hex": data[8:16].hex(" "),
                       "meaning": "PEP 552 hash of the source bytes"})
    else:
        fields.append({"offset": 8, "size": 4, "name": "source mtime",
                       "hex": data[8:12].hex(" "),
                       "meaning": "%d (seconds; the source's modification time)"
                                  % header.mtime})
        fields.append({"offset": 12, "size": 4, "name": "source size",
                       "hex": data[12:16].hex(" "),
                       "meaning": "%d bytes" % header.source_size})
    body = data[cache.HEADER_SIZE + 4:]
    stored = int.from_bytes(data[cache.HEADER_SIZE:cache.HEADER_SIZE + 4], "little")
    fields.append({"offset": cache.HEADER_SIZE, "size": 4, "name": "CRC-32",
                   "hex": data[cache.HEADER_SIZE:cache.HEADER_SIZE + 4].hex(" "),
                   "meaning": "checksum of the payload: %s" % (
                       "matches" if stored == zlib.crc32(body) else "DOES NOT MATCH")})
    fields.append({"offset": cache.HEADER_SIZE + 4, "size": len(body),
                   "name": "payload", "hex": body[:16].hex(" ") + (" ..." if len(body) > 16
                                                                  else ""),
                   "meaning": "marshal.dumps(code.to_tuple())"})
    try:
        payload = _code_tuple(marshal.loads(body))
    except (ValueError, EOFError, TypeError) as error:
        payload = {"error": "the payload does not unmarshal: %s" % error}
    return {"size": len(data), "header": fields, "payload": payload}


def _code_tuple(data):
    """The payload's tuple, each field named, nested code objects as children."""
    fields = []
    children = []
    code_indexes = set(data[7]) if len(data) == len(CODE_TUPLE_FIELDS) else set()
    for name, value in zip(CODE_TUPLE_FIELDS, data):
        if name == "consts":
            shown = []
            for index, constant in enumerate(value):
                if index in code_indexes:
                    children.append(_code_tuple(constant))
                    shown.append("<code %s>" % constant[13])
                else:
                    shown.append(describe(constant))
            text = "(%s)" % ", ".join(shown)
        elif isinstance(value, bytes):
            text = "%d bytes: %s%s" % (len(value), value[:24].hex(" "),
                                       " ..." if len(value) > 24 else "")
        else:
            text = describe(value)
        fields.append([name, text])
    return {"name": data[13] if len(data) > 13 else "?", "fields": fields,
            "children": children}
