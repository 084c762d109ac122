"""Recording a program's run for the stage explorer: every instruction of the
program's own code, with the state a person stepping through it looks at.

    python3 -m pvm.explore.record --output FILE [--budget N] [--heap-steps N]
                                  [--everything] PROGRAM

runs PROGRAM as ``pvm PROGRAM`` runs it (``pvm.world.run``), its standard input
being this process's (the page's input text), with a ``Recorder`` watching it
(``pvm.world.recording``: the watcher ``-X trace`` prints with), and writes a
``Recording`` to FILE with pickle.  The explorer's server starts it as a child
process: a program that loops, exits the process, or changes the host's state
(signal handlers, the recursion limit, the streams) does so in its own process,
which a timeout can end.

A step is one instruction about to run.  Each step keeps a few ints (which frame,
which instruction, its stack, its variables, its caller's last step, its heap); the
stacks, variable lists, heap pictures and value texts they name are kept once each
(interned), since most steps share them with steps before: a million steps take
some tens of megabytes.  Values are texts made without running guest code
(``recording.describe``) and, for objects that have parts, the number of the object,
which the heap picture and every other mention of it share.  Objects are numbered by
``id``: the number is the identity the program sees, reused as CPython reuses an
address once an object dies.  The heap picture (the objects reachable from the frames'
variables and stacks, a bounded number of them) costs a walk per step, so it is
kept for the first ``heap_steps`` steps only.
"""

import argparse
import array
import io
import os
import pickle
import sys
import weakref

from pvm import cache
from pvm.dis import describe_operand, get_instructions
from pvm.world import Options, run
from pvm.world.recording import Watcher, describe, frame_variables, is_scalar

DEFAULT_BUDGET = 200_000
DEFAULT_HEAP_STEPS = 20_000
# How much of the heap one step's picture shows.
MOST_NODES = 40
MOST_FIELDS = 24

_type_name = type.__dict__["__name__"].__get__
_type_mro = type.__dict__["__mro__"].__get__
_type_dict = type.__dict__["__dict__"].__get__


class Recording:
    """What a run did, step by step, as plain data (pickled between processes)."""

    def __init__(self):
        self.frame_of_step = array.array("i")     # frame serial
        self.index_of_step = array.array("i")     # instruction index in the frame's code
        self.stack_of_step = array.array("i")     # into stacks
        self.locals_of_step = array.array("i")    # into variable_lists
        self.caller_of_step = array.array("i")    # the caller frame's last step, or -1
        self.heap_of_step = array.array("i")      # into heaps, or -1: not kept
        self.line_starts = bytearray()            # 1 where a step starts a line (settrace's)
        self.values = []            # (text, object number or 0)
        self.stacks = []            # tuples of value ids, bottom first
        self.variable_lists = []    # tuples of (name, value id)
        self.heaps = []             # tuples of node ids
        self.nodes = []             # (object number, type name, ((label, value id), ...))
        self.frames = []            # by serial: (code id, parent serial or -1)
        self.codes = []             # by code id: dict (see Recorder._code_id)
        self.outputs = []           # (step, "stdout" or "stderr", text)
        self.modules = []           # dicts: name, file, cached, origin
        self.status = None          # the exit status, None if the budget stopped it
        self.budget = 0
        self.heap_steps = 0

    @property
    def steps(self):
        return len(self.frame_of_step)

    @classmethod
    def load(cls, path):
        """The Recording a recording process wrote to ``path``."""
        recording = cls()
        with open(path, "rb") as file:
            vars(recording).update(pickle.load(file))
        return recording


class _FrameState:
    __slots__ = ("serial", "code_id", "caller_step", "last_step", "last_index", "last_line")


class _OutputStream(io.RawIOBase):
    """A standard stream that notes what is written at which step."""

    def __init__(self, recording, name):
        super().__init__()
        self.recording = recording
        self.name = name

    def writable(self):
        return True

    def write(self, data):
        text = bytes(data).decode("utf-8", "replace")
        self.recording.outputs.append((self.recording.steps, self.name, text))
        return len(data)


class Recorder(Watcher):
    """The watcher that fills a ``Recording``, stopping the program (and this process)
    once ``budget`` steps are recorded."""

    def __init__(self, budget=DEFAULT_BUDGET, heap_steps=DEFAULT_HEAP_STEPS, everything=False,
                 on_budget=None):
        super().__init__(everything)
        self.recording = recording = Recording()
        recording.budget = budget
        recording.heap_steps = heap_steps
        self.on_budget = on_budget
        self._value_ids = {}
        self._stack_ids = {}
        self._variables_ids = {}
        self._heap_ids = {}
        self._node_ids = {}
        self._object_numbers = {}
        self._code_ids = {}
        self._lines = []            # by code id: the line of each instruction
        self._states = weakref.WeakKeyDictionary()
        # The frame of the last step (weakly: a frame kept alive would keep its
        # variables from finalizing when the program lets them go), and its state.
        self._frame = _no_frame
        self._state = None
        self.modules_before = set()
        # What the steps saw of the modules loaded (the world's shutdown empties its
        # table and their namespaces): {name: (file, cache file, the host's module?)}.
        self.modules_seen = {}

    def install(self, interpreter):
        # (A recorder of everything starts with the world, before it has modules.)
        self.modules_before = set(getattr(interpreter, "modules", None) or ())
        super().install(interpreter)

    # -- code objects -------------------------------------------------------------

    def _code_id(self, code):
        # Code objects are identified by what names them in a listing (a code object
        # of the program's is compiled once, or loaded once from the cache).
        key = (code.co_filename, code.co_qualname, code.co_firstlineno, code.co_name)
        code_id = self._code_ids.get(key)
        if code_id is None:
            code_id = self._code_ids[key] = len(self.recording.codes)
            instructions = [(instruction.opname,
                             describe_operand(code, instruction.opcode, instruction.arg),
                             instruction.positions)
                            for instruction in get_instructions(code)]
            self.recording.codes.append({
                "filename": code.co_filename, "name": code.co_name,
                "qualname": code.co_qualname, "firstlineno": code.co_firstlineno,
                "instructions": instructions})
            self._lines.append([position[0] for _, _, position in instructions])
        return code_id

    def watched(self, handler, code, index, opcode, operand):
        code_id = self._code_id(code)
        record = self._record

        def recording(frame, stack, fast):
            record(frame, stack, fast, code_id, index)
            return handler(frame, stack, fast)
        return recording

    # -- a step -------------------------------------------------------------------

    def _record(self, frame, stack, fast, code_id, index):
        recording = self.recording
        step = len(recording.frame_of_step)
        if step >= recording.budget:
            self.on_budget()
        modules = frame.interpreter.modules
        if len(modules) != len(self.modules_seen):
            self._see_modules(modules)
        if self._frame() is frame:
            state = self._state
        else:
            state = self._states.get(frame)
            if state is None:
                state = self._new_state(frame, code_id)
            self._frame = weakref.ref(frame)
            self._state = state
        line = self._lines[code_id][index]
        starts_line = (state.last_index < 0 or line != state.last_line
                       or index < state.last_index)
        state.last_step = step
        state.last_index = index
        state.last_line = line
        value_id = self._value_id
        recording.frame_of_step.append(state.serial)
        recording.index_of_step.append(index)
        recording.stack_of_step.append(
            self._intern(self._stack_ids, recording.stacks, tuple(map(value_id, stack))))
        recording.locals_of_step.append(self._intern(
            self._variables_ids, recording.variable_lists,
            tuple([(name, value_id(value)) for name, value in frame_variables(frame, fast)])))
        recording.caller_of_step.append(state.caller_step)
        recording.line_starts.append(starts_line)
        recording.heap_of_step.append(self._heap(frame, stack, fast)
                                      if step < recording.heap_steps else -1)

    def _see_modules(self, modules):
        seen = self.modules_seen
        for name, module in list(modules.items()):
            if name in seen:
                continue
            namespace = getattr(module, "__dict__", None)
            if type(namespace) is not dict:
                seen[name] = (None, None, False)
                continue
            filename = namespace.get("__file__")
            cached = namespace.get("__cached__")
            seen[name] = (filename if isinstance(filename, str) else None,
                          cached if isinstance(cached, str) else None,
                          module is sys.modules.get(name))

    def _new_state(self, frame, code_id):
        state = _FrameState()
        state.serial = len(self.recording.frames)
        state.code_id = code_id
        state.last_index = -1
        state.last_line = None
        # The caller: the nearest frame below that was recorded (library frames
        # between, as sorted() calling a key function, are not).
        state.caller_step = -1
        parent = -1
        caller = frame.f_back
        while caller is not None:
            caller_state = self._states.get(caller)
            if caller_state is not None:
                state.caller_step = caller_state.last_step
                parent = caller_state.serial
                break
            caller = caller.f_back
        self.recording.frames.append((code_id, parent))
        self._states[frame] = state
        return state

    @staticmethod
    def _intern(ids, table, key):
        found = ids.get(key)
        if found is None:
            found = ids[key] = len(table)
            table.append(key)
        return found

    def _value_id(self, value):
        if is_scalar(value):
            key = (describe(value), 0)
        else:
            key = (describe(value), self._number(value))
        return self._intern(self._value_ids, self.recording.values, key)

    def _number(self, value):
        identity = id(value)
        number = self._object_numbers.get(identity)
        if number is None:
            number = self._object_numbers[identity] = len(self._object_numbers) + 1
        return number

    # -- the heap -----------------------------------------------------------------

    def _heap(self, frame, stack, fast):
        """The heap picture of a step: the objects reachable from the recorded frames'
        variables and stacks, nearest first, at most MOST_NODES."""
        roots = list(stack) + [value for _, value in frame_variables(frame, fast)]
        caller = frame.f_back
        while caller is not None:
            if caller in self._states:
                roots.extend(caller.stack or ())
                roots.extend(value for _, value in frame_variables(caller, caller.fast))
            caller = caller.f_back
        seen = set()
        queue = [value for value in roots if not is_scalar(value)]
        nodes = []
        position = 0
        while position < len(queue) and len(nodes) < MOST_NODES:
            value = queue[position]
            position += 1
            if id(value) in seen:
                continue
            seen.add(id(value))
            fields = _fields(value)
            queue.extend(item for _, item in fields if not is_scalar(item))
            node = (self._number(value), _type_name(type(value)),
                    tuple((label, self._value_id(item)) for label, item in fields))
            nodes.append(self._intern(self._node_ids, self.recording.nodes, node))
        return self._intern(self._heap_ids, self.recording.heaps, tuple(nodes))


def _no_frame():
    return None


def _fields(value):
    """[(label, value)] of the parts of ``value`` that the heap picture draws, read
    without running guest code: items of the host's containers, attributes in an
    instance's ``__dict__`` (through the C descriptor, which no class replaces)."""
    kind = type(value)
    if kind is list or kind is tuple:
        return [(str(index), item) for index, item in enumerate(value[:MOST_FIELDS])]
    if kind is dict:
        return [(describe(key), item) for key, item in list(value.items())[:MOST_FIELDS]]
    if kind is set or kind is frozenset:
        return [("", item) for item, _ in zip(value, range(MOST_FIELDS))]
    namespace = _instance_dict(value)
    if type(namespace) is dict:
        return [(str(key), item) for key, item in list(namespace.items())[:MOST_FIELDS]]
    return []


def _instance_dict(value):
    for klass in _type_mro(type(value)):
        descriptor = _type_dict(klass).get("__dict__")
        if descriptor is not None:
            if type(descriptor).__name__ == "getset_descriptor":
                try:
                    return descriptor.__get__(value)
                except (AttributeError, TypeError):
                    return None
            return None
    return None


def _note_cache_loads(loaded):
    """Make ``pvm.cache.code_from_payload`` (how the importer reads a cache file) note
    the source of each module it loads, so the explorer can tell which modules came
    from the cache and which were compiled."""
    read = cache.code_from_payload

    def code_from_payload(payload, filename=None):
        code = read(payload, filename)
        if code is not None and filename is not None:
            loaded.add(filename)
        return code
    cache.code_from_payload = code_from_payload


def _modules(recorder, loaded_from_cache):
    """The modules loaded by the end of the run (by start-up, or by the program):
    each one's name, file, cache file and origin."""
    modules = []
    for name, (filename, cached, hosts) in sorted(recorder.modules_seen.items()):
        if filename is None:
            origin = "built in"
        elif not filename.endswith(".py"):
            origin = "extension (the host's)"
        elif filename in loaded_from_cache:
            origin = "cache"
        elif hosts or (cached is not None and cache.CACHE_TAG not in cached):
            # (Shared with the host, or a copy of the host's: -X host-modules, and the
            # modules pvm takes from the host, docs/architecture.md.)
            origin = "the host's module"
        else:
            origin = "source (compiled)"
        modules.append({"name": name, "file": filename, "cached": cached, "origin": origin,
                        "by_program": name not in recorder.modules_before})
    return modules


def record(program, output, budget=DEFAULT_BUDGET, heap_steps=DEFAULT_HEAP_STEPS,
           everything=False):
    """Run ``program`` under a Recorder and write the Recording to ``output``; this
    process's standard streams are the program's, noted step by step."""
    loaded_from_cache = set()
    _note_cache_loads(loaded_from_cache)

    def write():
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        recording = recorder.recording
        recording.modules = _modules(recorder, loaded_from_cache)
        with open(output, "wb") as file:
            # Its fields, not the object: run with -m, this module is __main__, whose
            # classes the reader could not find by name.
            pickle.dump(vars(recording), file, protocol=pickle.HIGHEST_PROTOCOL)

    def stop_at_budget():
        write()
        os._exit(0)

    recorder = Recorder(budget, heap_steps, everything, stop_at_budget)
    # As on a pipe, where CPython writes UTF-8 (the page shows text), strictly on
    # stdout and with backslashes for what cannot be encoded on stderr.
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(
        _OutputStream(recorder.recording, "stdout"), encoding="utf-8", write_through=True)
    sys.stderr = sys.__stderr__ = io.TextIOWrapper(
        _OutputStream(recorder.recording, "stderr"), encoding="utf-8",
        errors="backslashreplace", write_through=True)
    options = Options()
    options.script = program
    options.read_environment(os.environ)
    recorder.recording.status = run(options, recorder)
    write()


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m pvm.explore.record",
        description="Run a program on pvm and record each instruction of its own code "
                    "for the stage explorer.")
    parser.add_argument("program")
    parser.add_argument("--output", required=True, help="where the recording is written")
    parser.add_argument("--budget", type=int, default=DEFAULT_BUDGET,
                        help="stop after so many steps (default %(default)s)")
    parser.add_argument("--heap-steps", type=int, default=DEFAULT_HEAP_STEPS,
                        help="keep the heap picture of so many first steps "
                             "(default %(default)s)")
    parser.add_argument("--everything", action="store_true",
                        help="record all code, start-up and the standard library included")
    arguments = parser.parse_args(argv)
    record(arguments.program, arguments.output, arguments.budget, arguments.heap_steps,
           arguments.everything)
    # The program's world is shut down; the rest of the host's teardown would only
    # free objects (as pvm's own command ends, pvm/__main__.py).
    os._exit(0)


if __name__ == "__main__":
    main()
