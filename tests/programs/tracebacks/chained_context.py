# Checks: traceback with "During handling of the above exception, another exception occurred".
def load(path):
    try:
        return open(path).read()
    except FileNotFoundError:
        return {}["fallback for " + path]


load("/nonexistent/pvm/file.txt")
