"""The stage explorer without a browser: its stages against pvm's own tools, its
recording against -X trace, its server's answers, and its command as a user runs it.
(tests/test_explore_browser.py drives the page in Chromium.)"""

import ast
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request

import pytest

import pvm
from pvm import cache, tokenize
from pvm.dis import get_instructions
from pvm.explore import server, stages
from tests.subprocesses import REPOSITORY_FOLDER, environment, run, run_python

PROGRAM = textwrap.dedent("""\
    import json

    class Counter:
        def __init__(self, start):
            self.count = start

        def bump(self, by=1):
            self.count += by
            return self.count

    def squares(limit):
        for number in range(limit):
            yield number * number

    counter = Counter(10)
    total = sum(squares(4))
    counter.bump(total)
    name = input("who? ")
    print(json.dumps({"name": name, "count": counter.count}))
""")


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "program.py"
    path.write_text(PROGRAM)
    return str(path)


def trace_steps(path, stdin=""):
    """[(stack text, variables text)] of each step -X trace prints: the state before
    each instruction, the variables being the last printed for that frame."""
    status, stdout, stderr = run([sys.executable, "-m", "pvm", "-X", "trace", path],
                                 os.path.dirname(path), stdin=stdin)
    steps = []
    variables = ""
    for line in stderr.splitlines():
        if line.startswith("    locals: "):
            variables = line[len("    locals: "):]
        else:
            steps.append((line[line.index(" stack: ") + len(" stack: "):], variables))
    return steps


def page_texts(frame):
    stack = "[%s]" % ", ".join(text for text, _ in frame["stack"])
    variables = ", ".join("%s=%s" % (name, text) for name, text, _ in frame["variables"])
    return stack, variables


# -- the stages -------------------------------------------------------------------------

def test_tokens_are_pvm_tokenize_s():
    expected = [(tokenize.tok_name[token.type], token.string, list(token.start),
                 list(token.end))
                for token in tokenize.generate_tokens(io.StringIO(PROGRAM).readline)]
    assert [(token["type"], token["string"], token["start"], token["end"])
            for token in stages.tokens(PROGRAM)] == expected


def test_the_tree_is_pvm_parse_s():
    def walk(node):
        yield node["type"], node.get("position")
        for child in node["children"]:
            yield from walk(child)
    expected = [(type(node).__name__,
                 [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]
                 if "lineno" in node._attributes else None)
                for node in _preorder(pvm.parse(PROGRAM))]
    assert list(walk(stages.syntax_tree(PROGRAM))) == expected


def _preorder(node):
    yield node
    for _, value in ast.iter_fields(node):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST):
                yield from _preorder(item)


def test_bytecode_is_pvm_dis_s(program):
    code = pvm.compile(PROGRAM, program, "exec")
    objects = stages.code_objects(code, PROGRAM)
    assert [item["qualname"] for item in objects] == [
        "<module>", "Counter", "Counter.__init__", "Counter.bump", "squares"]
    assert [(row["offset"], row["opname"], row["arg"], row["argrepr"])
            for row in objects[0]["instructions"]] == [
        (item.offset, item.opname, item.arg, item.argrepr) for item in get_instructions(code)]
    # An instruction's span is the text of its expression.
    lines = PROGRAM.splitlines()
    multiply = [row for row in objects[4]["instructions"] if row["opname"] == "BINARY_OP"][0]
    line, column, end_line, end_column = multiply["span"]
    assert line == end_line and lines[line - 1][column:end_column] == "number * number"


def test_basic_blocks_cover_the_code_and_end_at_jumps(program):
    code = pvm.compile(PROGRAM, program, "exec")
    squares = [item for item in stages.code_objects(code, PROGRAM)
               if item["qualname"] == "squares"][0]
    blocks = squares["blocks"]
    assert blocks[0]["start"] == 0 and blocks[-1]["end"] == len(squares["instructions"])
    assert all(first["end"] == second["start"] for first, second in zip(blocks, blocks[1:]))
    starts = {block["start"] for block in blocks}
    for row in squares["instructions"]:
        if row["target"]:
            assert row["offset"] in starts


def test_cache_file_fields_are_the_importers(program):
    code = pvm.compile(PROGRAM, program, "exec")
    data = cache.code_to_timestamp_pyc(code, 1234, 567)
    explained = stages.cache_file(data)
    fields = {field["name"]: field for field in explained["header"]}
    assert fields["magic number"]["hex"] == cache.MAGIC_NUMBER.hex(" ")
    assert fields["source mtime"]["meaning"].startswith("1234 ")
    assert fields["source size"]["meaning"] == "567 bytes"
    assert fields["CRC-32"]["meaning"].endswith("matches")
    assert explained["payload"]["name"] == "<module>"
    assert [child["name"] for child in explained["payload"]["children"]] == [
        "Counter", "squares"]
    damaged = data[:-1] + bytes([data[-1] ^ 1])
    assert stages.cache_file(damaged)["header"][-2]["meaning"].endswith("DOES NOT MATCH")
    assert "error" in stages.cache_file(b"not a cache file")


def test_a_syntax_error_stops_the_stages_that_need_a_tree(tmp_path):
    source = "print('a')\nx = (1 +\n"
    path = tmp_path / "bad.py"
    path.write_text(source)
    found = stages.all_stages(source, str(path))
    # The tokenizer's own error, and the parser's as python3 prints it, less the
    # traceback header.
    expected = run_python([str(path)], str(tmp_path))[2]
    assert found["ast"]["error"] in expected
    assert found["bytecode"]["error"] in expected
    assert "error" in found["tokens"]


# A function made hot by its loop, a generator (tier 1 and the SSA form leave it), a
# function called a few times.
HOT = textwrap.dedent("""\
    def total(limit):
        result = 0
        for number in range(limit):
            if number % 3:
                result += number
        return result


    def evens(limit):
        yield from range(0, limit, 2)


    def small(value):
        return value * 2


    print(total(1200), list(evens(6)), [small(n) for n in range(10)])
""")


@pytest.fixture
def hot(tmp_path):
    path = tmp_path / "hot.py"
    path.write_text(HOT)
    return str(path)


def test_the_tiers_are_what_the_tiers_print(hot):
    folder = os.path.dirname(hot)
    names = [code["qualname"] for code in
             stages.code_objects(pvm.compile(HOT, hot, "exec"), HOT)]
    forms = {name: stages.tiers(HOT, hot, number) for number, name in enumerate(names)}
    # Tier 1's host source as -X jit-show prints it when the run makes the function hot.
    _, _, stderr = run([sys.executable, "-m", "pvm", "-X", "tier=1", "-X", "jit-show=total",
                        hot], folder)
    lines = forms["total"]["tier1"]["lines"]
    assert stderr == "# total (%s, line 1)\n%s\n" % (hot, "\n".join(text for text, _ in lines))
    # Each line's instruction is the one its comment names.
    pairs = pvm.compile(HOT, hot, "exec").co_consts[0].instructions()
    for text, index in lines:
        assert re.search(r"# (\d+) (\w+),", text).groups() == (
            str(index), pvm.opcodes.OPCODES[pairs[index][0]].name)
    # The SSA form as python3 -m pvm.ir prints it; where it leaves code, its reason.
    for name in ("total", "small", "evens"):
        _, stdout, _ = run([sys.executable, "-m", "pvm.ir", hot, "--function", name], folder)
        form = forms[name]["ssa"]
        if "lines" in form:
            assert stdout == "\n".join(text for text, _ in form["lines"]) + "\n\n"
            assert all(re.search(r"; @(\d+)", text).group(1) == str(index)
                       for text, index in form["lines"] if index is not None)
        else:
            assert stdout == "function %s: %s\n\n" % (name, form["reason"])
    assert forms["<module>"]["tier1"]["reason"].endswith("a module or class body")
    # A generator's translation is a host generator.
    assert forms["evens"]["tier1"]["lines"][0][0].startswith(
        "def resume_evens(frame, stack, fast, label=0):")
    assert forms["evens"]["ssa"]["reason"].endswith("a generator or coroutine")


def test_the_heat_is_what_makes_tier_1_translate(hot):
    """A code object's heat in the recorded run reaches the threshold exactly when
    -X tier=1 translates it in a run of its own."""
    exploration = server.explore(HOT, hot)
    heat = exploration.heat()
    names = [code["qualname"] for code in exploration.stages["bytecode"]]
    _, _, stderr = run([sys.executable, "-m", "pvm", "-X", "tier=1", "-X", "jit-log", hot],
                       os.path.dirname(hot))
    translated = set(re.findall(r"pvm tier 1: translated (\S+) \(%s" % re.escape(hot),
                                stderr))
    assert translated == {name for name, count in zip(names, heat["heat"])
                          if count >= heat["threshold"]} == {"total"}
    # A function's frame starts: its calls.
    assert heat["heat"][names.index("small")] == 10


# -- the recording ----------------------------------------------------------------------

def test_every_step_is_the_state_x_trace_prints(program):
    exploration = server.explore(PROGRAM, program, input_text="ada\n")
    assert exploration.ended == "end"
    expected = trace_steps(program, stdin="ada\n")
    assert exploration.recording.steps == len(expected)
    for step in range(exploration.recording.steps):
        assert page_texts(exploration.step(step)["frames"][0]) == expected[step], step


def test_the_run_is_the_programs(program):
    exploration = server.explore(PROGRAM, program, input_text="ada\n")
    status, stdout, _ = run_python([program], os.path.dirname(program), stdin="ada\n")
    output = exploration.output_until(exploration.recording.steps)
    assert (exploration.recording.status, "".join(text for _, text in output["parts"])) == \
        (status, stdout)
    # The prompt is written as the call of input() runs.
    step = next(step for step, stream, text in exploration.recording.outputs
                if text == "who? ")
    assert exploration.output_until(step - 1)["parts"] == []
    # json loaded from the cache or compiled; its file and cache file named.
    modules = {module["name"]: module for module in exploration.recording.modules}
    assert modules["json"]["file"].endswith(os.path.join("json", "__init__.py"))
    assert modules["json"]["origin"] in ("cache", "source (compiled)")
    assert modules["json"]["by_program"] and not modules["site"]["by_program"]


def test_frames_show_callers_as_at_their_call(program):
    exploration = server.explore(PROGRAM, program, input_text="ada\n")
    codes = exploration.recording.codes
    step = next(step for step in range(exploration.recording.steps)
                if codes[exploration.step(step)["frames"][0]["code"]]["qualname"]
                == "Counter.bump")
    frames = exploration.step(step)["frames"]
    assert [codes[frame["code"]]["qualname"] for frame in frames] == [
        "Counter.bump", "<module>"]
    assert frames[1]["step"] == step - 1
    assert [name for name, _, _ in frames[0]["variables"]] == ["self", "by"]
    heap = exploration.step(step)["heap"]
    counter = [node for node in heap if node["type"] == "Counter"][0]
    assert [label for label, _, _ in counter["fields"]] == ["count"]
    assert frames[0]["variables"][0][2] == counter["number"]


def test_moving_by_line_and_to_a_breakpoint(program):
    exploration = server.explore(PROGRAM, program, input_text="ada\n")
    line_of = exploration.line_of
    first_line = exploration.find(0, "line")
    assert line_of(first_line) != line_of(0) or exploration.step(first_line)["line_start"]
    assert exploration.find(first_line, "back-line") == 0
    step = exploration.find(0, "breakpoint", [9])      # return self.count
    assert line_of(step) == 9
    assert exploration.find(step, "breakpoint", [9]) is None


def test_the_budget_stops_the_recording(program):
    exploration = server.explore(PROGRAM, program, input_text="ada\n", budget=25)
    assert exploration.ended == "budget"
    assert exploration.recording.steps == 25
    assert exploration.summary()["status"] is None


def test_an_uncaught_exception_shows_as_python3_prints_it(tmp_path):
    path = tmp_path / "fails.py"
    path.write_text("def f(x):\n    return 1 / x\nprint('before')\nf(0)\n")
    exploration = server.explore(path.read_text(), str(path))
    status, stdout, stderr = run_python([str(path)], str(tmp_path))
    parts = exploration.summary()["output"]["parts"]
    assert parts == [["stdout", stdout], ["stderr", stderr]]
    assert exploration.recording.status == status == 1


def test_a_syntax_error_shows_as_python3_prints_it(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text("print('a')\nx = (1 +\n")
    exploration = server.explore(path.read_text(), str(path))
    status, _, stderr = run_python([str(path)], str(tmp_path))
    summary = exploration.summary()
    assert summary["steps"] == 0 and summary["status"] == status == 1
    assert summary["output"]["parts"] == [["stderr", stderr]]


def test_an_edited_source_runs_beside_its_file(tmp_path):
    (tmp_path / "helper.py").write_text("VALUE = 42\n")
    path = tmp_path / "main.py"
    path.write_text("print('old')\n")
    exploration = server.explore("import helper\nprint(helper.VALUE)\n", str(path))
    output = exploration.output_until(exploration.recording.steps)
    assert output["parts"] == [["stdout", "42\n"]]
    assert path.read_text() == "print('old')\n"


# -- the server and the command ---------------------------------------------------------

@pytest.fixture
def served(program):
    """The command as a user starts it; its URL."""
    process = subprocess.Popen([sys.executable, "-m", "pvm.explore", "--no-browser", program],
                               cwd=REPOSITORY_FOLDER, env=environment(),
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        yield re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=300) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_command_serves_the_page_and_its_interface(served):
    status, page = get(served)
    assert status == 200 and b"<title>pvm explorer</title>" in page
    status, script = get(served + "static/explorer.js")
    assert status == 200 and b"function goTo" in script
    status, body = get(served + "api/initial")
    initial = json.loads(body)
    assert initial["source"] == PROGRAM
    status, body = get(served + "api/explore", {"source": PROGRAM, "input": "ada\n"})
    summary = json.loads(body)
    assert status == 200 and summary["ended"] == "end" and summary["steps"] > 100
    status, body = get(served + "api/step?n=3")
    assert status == 200 and json.loads(body)["step"] == 3
    status, body = get(served + "api/tiers?code=3")
    assert status == 200 and json.loads(body) == json.loads(json.dumps(
        stages.tiers(PROGRAM, summary["path"], 3)))
    status, body = get(served + "api/heat")
    heats = json.loads(body)["heat"]
    assert status == 200 and len(heats) == len(summary["stages"]["bytecode"])


def test_bad_requests_get_their_reason(served):
    status, body = get(served + "api/step?n=0")
    assert status == 400 and "explore a program first" in json.loads(body)["error"]
    status, body = get(served + "api/tiers?code=0")
    assert status == 400 and "explore a program first" in json.loads(body)["error"]
    get(served + "api/explore", {"source": "x = 1\n"})
    for path, reason in [("api/step?n=99", "no step 99"), ("api/step", "n="),
                         ("api/find?from=0&how=sideways", "unknown move"),
                         ("static/../server.py", "no such file"),
                         ("api/tiers?code=99", "no code object 99"),
                         ("api/cache-file?module=100000", "no cache file")]:
        status, body = get(served + path)
        assert status == 400 and reason in json.loads(body)["error"], path
    status, body = get(served + "api/explore", {"input": ""})
    assert status == 400 and "needs source" in json.loads(body)["error"]


def test_a_program_that_runs_too_long_is_ended(tmp_path):
    path = tmp_path / "sleeps.py"
    path.write_text("import time\nprint('start', flush=True)\ntime.sleep(60)\n")
    exploration = server.explore(path.read_text(), str(path), timeout=5)
    assert exploration.ended.startswith("timeout")
    assert exploration.summary()["ended"].startswith("timeout")


def test_help_and_an_unreadable_file(tmp_path):
    status, stdout, _ = run([sys.executable, "-m", "pvm.explore", "--help"], REPOSITORY_FOLDER)
    assert status == 0 and "--no-browser" in stdout and "--budget" in stdout
    status, _, stderr = run([sys.executable, "-m", "pvm.explore", "--no-browser",
                             str(tmp_path / "missing.py")], REPOSITORY_FOLDER)
    assert status == 2 and "cannot read" in stderr and "Traceback" not in stderr


def test_the_input_option_and_a_chosen_port(program, tmp_path):
    (tmp_path / "input.txt").write_text("grace\n")
    process = subprocess.Popen([sys.executable, "-m", "pvm.explore", "--no-browser",
                                "--port", "0", "--input", str(tmp_path / "input.txt"),
                                "--budget", "500", program],
                               cwd=REPOSITORY_FOLDER, env=environment(),
                               stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        initial = json.loads(get(url + "api/initial")[1])
        assert (initial["input"], initial["budget"]) == ("grace\n", 500)
        # The port it got is one a second server cannot take.
        port = int(url.rsplit(":", 1)[1].strip("/"))
        status, _, stderr = run([sys.executable, "-m", "pvm.explore", "--no-browser",
                                 "--port", str(port), program], REPOSITORY_FOLDER)
        assert status == 1 and "cannot serve on port %d" % port in stderr
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("program", ["classes/finalizers_del.py", "exit/shutdown_order.py",
                                     "generators/generator_finally_order.py"])
def test_objects_finalize_when_the_program_lets_them_go(program):
    """The recorder keeps no object of the program alive: finalizers print where they
    print under python3, shutdown's among them."""
    path = os.path.join(REPOSITORY_FOLDER, "tests", "programs", program)
    with open(path, encoding="utf-8") as file:
        exploration = server.explore(file.read(), path)
    status, stdout, stderr = run_python([path], os.path.dirname(path))
    output = exploration.output_until(exploration.recording.steps)
    assert exploration.recording.status == status
    assert "".join(text for stream, text in output["parts"] if stream == "stdout") == stdout
