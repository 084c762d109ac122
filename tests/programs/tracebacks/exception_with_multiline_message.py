# Checks: an exception message containing newlines in the printed traceback.
raise RuntimeError("first line\nsecond line\n  indented third")
