# Checks: traceback through map() calling a lambda, forced by list().
values = ["1", "2", "x"]
numbers = list(map(lambda text: int(text) * 2, values))
