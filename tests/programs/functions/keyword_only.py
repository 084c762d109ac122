# Checks: keyword-only parameters, with and without defaults, errors when misused.
def connect(host, *, port=80, secure):
    return f"{host}:{port} secure={secure}"


print(connect("a", secure=True), connect("b", port=8080, secure=False))
print(connect.__kwdefaults__)
try:
    connect("a", 1)
except TypeError as error:
    print("TypeError:", error)
try:
    connect("a")
except TypeError as error:
    print("TypeError:", error)


def collect(*values, sep="-"):
    return sep.join(map(str, values))


print(collect(1, 2, 3), collect(1, 2, sep="+"), collect())
