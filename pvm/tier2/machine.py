"""LLVM modules in and out: making one for this machine, the entry that Python calls,
optimizing at LLVM's -O3 and making machine code in this process (MCJIT).

Machine code is kept on disk (``compile_module``'s ``cache_folder``: the source's
``__pycache__/pvm-tier2/``), one object file per module, named by a hash of the
module's LLVM IR as made (which says the code, the signature and every constant the
compiler folded in), llvmlite's version and this CPU: a second run loads it and
neither optimizes nor generates code.
"""

import hashlib
import os
import tempfile

import llvmlite
import llvmlite.binding as llvm
from llvmlite import ir

from pvm.tier2 import calls, words
from pvm.tier2.lower import I32, I64, WORDS, function_type

_initialized = False


def _machine():
    """A target machine for this CPU.  A new one each time: an execution engine takes
    the one it is made with, and frees it when it goes."""
    global _initialized
    if not _initialized:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        _initialized = True
    target = llvm.Target.from_default_triple()
    return target.create_target_machine(cpu=llvm.get_host_cpu_name(),
                                        features=llvm.get_host_cpu_features().flatten(),
                                        opt=3)


def new_module():
    machine = _machine()
    module = ir.Module(name="pvm")
    module.triple = machine.triple
    module.data_layout = str(machine.target_data)
    return module


def declare(module, code, argument_types, number):
    name = "pvm.%d.%s" % (number, code.co_qualname)
    function = ir.Function(module, function_type(argument_types), name)
    function.linkage = "internal"
    return function


def add_entry(module, function, argument_types, return_type):
    """``NAME.entry(state, depth, arguments, result)``: the function with its arguments
    as words (pvm.tier2.words), the one shape Python calls."""
    name = function.name + ".entry"
    entry = ir.Function(module, ir.FunctionType(I32, [WORDS, I64, WORDS, WORDS]), name)
    state, depth, arguments, result = entry.args
    builder = ir.IRBuilder(entry.append_basic_block("entry"))
    parameters = [state, depth]
    position = 0
    for argument_type in argument_types:
        value, position = calls.read_words(builder, arguments, argument_type, position)
        parameters.extend(calls.flatten(value, argument_type))
    parameters.append(result)
    returned = builder.call(function, parameters)
    if words.count(return_type) == 1:
        builder.store(builder.extract_value(returned, 1), result)
    builder.ret(builder.extract_value(returned, 0))
    return name


def compile_module(module, names, keep_listing, cache_folder=None, write_cache=True):
    """(engine, {name: address}, listing, whether it came from the cache): the module
    optimized and made machine code; the engine must live as long as the code is
    called."""
    machine = _machine()
    text = str(module)
    cache_path = None
    cached = None
    if cache_folder is not None:
        cache_path = os.path.join(cache_folder, _cache_key(text, machine) + ".o")
        cached = _read(cache_path)
    parsed = llvm.parse_assembly(text)
    parsed.verify()
    if cached is None or keep_listing:
        options = llvm.create_pipeline_tuning_options(speed_level=3)
        builder = llvm.create_pass_builder(machine, options)
        builder.getModulePassManager().run(parsed, builder)
    engine = llvm.create_mcjit_compiler(parsed, machine)
    if keep_listing:
        machine = _machine()    # the engine has the first
    made = []
    engine.set_object_cache(notify_func=lambda _, data: made.append(data),
                            getbuffer_func=lambda _: cached)
    engine.finalize_object()
    if cached is None and made and cache_path is not None and write_cache:
        _write(cache_path, made[0])
    addresses = {name: engine.get_function_address(name) for name in names}
    listing = {}
    if keep_listing:
        listing["llvm"] = str(parsed)
        listing["assembly"] = machine.emit_assembly(parsed)
    return engine, addresses, listing, cached is not None


def _cache_key(text, machine):
    key = hashlib.sha256()
    for part in (text, llvmlite.__version__, llvm.get_host_cpu_name(),
                 llvm.get_host_cpu_features().flatten(), machine.triple):
        key.update(part.encode())
        key.update(b"\0")
    return key.hexdigest()[:40]


def _read(path):
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None


def _write(path, data):
    """Write the object file whole or not at all (another process may read it)."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass        # an unwritable folder: the code is simply made again next time
