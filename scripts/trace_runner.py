"""Run one program under a ``sys.settrace`` function and write the events it saw.

    python3 scripts/trace_runner.py EVENTS_FILE PROGRAM [ARGS...]
    python3 -m pvm scripts/trace_runner.py EVENTS_FILE PROGRAM [ARGS...]

Run by both interpreters (scripts/trace_compare.py compares them).  The events of
frames whose code comes from the program's folder are written one a line,
``EVENT FUNCTION LINE``, in the order they came.
"""

import os
import runpy
import sys


def main():
    events_path, program = sys.argv[1], os.path.abspath(sys.argv[2])
    folder = os.path.dirname(program) + os.sep
    events = []

    def tracer(frame, event, argument):
        if not frame.f_code.co_filename.startswith(folder):
            return None
        events.append("%s %s %s" % (event, frame.f_code.co_name, frame.f_lineno))
        return tracer

    sys.argv = sys.argv[2:]
    sys.path[0] = os.path.dirname(program)
    sys.settrace(tracer)
    try:
        runpy.run_path(program, run_name="__main__")
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        with open(events_path, "w", encoding="utf-8") as file:
            file.write("\n".join(events) + "\n")


if __name__ == "__main__":
    main()
