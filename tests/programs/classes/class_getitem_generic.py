# Checks: __class_getitem__ on guest classes and builtin generic aliases like list[int].
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{getattr(item, '__name__', item)}]"


print(Box[int], Box["x"], list[int], dict[str, list[int]], tuple[int, ...])
print(list[int]([1, 2]), type(list[int]).__name__)
