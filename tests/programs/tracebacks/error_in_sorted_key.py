# Checks: traceback through a key function called by the builtin sorted.
def key(item):
    return item["rank"]


items = [{"rank": 2}, {"rank": 1}, {"name": "no rank"}]
print(sorted(items, key=key))
