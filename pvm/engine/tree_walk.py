"""``ast.walk``, at twice its speed: the walk of every tree that joining runs and tier 1's
translations look through, some fifty times a translation.

The same nodes in the same order as ``ast.walk`` (breadth first; each node's fields in
``_fields`` order, the nodes among their values and in their lists), without its
generators within generators: ``ast.iter_child_nodes`` over ``ast.iter_fields`` was
two fifths of the time of a translation made cold (raytrace's, profiled).
"""

from ast import AST
from collections import deque


def walk(node):
    """Each node of the tree ``node``, ``node`` first (as ``ast.walk``)."""
    pending = deque((node,))
    take = pending.popleft
    add = pending.append
    while pending:
        node = take()
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, AST):
                add(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        add(item)
        yield node
