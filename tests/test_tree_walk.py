"""pvm.engine.tree_walk.walk gives what ast.walk gives, node for node, in its order."""

import ast
import os

import pytest

from pvm.engine.tree_walk import walk

_LIBRARY = os.path.dirname(ast.__file__)


@pytest.mark.parametrize("name", ["ast.py", "dataclasses.py", "typing.py", "asyncio/tasks.py"])
def test_walk_gives_the_nodes_of_ast_walk_in_its_order(name):
    with open(os.path.join(_LIBRARY, name), encoding="utf-8") as file:
        tree = ast.parse(file.read())
    expected = list(ast.walk(tree))
    found = list(walk(tree))
    assert len(found) == len(expected) > 1000
    assert all(mine is theirs for mine, theirs in zip(found, expected))


def test_walk_skips_missing_fields_and_values_that_are_not_nodes():
    # A node made by hand, its optional fields unset, a list holding a string
    # (Global's names), as the translator's templates make them.
    tree = ast.Module(body=[ast.Global(names=["x"]), ast.Return()], type_ignores=[])
    assert list(walk(tree)) == list(ast.walk(tree)) == [tree, *tree.body]
