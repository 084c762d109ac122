"""The explorer's web server: the page's files, and a JSON interface over one
exploration (a source, its stages, its recorded run).

The server is the standard library's threaded ``http.server``, bound to 127.0.0.1.
Exploring a source computes its stages here (``stages.py``) and records its run in
a child process (``record.py``): the program runs as ``pvm FILE`` runs it, in its
own process, whose standard input is the input text from the page, and which is
ended if it outlives the timeout.  Then each step the page shows is one request,
answered from the recording's arrays (``/api/step?n=``), so stepping costs the same
at step 10 and at step 1,000,000; moving by line or to a breakpoint is a search in
indexes made once per recording.  What the compiling tiers make of a code object
(``/api/tiers?code=``) is another stage, made from the code alone when the page asks
for it (a translation takes milliseconds an instruction); how hot each code object got
in the run (``/api/heat``) is counted from the recording, as the interpreter counts it.

Every answer is JSON.  A program that does not compile, raises, exits, loops past its
budget or its time shows as what it did; a request the server cannot make sense of
gets a 400 with its reason; a failure of the server's own is reported as such, as
JSON, never as a traceback in the page.
"""

import bisect
import http.server
import json
import mimetypes
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse

from pvm.engine.interpreter import DEFAULT_JOIN_THRESHOLD
from pvm.explore import record, stages

STATIC_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_TIMEOUT = 120.0
# The output the page gets with a step: its end, which is what a person reads.
LONGEST_OUTPUT = 20_000
# How many of a frame's callers a step shows, innermost first (deep recursion).
MOST_FRAMES = 60
# How many of the steps that ran one instruction the page is told of.
MOST_STEPS_LISTED = 200

EXAMPLE = '''\
def fibonacci(count):
    """The first ``count`` Fibonacci numbers."""
    numbers = [0, 1]
    while len(numbers) < count:
        numbers.append(numbers[-1] + numbers[-2])
    return numbers[:count]


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"Hello, {self.name}!"


print(Greeter("world").greet())
print(fibonacci(8))
'''


class RequestError(Exception):
    """A request the server cannot answer: the page gets a 400 with this message."""


class Exploration:
    """One source explored: its stages and its recorded run, with the indexes that
    make moving through the run fast."""

    # One translation at a time, whichever exploration asks: tier 1 is written for the
    # one thread that runs guest code (its caches, the collector it turns off while it
    # compiles), and the server answers each request in a thread of its own.
    translating = threading.Lock()

    def __init__(self, source, path, recording, stage_data, ended):
        self.source = source
        self.path = path
        self.recording = recording
        self.stages = stage_data
        self.ended = ended          # "end", "budget", "timeout", or what went wrong
        self.run_path = path
        self.tier_forms = {}        # code object number -> stages.tiers' answer
        self.heats = None
        self.lock = threading.Lock()
        if recording is None:
            return
        self.line_of_code = [[position[0] for _, _, position in code["instructions"]]
                             for code in recording.codes]
        self.code_of_frame = [code_id for code_id, _ in recording.frames]
        self.line_steps = [step for step, starts in enumerate(recording.line_starts)
                           if starts]
        # (file, line) -> the steps that start that line, for breakpoints.
        self.steps_of_line = {}
        frames, codes = recording.frame_of_step, recording.codes
        for step in self.line_steps:
            code_id = self.code_of_frame[frames[step]]
            key = (codes[code_id]["filename"], self.line_of(step))
            self.steps_of_line.setdefault(key, []).append(step)
        self.output_steps = [entry[0] for entry in recording.outputs]

    def line_of(self, step):
        recording = self.recording
        code_id = self.code_of_frame[recording.frame_of_step[step]]
        return self.line_of_code[code_id][recording.index_of_step[step]]

    # -- answers --------------------------------------------------------------------

    def summary(self):
        recording = self.recording
        answer = {"path": self.path, "source": self.source, "stages": self.stages,
                  "ended": self.ended, "run_path": self.run_path}
        if recording is None:
            return answer
        answer.update({
            "steps": recording.steps, "status": _status(recording.status),
            "budget": recording.budget, "heap_steps": recording.heap_steps,
            "codes": recording.codes, "modules": recording.modules,
            "output": self.output_until(recording.steps)})
        return answer

    def output_until(self, step):
        """The output written before the instruction of ``step`` ran (all of it for
        the step after the last), its last LONGEST_OUTPUT characters."""
        count = bisect.bisect_right(self.output_steps, step)
        pieces = []
        size = 0
        for _, stream, text in reversed(self.recording.outputs[:count]):
            pieces.append((stream, text))
            size += len(text)
            if size >= LONGEST_OUTPUT:
                break
        merged = []
        for stream, text in reversed(pieces):
            if merged and merged[-1][0] == stream:
                merged[-1][1] += text
            else:
                merged.append([stream, text])
        return {"parts": merged, "cut": count > len(pieces)}

    def step(self, step):
        """The state before the instruction of ``step`` runs: the frames, innermost
        first, each with its variables and stack (a caller as it was at its last
        step, the call), the heap picture, the output so far (at the last step, all
        of it)."""
        recording = self.recording
        if not 0 <= step < recording.steps:
            raise RequestError("no step %d: the recording has steps 0 to %d"
                               % (step, recording.steps - 1))
        frames = []
        current = step
        while current >= 0 and len(frames) < MOST_FRAMES:
            frames.append(self._frame_at(current))
            current = recording.caller_of_step[current]
        heap_id = recording.heap_of_step[step]
        heap = None
        if heap_id >= 0:
            heap = [{"number": number, "type": type_name,
                     "fields": [[label, *recording.values[value]]
                                for label, value in fields]}
                    for number, type_name, fields in
                    (recording.nodes[node] for node in recording.heaps[heap_id])]
        # The last step shows what the run printed after it, too: the end of the
        # program (an uncaught exception's traceback, what shutdown prints).
        last = step == recording.steps - 1
        return {"step": step, "line_start": bool(recording.line_starts[step]),
                "frames": frames, "more_frames": current >= 0, "heap": heap,
                "output": self.output_until(recording.steps if last else step),
                "last": last}

    def _frame_at(self, step):
        recording = self.recording
        serial = recording.frame_of_step[step]
        code_id = self.code_of_frame[serial]
        index = recording.index_of_step[step]
        return {"step": step, "frame": serial, "code": code_id, "index": index,
                "line": self.line_of_code[code_id][index],
                "variables": [[name, *recording.values[value]] for name, value in
                              recording.variable_lists[recording.locals_of_step[step]]],
                "stack": [list(recording.values[value])
                          for value in recording.stacks[recording.stack_of_step[step]]]}

    def find(self, start, how, lines=()):
        """The step to go to from ``start``: the next or previous step that starts a
        line (``line``, ``back-line``), or the next that starts one of ``lines`` of
        the main file (``breakpoint``); None if there is none."""
        if how == "line":
            position = bisect.bisect_right(self.line_steps, start)
            return self.line_steps[position] if position < len(self.line_steps) else None
        if how == "back-line":
            position = bisect.bisect_left(self.line_steps, start)
            return self.line_steps[position - 1] if position > 0 else None
        if how == "breakpoint":
            found = None
            for line in lines:
                steps = self.steps_of_line.get((self.run_path, line), [])
                position = bisect.bisect_right(steps, start)
                if position < len(steps) and (found is None or steps[position] < found):
                    found = steps[position]
            return found
        raise RequestError("unknown move %r" % how)

    def tiers(self, number):
        """``stages.tiers`` of the code object ``number`` of the bytecode stage, made
        once."""
        codes = self.stages["bytecode"]
        if "error" in codes:
            return codes
        if not 0 <= number < len(codes):
            raise RequestError("no code object %d: the source has %d" % (number, len(codes)))
        with self.translating:
            found = self.tier_forms.get(number)
            if found is None:
                found = self.tier_forms[number] = stages.tiers(self.source, self.path, number)
        return found

    def heat(self):
        """How hot each code object of the bytecode stage got in the run: the number
        of steps at the instructions where the interpreter counts heat (its frame
        starts and loops' back-edges), None for one that never ran; and the count at
        which tier 1 (``-X tier=1``) translates a function."""
        with self.lock:
            if self.heats is None:
                self.heats = self._count_heat()
        return {"heat": self.heats, "threshold": DEFAULT_JOIN_THRESHOLD}

    def _count_heat(self):
        codes = self.stages["bytecode"]
        if "error" in codes or self.recording is None:
            return []
        number_of = {(code["qualname"], code["firstlineno"]): number
                     for number, code in enumerate(codes)}
        heats = [None] * len(codes)
        counted = {}          # recorded code id -> (stage number, the indices counted)
        for code_id, code in enumerate(self.recording.codes):
            number = number_of.get((code["qualname"], code["firstlineno"]))
            if code["filename"] == self.run_path and number is not None:
                counted[code_id] = (number, frozenset(codes[number]["heat_at"]))
                heats[number] = 0
        code_of_frame = self.code_of_frame
        for serial, index in zip(self.recording.frame_of_step, self.recording.index_of_step):
            entry = counted.get(code_of_frame[serial])
            if entry is not None and index in entry[1]:
                heats[entry[0]] += 1
        return heats

    def steps_of_instruction(self, code_id, index):
        """The steps that ran the instruction at ``index`` of recorded code ``code_id``
        (at most MOST_STEPS_LISTED of them) and how many there are."""
        recording = self.recording
        frames = {serial for serial, code in enumerate(self.code_of_frame)
                  if code == code_id}
        found = []
        count = 0
        for step, (serial, at) in enumerate(zip(recording.frame_of_step,
                                                recording.index_of_step)):
            if at == index and serial in frames:
                count += 1
                if len(found) < MOST_STEPS_LISTED:
                    found.append(step)
        return {"steps": found, "count": count}


def _status(status):
    return status if isinstance(status, int) or status is None else repr(status)


def explore(source, path, input_text="", budget=record.DEFAULT_BUDGET,
            heap_steps=record.DEFAULT_HEAP_STEPS, everything=False, timeout=DEFAULT_TIMEOUT):
    """Explore ``source``: its stages, and its run recorded from the file ``path``
    (written with ``source`` first if it differs, in a temporary folder, with the
    file's own folder on the program's path for its imports)."""
    filename = os.path.abspath(path)
    stage_data = stages.all_stages(source, filename)
    with tempfile.TemporaryDirectory(prefix="pvm-explore-") as folder:
        run_path = filename
        extra_path = None
        try:
            with open(filename, encoding="utf-8", newline="") as file:
                unchanged = file.read() == source
        except (OSError, UnicodeDecodeError):
            unchanged = False
        if not unchanged:
            run_path = os.path.join(folder, os.path.basename(filename))
            with open(run_path, "w", encoding="utf-8", newline="") as file:
                file.write(source)
            extra_path = os.path.dirname(filename)
        output = os.path.join(folder, "recording.pickle")
        recording, ended = _record(run_path, output, input_text, budget, heap_steps,
                                   everything, timeout, extra_path)
    exploration = Exploration(source, filename, recording, stage_data, ended)
    # The file that ran (the temporary copy of an edited source): its code objects
    # are the ones whose lines breakpoints name.
    exploration.run_path = run_path
    return exploration


def _record(run_path, output, input_text, budget, heap_steps, everything, timeout,
            extra_path):
    start = ("import sys; sys.path.insert(0, %r); from pvm.explore.record import main; "
             "main()" % PACKAGE_ROOT)
    command = [sys.executable, "-c", start, "--output", output, "--budget", str(budget),
               "--heap-steps", str(heap_steps)]
    if everything:
        command.append("--everything")
    command.append(run_path)
    environment = dict(os.environ)
    if extra_path is not None:
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [extra_path, environment.get("PYTHONPATH")]))
    try:
        process = subprocess.run(command, input=input_text.encode("utf-8"),
                                 capture_output=True, timeout=timeout,
                                 cwd=os.path.dirname(run_path), env=environment)
    except subprocess.TimeoutExpired:
        return None, "timeout: the program ran more than %g seconds" % timeout
    try:
        recording = record.Recording.load(output)
    except (OSError, EOFError, ValueError):
        details = process.stderr.decode("utf-8", "replace").strip()
        return None, "the recording process ended without a recording (status %d)%s" % (
            process.returncode, ":\n" + details if details else "")
    return recording, "budget" if recording.status is None else "end"


class Server(http.server.ThreadingHTTPServer):
    """The explorer's HTTP server, holding the exploration the page works on."""

    daemon_threads = True

    def __init__(self, port, path, source, input_text, budget, heap_steps, timeout):
        super().__init__(("127.0.0.1", port), Handler)
        self.path = path
        self.initial = {"source": source, "input": input_text, "budget": budget,
                        "heap_steps": heap_steps}
        self.timeout_seconds = timeout
        self.exploration = None
        self.lock = threading.Lock()

    @property
    def url(self):
        return "http://127.0.0.1:%d/" % self.server_address[1]


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "pvm-explore"

    def log_message(self, format, *arguments):
        """Requests are not logged: the terminal shows the URL and nothing else."""

    def do_GET(self):
        self._answer(self._get)

    def do_POST(self):
        self._answer(self._post)

    def _answer(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = {name: values[-1] for name, values
                 in urllib.parse.parse_qs(url.query).items()}
        try:
            status, content_type, body = method(url.path, query)
        except RequestError as error:
            status, content_type, body = 400, "application/json", _json({"error": str(error)})
        except Exception as error:
            # The server's own failure, told as one: the page shows it in its status line.
            status, content_type, body = 500, "application/json", _json(
                {"error": "the explorer failed: %s: %s" % (type(error).__name__, error)})
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _get(self, path, query):
        if path == "/":
            path = "/static/index.html"
        if path.startswith("/static/"):
            return self._static(path[len("/static/"):])
        if path == "/api/initial":
            return _ok(dict(self.server.initial, path=self.server.path))
        exploration = self.server.exploration
        if exploration is None:
            raise RequestError("nothing is explored: explore a program first")
        if path == "/api/tiers":
            return _ok(exploration.tiers(_integer(query, "code")))
        if path == "/api/heat":
            return _ok(exploration.heat())
        if exploration.recording is None:
            raise RequestError("nothing is recorded: explore a program first")
        if path == "/api/step":
            return _ok(exploration.step(_integer(query, "n")))
        if path == "/api/find":
            lines = [int(line) for line in query.get("lines", "").split(",")
                     if line.strip().isdigit()]
            return _ok({"step": exploration.find(_integer(query, "from"),
                                                 query.get("how", ""), lines)})
        if path == "/api/instruction-steps":
            return _ok(exploration.steps_of_instruction(_integer(query, "code"),
                                                        _integer(query, "index")))
        if path == "/api/cache-file":
            return _ok(self._cache_file(exploration, _integer(query, "module")))
        raise RequestError("no such page: %s" % path)

    def _post(self, path, query):
        if path != "/api/explore":
            raise RequestError("no such page: %s" % path)
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
            source = request["source"]
            input_text = request.get("input", "")
            budget = int(request.get("budget", record.DEFAULT_BUDGET))
            heap_steps = int(request.get("heap_steps", record.DEFAULT_HEAP_STEPS))
            everything = bool(request.get("everything", False))
        except (ValueError, KeyError, TypeError) as error:
            raise RequestError("a request to explore needs source, and may have input, "
                               "budget, heap_steps, everything: %s" % error)
        if not isinstance(source, str) or not isinstance(input_text, str) or budget < 1 \
                or heap_steps < 0:
            raise RequestError("source and input are texts, budget a positive number")
        with self.server.lock:
            exploration = explore(source, self.server.path, input_text, budget, heap_steps,
                                  everything, self.server.timeout_seconds)
            self.server.exploration = exploration
        return _ok(exploration.summary())

    def _static(self, name):
        path = os.path.normpath(os.path.join(STATIC_FOLDER, name))
        if not path.startswith(STATIC_FOLDER + os.sep) or not os.path.isfile(path):
            raise RequestError("no such file: %s" % name)
        with open(path, "rb") as file:
            body = file.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        return 200, content_type, body

    @staticmethod
    def _cache_file(exploration, number):
        modules = exploration.recording.modules
        if not 0 <= number < len(modules) or not modules[number]["cached"]:
            raise RequestError("module %d has no cache file" % number)
        path = modules[number]["cached"]
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            return {"path": path, "error": "cannot read it: %s" % error.strerror}
        return dict(stages.cache_file(data), path=path)


def _integer(query, name):
    try:
        return int(query[name])
    except (KeyError, ValueError):
        raise RequestError("the request needs a whole number %s=" % name)


def _json(value):
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def _ok(value):
    return 200, "application/json", _json(value)

