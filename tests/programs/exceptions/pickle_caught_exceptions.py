# Checks: caught exceptions (with a traceback) pickle at every protocol; the traceback is not part of their state.
import pickle
class MyError(Exception):
    def __init__(self, message, code):
        super().__init__(message, code)
        self.code = code
for error in (ValueError("bad"), MyError("worse", 7), KeyError("k")):
    try:
        raise error
    except Exception as caught:
        for protocol in range(6):
            back = pickle.loads(pickle.dumps(caught, protocol))
            print(protocol, type(back).__name__, back.args, vars(back), back.__traceback__)
