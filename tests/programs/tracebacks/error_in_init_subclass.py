# Checks: traceback for an exception raised by __init_subclass__ during a class statement.
class Plugin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not hasattr(cls, "name"):
            raise TypeError(f"{cls.__name__} must define name")


class Good(Plugin):
    name = "good"


class Bad(Plugin):
    pass
