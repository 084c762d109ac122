# Checks: __init_subclass__ receives class keywords and runs for each subclass.
class Plugin:
    plugins = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins[cls.plugin_name] = cls


class Alpha(Plugin):
    pass


class Beta(Plugin, name="b"):
    pass


class Gamma(Beta):
    pass


print(sorted(Plugin.plugins), Gamma.plugin_name, Beta.plugin_name)
try:
    class Broken(Plugin, unknown=1):
        pass
except TypeError as error:
    print("TypeError:", error)
