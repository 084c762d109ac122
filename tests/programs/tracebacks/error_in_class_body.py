# Checks: traceback for an exception raised while a class body executes.
class Settings:
    defaults = {"debug": False}
    debug = defaults["debug"]
    verbose = defaults["verbose"]
