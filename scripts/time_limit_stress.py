"""How late a time limit fires on growing lists, the host's full collections due.

    python3 scripts/time_limit_stress.py [--runs N] [--ballast N] [--busy]

Runs ``x = []; while True: x.append([0] * 100)`` in ``pvm.World(seconds=0.3)`` N
times in one process (as tests/test_worlds.py's time-limit test, the worlds and their
lists left to the collector, so that its full passes come due during the runs), with
``--ballast`` host lists held as an application's heap would (each full pass walks
them), and with ``--busy`` a process spinning on the other core (started and stopped
here).  Prints each run's time, the host's full passes and the longest, and the worst
run against the issue's bound (the limit plus 0.2 s).
"""

import argparse
import gc
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import pvm  # noqa: E402

PROGRAM = "x = []\nwhile True:\n    x.append([0] * 100)"
SECONDS = 0.3
BOUND = SECONDS + 0.2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--ballast", type=int, default=0,
                        help="host lists of one item held meanwhile")
    parser.add_argument("--busy", action="store_true", help="keep another core busy")
    arguments = parser.parse_args(argv)
    ballast = [[index] for index in range(arguments.ballast)]
    passes = []
    pass_started = [0.0]

    def measure(phase, info):
        if info["generation"] == 2:
            if phase == "start":
                pass_started[0] = time.monotonic()
            else:
                passes.append(time.monotonic() - pass_started[0])
    gc.callbacks.append(measure)
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"]) \
        if arguments.busy else None
    times = []
    try:
        for _ in range(arguments.runs):
            world = pvm.World(seconds=SECONDS)
            started = time.monotonic()
            try:
                world.run(PROGRAM)
            except pvm.TimeLimitExceeded:
                pass
            times.append(time.monotonic() - started)
            del world
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()
    del ballast
    print(" ".join("%.3f" % seconds for seconds in times))
    print("full passes: %d, longest %.3f s" % (len(passes), max(passes, default=0.0)))
    late = sum(seconds >= BOUND for seconds in times)
    print("worst %.3f s of %d runs; %d at or past %.1f s" % (max(times), len(times), late, BOUND))
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main())
