# Checks: a grouped sales report using sorted, groupby, defaultdict and Counter together.
import collections
import itertools

sales = [("north", "apples", 10), ("south", "pears", 4), ("north", "pears", 7),
         ("east", "apples", 3), ("south", "apples", 8), ("north", "apples", 2)]
by_region = itertools.groupby(sorted(sales), key=lambda sale: sale[0])
for region, rows in by_region:
    rows = list(rows)
    print(region, sum(quantity for _, _, quantity in rows), [product for _, product, _ in rows])
totals = collections.Counter()
for _, product, quantity in sales:
    totals[product] += quantity
print(totals.most_common())
