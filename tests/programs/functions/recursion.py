# Checks: recursive functions, mutual recursion and deep (but allowed) recursion.
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(factorial(30), [fib(n) for n in range(15)], is_even(100), is_odd(7), depth(900))


def hanoi(n, source, target, spare, moves):
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves


print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
