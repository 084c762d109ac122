# Checks: a singly linked list class with iteration, reversal, len, indexing and repr.
class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for value in reversed(list(values)):
            self.push(value)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __getitem__(self, index):
        for position, value in enumerate(self):
            if position == index:
                return value
        raise IndexError("linked list index out of range")

    def reverse(self):
        previous, node = None, self.head
        while node:
            node.next, previous, node = previous, node, node.next
        self.head = previous

    def __repr__(self):
        return " -> ".join(map(repr, self)) or "empty"


items = LinkedList([1, 2, 3, 4])
print(items, len(items), items[2], 3 in items)
items.reverse()
print(items, list(items), LinkedList())
try:
    items[10]
except IndexError as error:
    print("IndexError:", error)
