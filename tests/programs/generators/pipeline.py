# Checks: chained generator pipeline processing text lines.
LINES = """alpha 3
beta 7
# comment
gamma 12

delta 5""".splitlines()


def non_blank(lines):
    for line in lines:
        if line.strip() and not line.startswith("#"):
            yield line


def parse(lines):
    for line in lines:
        name, number = line.split()
        yield name, int(number)


def running_total(records):
    total = 0
    for name, number in records:
        total += number
        yield name, number, total


for row in running_total(parse(non_blank(LINES))):
    print(*row)
