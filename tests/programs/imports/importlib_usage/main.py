# Checks: importlib.import_module and __import__ load helper modules by name; module reload runs code again.
import importlib

counter_module = importlib.import_module("counter_helper")
print(counter_module.loads)
reloaded = importlib.reload(counter_module)
print(reloaded is counter_module, "reloaded")
same = __import__("counter_helper")
print(same is counter_module)
json_module = importlib.import_module("json")
print(json_module.dumps({"ok": True}))
