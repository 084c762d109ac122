# Checks: functools.lru_cache and functools.cache around guest functions: hits, misses, cache_clear.
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
calls = []


@functools.lru_cache(maxsize=2)
def lookup(key):
    calls.append(key)
    return key.upper()


for key in ["a", "b", "a", "c", "b", "a"]:
    lookup(key)
print(calls, lookup.cache_info())
lookup.cache_clear()
print(lookup.cache_info())


@functools.cache
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square.__wrapped__(5))
