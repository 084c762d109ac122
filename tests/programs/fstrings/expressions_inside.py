# Checks: arbitrary expressions in f-strings: calls, lambdas, conditionals, comprehensions, dict access.
def greet(person):
    return f"Hello, {person}!"


people = ["ada", "linus"]
scores = {"ada": 9, "linus": 7}
print(f"{greet(people[0].title())}")
print(f"{(lambda n: n * 2)(21)}")
print(f"{'yes' if scores['ada'] > 8 else 'no'}")
print(f"{[p.upper() for p in people]}")
print(f"{sum(scores.values()) / len(scores):.2f}")
print(f"{scores['linus']:03d}", f"{people!r}", f"{ {'k': 1}['k'] }")
