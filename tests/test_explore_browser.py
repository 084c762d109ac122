"""The stage explorer's page in a real headless Chromium (Debian's chromium and
chromedriver, driven by selenium; .ci/run installs them): each pane against pvm's own
tools, stepping against -X trace, the compiling tiers' forms against what they print,
corpus programs with no error in the console, and a million-step recording stepped
(benchmarks/explorer_steps.py times it).  Screenshots are kept in
test-artifacts/explorer/.

The tests skip only where Chromium cannot be had: no chromium or chromedriver
binary, or no selenium package (pip install -e '.[test]' brings it)."""

import io
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

import pvm
from pvm import tokenize
from pvm.dis import get_instructions
from benchmarks.explorer_steps import CHROMEDRIVER, CHROMIUM, MILLION, chromium
from tests.subprocesses import REPOSITORY_FOLDER, environment, run
from tests.test_explore import HOT, PROGRAM, _preorder, trace_steps

ARTIFACTS = os.path.join(REPOSITORY_FOLDER, "test-artifacts", "explorer")

pytest.importorskip("selenium.webdriver",
                    reason="selenium is not installed (pip install -e '.[test]')")
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("Debian's chromium and chromium-driver are not installed "
                "(.ci/run installs them with apt-get)", allow_module_level=True)
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    driver, profile = chromium()
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class Served:
    """``python3 -m pvm.explore --no-browser FILE`` as a user starts it."""

    def __init__(self, path, *options):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pvm.explore", "--no-browser", *options, path],
            cwd=REPOSITORY_FOLDER, env=environment(), stdout=subprocess.PIPE, text=True)
        self.url = re.search(r"http://127\.0\.0\.1:\d+/",
                             self.process.stdout.readline()).group(0)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def open_page(driver, url):
    driver.get(url)
    WebDriverWait(driver, 300).until(
        lambda driver: driver.execute_script("return document.body.dataset.state") == "ready")
    return console_errors(driver)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))


def texts(driver, selector):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((node) => node.textContent)",
        selector)


def show_tab(driver, name):
    driver.find_element("css selector", '#tabs button[data-tab="%s"]' % name).click()


def wait_for_tiers(driver):
    """The Tiers tab drawn: a code object's forms shown, or the stage's error."""
    WebDriverWait(driver, 120).until(lambda driver: driver.execute_script(
        "return document.querySelector('#tiers-view[data-code], #tiers .error-text')"))


def wait_for_step(driver, step):
    WebDriverWait(driver, 30).until(
        lambda driver: driver.execute_script("return document.body.dataset.step") == str(step))


@pytest.fixture(scope="module")
def explored(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("explored")
    path = folder / "program.py"
    path.write_text(PROGRAM)
    (folder / "input.txt").write_text("ada\n")
    served = Served(str(path), "--input", str(folder / "input.txt"))
    try:
        assert open_page(browser, served.url) == []
        yield str(path)
    finally:
        served.close()


def test_the_panes_are_pvm_s_tools(browser, explored):
    screenshot(browser, "program-tokens")
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#tokens tr.token')].map("
        "(row) => [...row.cells].map((cell) => cell.textContent))")
    expected = []
    for token in tokenize.generate_tokens(io.StringIO(PROGRAM).readline):
        name = tokenize.tok_name[token.type]
        if name == "OP":
            name = "OP " + tokenize.tok_name[token.exact_type]
        expected.append([name, _json_string(token.string), "%d,%d" % token.start,
                         "%d,%d" % token.end])
    assert rows == expected

    show_tab(browser, "ast")
    types = browser.execute_script(
        "return [...document.querySelectorAll('#ast summary')].map((node) => node.dataset.type)")
    assert types == [type(node).__name__ for node in _preorder(pvm.parse(PROGRAM))]
    screenshot(browser, "program-ast")

    show_tab(browser, "bytecode")
    code = pvm.compile(PROGRAM, explored, "exec")
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#bytecode tr.instr[data-code=\"<module>@1\"]')]"
        ".map((row) => [row.cells[2].textContent, row.cells[3].textContent, "
        "row.cells[4].textContent])")
    assert rows == [[str(item.offset), item.opname, "" if item.arg is None else str(item.arg)]
                    for item in get_instructions(code)]
    screenshot(browser, "program-bytecode")

    show_tab(browser, "symbols")
    assert "function squares" in " ".join(texts(browser, "#symbols summary"))
    show_tab(browser, "blocks")
    assert len(texts(browser, "#blocks .block")) > 5
    assert browser.execute_script("return document.querySelectorAll('#blocks svg path').length")
    screenshot(browser, "program-blocks")
    show_tab(browser, "cache")
    assert texts(browser, "#cache-header tr.cache-field td:nth-child(3)")[:2] == [
        "magic number", "flags"]
    show_tab(browser, "imports")
    assert "json" in texts(browser, "#imports tr.module td:first-child")
    screenshot(browser, "program-imports")
    assert console_errors(browser) == []


def _json_string(text):
    import json
    return json.dumps(text)


def test_stepping_forward_and_back_shows_what_x_trace_prints(browser, explored):
    expected = trace_steps(explored, stdin="ada\n")
    forward = browser.find_element("id", "forward")
    back = browser.find_element("id", "back")
    browser.execute_script("return goTo(0)")
    wait_for_step(browser, 0)
    for step in range(1, 41):
        forward.click()
        wait_for_step(browser, step)
        assert _page_state(browser) == expected[step], step
    screenshot(browser, "program-step-40")
    for step in range(39, 29, -1):
        back.click()
        wait_for_step(browser, step)
        assert _page_state(browser) == expected[step], step
    # Jump to a step, and to the end, where the output is the program's.
    browser.find_element("id", "step-input").clear()
    browser.find_element("id", "step-input").send_keys(str(len(expected) - 1))
    browser.find_element("id", "go").click()
    wait_for_step(browser, len(expected) - 1)
    assert _page_state(browser) == expected[-1]
    status, stdout, _ = run([sys.executable, explored], os.path.dirname(explored),
                            stdin="ada\n")
    output = browser.find_element("id", "output").text
    assert output == stdout + "\n[the run ended: exit status %d]" % status
    screenshot(browser, "program-last-step")
    assert console_errors(browser) == []


def _page_state(browser):
    frame = browser.find_element("css selector", "#frames .frame.current")
    stack = frame.find_elements("css selector", ".stack li")
    variables = frame.find_elements("css selector", "tr.variable")
    return ("[%s]" % ", ".join(browser.execute_script(
                "return arguments[0].map((node) => node.textContent)", stack)),
            ", ".join(browser.execute_script(
                "return arguments[0].map((row) => row.cells[0].textContent + '=' + "
                "row.cells[1].textContent)", variables)))


def test_lines_breakpoints_and_selection(browser, explored):
    browser.execute_script("return goTo(0)")
    wait_for_step(browser, 0)
    # A breakpoint on `return self.count` (line 9), then run to it.
    browser.find_element("css selector", '#source .line[data-line="9"] .number').click()
    browser.find_element("id", "run-to").click()
    WebDriverWait(browser, 30).until(lambda browser: "Counter.bump line 9" in
                                     browser.find_element("id", "step-info").text)
    assert browser.find_element("css selector", "#source .line.current").get_attribute(
        "data-line") == "9"
    # Back a line lands on line 8, the line before.
    browser.find_element("id", "back-line").click()
    WebDriverWait(browser, 30).until(lambda browser: "Counter.bump line 8" in
                                     browser.find_element("id", "step-info").text)
    # Selecting a token marks its text in the source.
    show_tab(browser, "tokens")
    row = [row for row in browser.find_elements("css selector", "#tokens tr.token")
           if row.find_elements("css selector", "td")[1].text == '"Counter"'][0]
    row.click()
    assert browser.find_element("css selector", "#source mark").text == "Counter"
    assert "selected" in row.get_attribute("class")
    # Selecting an instruction lists the steps that ran it.
    show_tab(browser, "bytecode")
    browser.find_element("css selector",
                         '#bytecode tr.instr[data-code="Counter.bump@7"][data-offset="0"]').click()
    WebDriverWait(browser, 30).until(lambda browser: "ran at 1 step(s)" in
                                     browser.find_element("id", "steps-of").text)
    screenshot(browser, "program-selection")
    assert console_errors(browser) == []


def test_the_tiers_tab_shows_tier_1_and_the_ssa_form_beside_the_bytecode(browser, tmp_path):
    path = tmp_path / "hot.py"
    path.write_text(HOT)
    folder = str(tmp_path)
    served = Served(str(path))
    try:
        assert open_page(browser, served.url) == []
        show_tab(browser, "tiers")
        wait_for_tiers(browser)
        # The code object the run made hottest comes first; only it got hot.
        view = browser.find_element("id", "tiers-view")
        assert view.get_attribute("data-code") == "total@1"
        hot = [text for text in texts(browser, "#tiers-code option") if "(hot)" in text]
        assert len(hot) == 1 and hot[0].startswith("total (line 1)")
        columns = browser.execute_script(
            "return [...document.querySelectorAll('#tiers-view .tier-column')].map("
            "(column) => [...column.querySelectorAll('.tier-line')].map("
            "(line) => line.textContent))")
        code = pvm.compile(HOT, str(path), "exec").co_consts[0]
        assert columns[0] == [("%4d %s %s" % (item.offset, item.opname, item.argrepr)).rstrip()
                              for item in get_instructions(code)]
        _, _, shown = run([sys.executable, "-m", "pvm", "-X", "tier=1", "-X", "jit-show=total",
                           str(path)], folder)
        assert columns[1] == shown.splitlines()[1:]
        _, printed, _ = run([sys.executable, "-m", "pvm.ir", str(path), "--function", "total"],
                            folder)
        assert columns[2] == printed.rstrip("\n").splitlines()
        # A line of the translation selects its guest instruction everywhere.
        line = [line for line in view.find_elements("css selector", ".tier-line[data-index]")
                if "+=" in line.text][0]
        index = line.get_attribute("data-index")
        line.click()
        assert browser.find_element(
            "css selector", '#bytecode tr.instr[data-code="total@1"][data-offset="%s"]'
            % index).get_attribute("class") == "instr selected"
        assert browser.find_element("css selector", "#source mark").text == "result += number"
        assert {line.get_attribute("data-index") for line in view.find_elements(
            "css selector", ".tier-line.selected")} == {index}
        # A step that runs it marks its lines as the running instruction.
        WebDriverWait(browser, 30).until(lambda browser: "ran at 800 step(s)" in
                                         browser.find_element("id", "steps-of").text)
        step = browser.find_element("css selector", "#steps-of a").text
        browser.execute_script("return goTo(%s)" % step)
        wait_for_step(browser, step)
        assert {line.get_attribute("data-index") for line in view.find_elements(
            "css selector", ".tier-line.current-instruction")} == {index}
        screenshot(browser, "tiers-hot-function")
        # A generator: tier 1 makes it a host generator; tier 2 leaves it, and says why.
        Select(browser.find_element("id", "tiers-code")).select_by_value("2")
        WebDriverWait(browser, 60).until(
            lambda browser: view.get_attribute("data-code") == "evens@9")
        assert texts(browser, "#tiers-view .tier-reason") == [
            "not put in SSA form: a generator or coroutine"]
        # From the bytecode pane, straight to a code object's tiers.
        show_tab(browser, "bytecode")
        browser.find_element("css selector",
                             '#bytecode .code-object[data-code="small@13"] h3 a').click()
        WebDriverWait(browser, 60).until(
            lambda browser: view.get_attribute("data-code") == "small@13")
        assert browser.find_element("id", "tiers").get_attribute("class") == "tab active"
        assert console_errors(browser) == []
    finally:
        served.close()


def test_the_readme_s_command_and_screenshot(browser):
    """The README's command, run as it says, stopped in the function with the Tiers tab
    open: test-artifacts/explorer/readme.png is the README's docs/explorer.png."""
    with open(os.path.join(REPOSITORY_FOLDER, "README.md"), encoding="utf-8") as file:
        readme = file.read()
    program = re.search(r"^python3 -m pvm\.explore (\S+)", readme, re.MULTILINE).group(1)
    assert "](docs/explorer.png)" in readme
    assert os.path.exists(os.path.join(REPOSITORY_FOLDER, "docs", "explorer.png"))
    served = Served(os.path.join(REPOSITORY_FOLDER, program))
    try:
        assert open_page(browser, served.url) == []
        browser.find_element("css selector", '#source .line[data-line="2"] .number').click()
        browser.find_element("id", "run-to").click()
        WebDriverWait(browser, 30).until(lambda browser: "greet line 2" in
                                         browser.find_element("id", "step-info").text)
        browser.execute_script("return openTiers(1)")
        WebDriverWait(browser, 60).until(lambda browser: browser.find_element(
            "id", "tiers-view").get_attribute("data-code") == "greet@1")
        assert browser.find_elements("css selector",
                                     "#tiers-view .tier-line.current-instruction")
        screenshot(browser, "readme")
        assert console_errors(browser) == []
    finally:
        served.close()


# Programs of the differential corpus: classes, generators, exceptions, closures,
# comprehensions and imports, with uncaught exceptions and a SyntaxError among them.
CORPUS = [
    "classes/inheritance_mro.py", "classes/properties.py", "classes/class_uncaught_error.py",
    "classes/metaclass_basic.py", "generators/send_values.py", "generators/yield_from.py",
    "generators/pipeline.py", "exceptions/try_except_else_finally.py",
    "exceptions/raise_from_uncaught.py", "exceptions/exception_groups.py",
    "scopes/closures_basic.py", "scopes/nonlocal_statement.py",
    "functions/memoised_closure.py", "comprehensions/nested_comprehensions.py",
    "comprehensions/walrus_in_comprehension.py", "comprehensions/comprehension_uncaught.py",
    "imports/helper_module/main.py", "imports/package_import/main.py",
    "imports/circular_import/main.py", "tracebacks/syntax_error_in_program.py",
]


@pytest.mark.parametrize("program", CORPUS)
def test_corpus_programs_explore_with_no_console_error(browser, program):
    path = os.path.join(REPOSITORY_FOLDER, "tests", "programs", program)
    served = Served(path)
    try:
        assert open_page(browser, served.url) == []
        status = browser.find_element("id", "status").text
        assert "steps recorded" in status or "stopped after" in status, status
        steps = browser.execute_script("return state.summary.steps")
        for tab in ("ast", "symbols", "bytecode", "blocks", "tiers", "cache", "imports",
                    "tokens"):
            show_tab(browser, tab)
            if tab == "tiers":
                wait_for_tiers(browser)
        if steps:
            for _ in range(min(steps - 1, 25)):
                browser.find_element("id", "forward-line").click()
                time.sleep(0.05)
            browser.execute_script("return goTo(%d)" % (steps - 1))
            wait_for_step(browser, steps - 1)
        # The output at the end is the program's, traceback or SyntaxError included.
        folder, name = os.path.split(path)
        status, stdout, stderr = run([sys.executable, name], folder)
        output = browser.find_element("id", "output").text
        if steps:
            assert output.endswith("[the run ended: exit status %d]" % status)
            output = output[:output.rindex("[the run ended")]
        assert output.strip() == (stdout + stderr).strip()
        screenshot(browser, "corpus-" + program.replace("/", "-")[:-3])
        assert console_errors(browser) == []
    finally:
        served.close()


def test_a_million_steps_record_and_any_step_shows(browser, tmp_path):
    """How fast each step shows is benchmarks/explorer_steps.py's to measure (a test
    that timed it would fail on a busy machine, not on a slow page)."""
    path = tmp_path / "million.py"
    path.write_text(MILLION)
    served = Served(str(path), "--budget", "2000000")
    try:
        assert open_page(browser, served.url) == []
        steps = browser.execute_script("return state.summary.steps")
        assert steps > 1_000_000
        for step in (1, 2, 1, 500_000, 500_001, 500_000, steps - 1, steps - 2, 999_999, 0):
            browser.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "goTo(arguments[0]).then(done);", step)
            assert browser.execute_script("return document.body.dataset.step") == str(step)
        screenshot(browser, "million-steps")
        assert console_errors(browser) == []
    finally:
        served.close()
