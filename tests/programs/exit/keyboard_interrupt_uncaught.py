# Checks: an uncaught KeyboardInterrupt prints a traceback and ends the process by SIGINT, as python does.
def wait():
    raise KeyboardInterrupt


wait()
