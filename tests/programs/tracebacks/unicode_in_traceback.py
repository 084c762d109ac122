# Checks: traceback source lines and markers with non-ASCII characters in the source line.
prix = {"café": 2.5}
total = prix["café"] + prix["thé"]
