# Checks: annotated assignments at module and function level, and typing constructs at runtime.
from typing import Optional, Union, List, Dict, Callable, TypeVar, Generic

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


def apply(function: Callable[[int], int], value: Union[int, str]) -> Dict[str, int]:
    local: int = function(int(value))
    return {"result": local}


stack: Stack[int] = Stack()
stack.push(1)
print(stack.pop(), stack.pop(), apply(lambda n: n + 1, "41"))
print(Stack.push.__annotations__, apply.__annotations__["return"])
print(Optional[int], Union[int, str], List[int], int | None)
