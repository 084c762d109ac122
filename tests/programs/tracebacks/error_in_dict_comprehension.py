# Checks: traceback through a dict comprehension frame.
rows = [("a", "1"), ("b", "two")]
table = {key: int(value) for key, value in rows}
