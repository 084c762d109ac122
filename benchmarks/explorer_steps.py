"""How fast the stage explorer records a program of a million instructions and shows
each step of it, in a real headless Chromium, as a user starts it.

    python3 benchmarks/explorer_steps.py [--steps N] [--seed S]

Serves ``python3 -m pvm.explore --no-browser --budget 2000000`` on MILLION (a Collatz
loop of about 1.3 million instructions), opens the page in Debian's chromium (driven by
selenium through chromedriver), and prints: the time from opening the page to the run
recorded and its first step shown; then the time the page takes to show a step
(``goTo(n)``: the request for the step, the server's answer from the recording's arrays,
the frames, heap and output drawn), for the steps next to each other at the start, the
middle and the end, and N steps chosen at random, as median, 95th percentile and
largest; moving by line and running to a breakpoint the same way; and the Tiers tab's
first drawing, which counts each code object's heat over the whole recording.  The
figures are the page's own (``performance.now()`` around the awaited call).
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1600,1100")

MILLION = """\
def collatz(number):
    steps = 0
    while number != 1:
        number = number // 2 if number % 2 == 0 else 3 * number + 1
        steps += 1
    return steps


total = 0
for start in range(1, 900):
    total += collatz(start)
print(total)
"""


def chromium():
    """A headless Chromium under selenium, with the page's console kept, and its
    profile folder (tests/test_explore_browser.py drives the same)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="pvm-explore-chromium-")
    options.add_argument("--user-data-dir=" + profile)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(600)
    return driver, profile


def timed(driver, call):
    """Milliseconds the page takes to await ``call`` (JavaScript, an expression)."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const start = performance.now();"
        "Promise.resolve(%s).then(() => done(performance.now() - start));" % call)


def summary(name, timings):
    ordered = sorted(timings)
    return "%-34s %5d   median %6.1f ms   95%% %6.1f ms   largest %6.1f ms" % (
        name, len(ordered), statistics.median(ordered),
        ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], ordered[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200,
                        help="steps shown at random (default %(default)s)")
    parser.add_argument("--seed", type=int, default=20261204)
    arguments = parser.parse_args(argv)
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        parser.exit(1, "needs Debian's chromium and chromium-driver (apt-get install)\n")
    from selenium.webdriver.support.ui import WebDriverWait
    folder = tempfile.mkdtemp(prefix="pvm-explore-million-")
    path = os.path.join(folder, "million.py")
    with open(path, "w", encoding="utf-8") as file:
        file.write(MILLION)
    server = subprocess.Popen([sys.executable, "-m", "pvm.explore", "--no-browser",
                               "--budget", "2000000", path], cwd=REPOSITORY,
                              stdout=subprocess.PIPE, text=True)
    driver = profile = None
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline()).group(0)
        driver, profile = chromium()
        started = time.perf_counter()
        driver.get(url)
        WebDriverWait(driver, 600).until(lambda driver: driver.execute_script(
            "return document.body.dataset.state") == "ready")
        recorded = time.perf_counter() - started
        steps = driver.execute_script("return state.summary.steps")
        print("recorded %d steps (status %s) and showed the first in %.1f s"
              % (steps, driver.execute_script("return state.summary.status"), recorded))
        timed(driver, "goTo(0)")
        rows = []
        for name, places in (("the first steps, one by one", range(1, 51)),
                             ("the middle, one by one", range(steps // 2, steps // 2 + 50)),
                             ("the last steps, one by one", range(steps - 50, steps))):
            rows.append(summary(name, [timed(driver, "goTo(%d)" % step) for step in places]))
        chosen = random.Random(arguments.seed).sample(range(steps), arguments.steps)
        rows.append(summary("steps at random", [timed(driver, "goTo(%d)" % step)
                                                for step in chosen]))
        timed(driver, "goTo(%d)" % (steps // 2))
        rows.append(summary("forward a line", [timed(driver, "move('line')")
                                               for _ in range(50)]))
        rows.append(summary("back a line", [timed(driver, "move('back-line')")
                                            for _ in range(50)]))
        # A breakpoint on `steps += 1`, which every turn of the loop runs.
        driver.execute_script("toggleBreakpoint(5)")
        rows.append(summary("to the next breakpoint", [timed(driver, "move('breakpoint')")
                                                       for _ in range(50)]))
        rows.append(summary("the Tiers tab, first drawn", [timed(driver, "ensureTiers()")]))
        print("\n".join(rows))
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        print("errors in the page's console: %d" % len(errors))
        for entry in errors:
            print("  " + entry["message"])
    finally:
        if driver is not None:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
