# Checks: building a formatted table with f-strings in loops.
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 100, 0.1)]
print(f"{'item':<10}{'qty':>5}{'price':>8}{'total':>8}")
for item, quantity, price in rows:
    print(f"{item:<10}{quantity:>5}{price:>8.2f}{quantity * price:>8.2f}")
print(f"{'':-<31}")
print(f"{'sum':<10}{sum(q for _, q, _ in rows):>5}{'':>8}{sum(q * p for _, q, p in rows):>8.2f}")
