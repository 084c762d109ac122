import dataclasses


@dataclasses.dataclass(order=True)
class Item:
    name: str
    quantity: int
    tags: list = dataclasses.field(default_factory=list, compare=False)
