# Checks: parenthesized multi-item with statements (3.10+ syntax) and the exit order.
class Named:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, *exc):
        print("exit", self.name)


with (
    Named("one") as first,
    Named("two") as second,
    Named("three"),
):
    print(first, second)
