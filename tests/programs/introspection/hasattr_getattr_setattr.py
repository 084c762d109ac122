# Checks: getattr/setattr/hasattr/delattr with dynamic names on modules, classes and instances.
import math


class Config:
    pass


config = Config()
for name, value in [("host", "localhost"), ("port", 8080)]:
    setattr(config, name, value)
print(getattr(config, "host"), getattr(config, "missing", None), hasattr(config, "port"))
delattr(config, "port")
print(hasattr(config, "port"), getattr(math, "pi"), getattr(math, "floor")(2.7))
try:
    getattr(config, "missing")
except AttributeError as error:
    print("AttributeError:", error)
