"""Every example in the README runs as shown."""

import doctest
import os

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_readme_examples():
    failures, attempted = doctest.testfile(os.path.join(PROJECT_ROOT, "README.md"),
                                           module_relative=False)
    assert attempted > 0
    assert failures == 0
