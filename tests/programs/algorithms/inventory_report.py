# Checks: dataclasses, sorting, grouping and formatted output for an inventory report.
import dataclasses
import itertools


@dataclasses.dataclass(order=True)
class Product:
    category: str
    name: str
    price: float
    stock: int

    @property
    def value(self):
        return self.price * self.stock


products = [
    Product("fruit", "apple", 0.5, 100), Product("tools", "hammer", 12.0, 5),
    Product("fruit", "banana", 0.25, 150), Product("tools", "saw", 20.0, 2),
    Product("dairy", "milk", 1.2, 30),
]
for category, items in itertools.groupby(sorted(products), key=lambda p: p.category):
    items = list(items)
    print(f"{category.upper():<8} {len(items)} items, value {sum(p.value for p in items):8.2f}")
    for product in sorted(items, key=lambda p: -p.value):
        print(f"  {product.name:<8}{product.stock:>5} x {product.price:6.2f} = {product.value:8.2f}")
print(max(products, key=lambda p: p.value).name, min(products).name)
