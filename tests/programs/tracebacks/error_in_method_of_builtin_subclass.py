# Checks: traceback through a dict subclass's __missing__ called implicitly by subscription.
class Strict(dict):
    def __missing__(self, key):
        raise KeyError(f"strict: {key}")


settings = Strict(debug=True)
print(settings["debug"])
print(settings["verbose"])
