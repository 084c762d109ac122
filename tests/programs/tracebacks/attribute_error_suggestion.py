# Checks: traceback for AttributeError with a "Did you mean" suggestion on an instance.
class Account:
    def __init__(self):
        self.balance = 10


Account().balanse
