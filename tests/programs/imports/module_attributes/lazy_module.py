eager = "defined normally"


def __getattr__(name):
    if name.startswith("computed_"):
        return f"computed {name[9:]}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["eager", "computed_anything"]
