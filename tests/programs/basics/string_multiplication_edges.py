# Checks: sequence repetition with zero and negative counts, and the errors for non-int counts.
print(repr("ab" * 0), repr("ab" * -3), [1] * -1, (1, 2) * 2, b"x" * 3, 2 * [None])
for attempt in (lambda: "a" * 2.0, lambda: [1] * "2", lambda: "a" * (2 ** 100)):
    try:
        attempt()
    except (TypeError, OverflowError, MemoryError) as error:
        print(type(error).__name__, error)
