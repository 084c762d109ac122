# Checks: traceback through a generator expression consumed by sum().
def average(rows):
    return sum(row["score"] for row in rows) / len(rows)


print(average([{"score": 3}, {"points": 4}]))
