# Checks: finally clauses inside generators run on exhaustion, on close, on exceptions and on garbage.
def tracked(name):
    try:
        yield f"{name}-1"
        yield f"{name}-2"
    finally:
        print(f"finally {name}")


for item in tracked("exhausted"):
    print(item)
for item in tracked("broken"):
    print(item)
    break
gen = tracked("deleted")
next(gen)
del gen
print("after delete")
try:
    for item in tracked("raising"):
        raise ValueError(item)
except ValueError as error:
    print("caught", error)
