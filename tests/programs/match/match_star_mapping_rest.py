# Checks: **rest in mapping patterns collects the unmatched keys into a new dict, in order.
config = {"host": "localhost", "port": 8080, "debug": True, "user": "root"}
match config:
    case {"host": host, "port": int(port), **others}:
        print(host, port, others, type(others).__name__)
match {}:
    case {**everything}:
        print("empty mapping ->", everything)
