# Checks: evaluation order of nested for/if clauses in a comprehension.
trace = []


def note(label, value):
    trace.append(label)
    return value


result = [(x, y) for x in note("outer iterable", range(2)) if note(f"if x={x}", True)
          for y in note(f"inner iterable x={x}", range(2)) if note(f"if y={y}", y != x)]
print(result)
print(trace)
