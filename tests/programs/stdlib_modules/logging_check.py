# Checks: logging: loggers, levels, handlers on StringIO, formatters, filters, propagation, LoggerAdapter, exceptions.
import io
import logging

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(funcName)s:%(message)s"))
root = logging.getLogger("app")
root.setLevel(logging.DEBUG)
root.addHandler(handler)
child = logging.getLogger("app.db")


def work():
    root.debug("debug %d", 1)
    child.info("connected to %s", "db")
    child.warning("slow query")
    root.log(25, "custom level")


work()


class OnlyErrors(logging.Filter):
    def filter(self, record):
        return record.levelno >= logging.ERROR


handler.addFilter(OnlyErrors())
child.warning("filtered out")
try:
    1 / 0
except ZeroDivisionError:
    child.exception("failed")
handler.removeFilter(handler.filters[0])
adapter = logging.LoggerAdapter(child, {"user": "ada"})
adapter.info("adapted")
child.propagate = False
child.error("not propagated")
logging.addLevelName(25, "NOTICE")
child.propagate = True
root.log(25, "named level")
output = stream.getvalue()
lines = output.splitlines()
print("\n".join(line for line in lines if not line.startswith("  File")))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("ERROR"))
print(child.getEffectiveLevel(), child.parent.name, child.isEnabledFor(logging.DEBUG), logging.getLogger("app") is root)
record = logging.LogRecord("name", logging.INFO, "path.py", 10, "value %s and %s", ("a", "b"), None)
print(record.getMessage(), logging.Formatter("[%(levelname)-8s] %(message)s").format(record))
print(logging.Formatter("{levelname}|{message}", style="{").format(record))
other = io.StringIO()
logging.basicConfig(stream=other, level=logging.INFO, format="%(levelname)s %(message)s")
logging.info("root message")
logging.debug("hidden")
print(repr(other.getvalue()))
