# Checks: traceback of an exception raised inside a method called from a class body.
class Loader:
    def load(self, name):
        return {"a": 1}[name]


def run():
    loader = Loader()
    return loader.load("missing")


run()
