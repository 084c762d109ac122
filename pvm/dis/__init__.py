"""Disassembler of pvm code objects, in the format of the stdlib ``dis``.

``get_instructions`` yields ``Instruction`` records (the stdlib's record type,
filled from pvm's opcodes); ``dis``, ``Bytecode``, ``code_info`` and
``show_code`` mirror the stdlib functions of the same names, for pvm's code
objects and what holds one (``__code__``).  Offsets are instruction indexes.

The disassembler is part of the bytecode contract, which knows nothing of the
compiler above it, so unlike the stdlib's it takes no source text; the command
that compiles a file and disassembles it is ``python -m pvm.dis [FILE]``
(``pvm/dis/__main__.py``).
"""

import collections
import sys

from pvm import opcodes
from pvm.code import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, \
    CO_NOFREE, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, CO_ITERABLE_COROUTINE, Code

__all__ = ["dis", "disassemble", "get_instructions", "Instruction", "Bytecode", "code_info",
           "show_code", "describe_operand"]

Instruction = collections.namedtuple(
    "Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line",
     "is_jump_target", "positions"])

_FLAG_NAMES = ((CO_OPTIMIZED, "OPTIMIZED"), (CO_NEWLOCALS, "NEWLOCALS"),
               (CO_VARARGS, "VARARGS"), (CO_VARKEYWORDS, "VARKEYWORDS"), (CO_NESTED, "NESTED"),
               (CO_GENERATOR, "GENERATOR"), (CO_NOFREE, "NOFREE"), (CO_COROUTINE, "COROUTINE"),
               (CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
               (CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"))


def _operand_value(code, opcode, operand):
    """(argval, argrepr) of an instruction, as the stdlib dis shows them."""
    kind = opcodes.OPCODES[opcode].operand
    if kind == opcodes.CONST:
        value = code.co_consts[operand]
        return value, repr(value)
    if kind == opcodes.NAME:
        name = code.co_names[operand]
        return name, name
    if kind == opcodes.LOCAL:
        name = code.co_varnames[operand]
        return name, name
    if kind == opcodes.CELL:
        name = (code.co_cellvars + code.co_freevars)[operand]
        return name, name
    if kind == opcodes.TARGET:
        return operand, "to %d" % operand
    if kind == opcodes.BINARY:
        symbol = opcodes.BINARY_OPERATOR_SYMBOLS[operand]
        return operand, symbol
    if kind == opcodes.COMPARE:
        symbol = opcodes.COMPARE_OPERATORS[operand]
        return symbol, symbol
    if opcode == opcodes.FORMAT_VALUE:
        conversion = opcodes.FORMAT_CONVERSIONS[operand & 3]
        parts = []
        if conversion:
            parts.append(conversion)
        if operand & opcodes.FORMAT_HAS_SPEC:
            parts.append("with format")
        return operand, ", ".join(parts)
    if kind == opcodes.NO_OPERAND:
        return None, ""
    return operand, ""


def describe_operand(code, opcode, operand):
    """The operand of an instruction as a person reads it (used by the VM's trace mode)."""
    argval, argrepr = _operand_value(code, opcode, operand)
    if opcodes.OPCODES[opcode].operand == opcodes.NO_OPERAND:
        return ""
    return "%d (%s)" % (operand, argrepr) if argrepr else str(operand)


def get_instructions(code, first_line=None):
    """Yield an ``Instruction`` per instruction of ``code`` (a pvm Code, or a function)."""
    code = _get_code(code)
    pairs = code.instructions()
    targets = {operand for opcode, operand in pairs if opcode in opcodes.HAS_JUMP}
    targets.update(entry[2] for entry in code.co_exceptiontable)
    line_offset = 0 if first_line is None else first_line - code.co_firstlineno
    previous_line = None
    for index, (opcode, operand) in enumerate(pairs):
        position = code.co_positions_table[index]
        line = position[0]
        starts_line = None
        if line is not None and line != previous_line:
            starts_line = line + line_offset
            previous_line = line
        argval, argrepr = _operand_value(code, opcode, operand)
        has_operand = opcodes.OPCODES[opcode].operand != opcodes.NO_OPERAND
        yield Instruction(opcodes.OPCODES[opcode].name, opcode,
                          operand if has_operand else None, argval, argrepr, index,
                          starts_line, index in targets, position)


def _get_code(value):
    if isinstance(value, Code):
        return value
    code = getattr(value, "__code__", None)
    if isinstance(code, Code):
        return code
    raise TypeError("don't know how to disassemble %s objects" % type(value).__name__)


def _format_instruction(instruction, mark_current=False):
    fields = []
    if instruction.starts_line is not None:
        fields.append("%3d" % instruction.starts_line)
    else:
        fields.append("   ")
    fields.append("-->" if mark_current else "   ")
    fields.append(">>" if instruction.is_jump_target else "  ")
    fields.append(repr(instruction.offset).rjust(4))
    fields.append(instruction.opname.ljust(20))
    if instruction.arg is not None:
        fields.append(repr(instruction.arg).rjust(5))
        if instruction.argrepr:
            fields.append("(" + instruction.argrepr + ")")
    return " ".join(fields).rstrip()


def disassemble(code, file=None):
    file = sys.stdout if file is None else file
    code = _get_code(code)
    first = True
    for instruction in get_instructions(code):
        if instruction.starts_line is not None and not first:
            print(file=file)
        first = False
        print(_format_instruction(instruction), file=file)
    if code.co_exceptiontable:
        print("ExceptionTable:", file=file)
        for start, end, target, depth, push_index in code.co_exceptiontable:
            print("  %d to %d -> %d [%d]%s" % (start, end - 1, target, depth,
                                              " lasti" if push_index else ""), file=file)


def dis(value=None, *, file=None, depth=None):
    """Disassemble a code object, a function, or source text, and the code nested in it."""
    file = sys.stdout if file is None else file
    code = _get_code(value)
    _disassemble_recursive(code, file, depth)


def _disassemble_recursive(code, file, depth):
    disassemble(code, file)
    if depth is None or depth > 0:
        if depth is not None:
            depth -= 1
        for constant in code.co_consts:
            if isinstance(constant, Code):
                print(file=file)
                print("Disassembly of %r:" % constant, file=file)
                _disassemble_recursive(constant, file, depth)


def _format_flags(flags):
    names = [name for bit, name in _FLAG_NAMES if flags & bit]
    return ", ".join(names) or "0x0"


def code_info(value):
    code = _get_code(value)
    lines = [
        "Name:              %s" % code.co_name,
        "Filename:          %s" % code.co_filename,
        "Argument count:    %s" % code.co_argcount,
        "Positional-only arguments: %s" % code.co_posonlyargcount,
        "Kw-only arguments: %s" % code.co_kwonlyargcount,
        "Number of locals:  %s" % code.co_nlocals,
        "Stack size:        %s" % code.co_stacksize,
        "Flags:             %s" % _format_flags(code.co_flags),
    ]
    for title, items in (("Constants", [repr(item) for item in code.co_consts]),
                         ("Names", code.co_names), ("Variable names", code.co_varnames),
                         ("Free variables", code.co_freevars),
                         ("Cell variables", code.co_cellvars)):
        if items:
            lines.append("%s:" % title)
            lines.extend("%4d: %s" % (index, item) for index, item in enumerate(items))
    return "\n".join(lines)


def show_code(value, *, file=None):
    print(code_info(value), file=sys.stdout if file is None else file)


class Bytecode:
    """The instructions of a code object, iterable, with ``dis()`` and ``info()``."""

    def __init__(self, value, *, first_line=None):
        self.codeobj = _get_code(value)
        self.first_line = first_line

    def __iter__(self):
        return get_instructions(self.codeobj, self.first_line)

    def __repr__(self):
        return "Bytecode(%r)" % (self.codeobj,)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        import io
        output = io.StringIO()
        disassemble(self.codeobj, output)
        return output.getvalue()

