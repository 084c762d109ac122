# Checks: the traceback of an error inside a list comprehension shows the <listcomp> frame.
def convert(values):
    return [int(value) for value in values]


convert(["1", "x"])
