# Checks: generator-based coroutines with send: a grep-like consumer and a broadcasting pipeline.
def consumer(function):
    def start(*args):
        gen = function(*args)
        next(gen)
        return gen
    return start


@consumer
def printer(prefix):
    while True:
        line = yield
        print(prefix, line)


@consumer
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)


@consumer
def broadcast(targets):
    while True:
        item = yield
        for target in targets:
            target.send(item)


sink = broadcast([grep("py", printer("A:")), grep("on", printer("B:"))])
for word in ["python", "pypy", "cython", "java", "onion"]:
    sink.send(word)
