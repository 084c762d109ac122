# Checks: traceback markers for an attribute access on None in a chained expression.
config = {"database": None}
host = config["database"].host
