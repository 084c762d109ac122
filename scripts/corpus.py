"""The conformance corpus: the host standard library's own source files.

One function owns the fact of which files make the corpus, so the conformance
script, the benchmarks and the unit tests all measure the same thing: every
``.py`` file under the host stdlib folder (site-packages excluded) that the host
``ast.parse`` accepts -- 1,781 files on CPython 3.11.7.
"""

import ast
import functools
import os
import random
import sysconfig
import warnings


def stdlib_folder():
    return sysconfig.get_paths()["stdlib"]


@functools.lru_cache(maxsize=None)
def stdlib_files():
    """Sorted paths of the corpus files (a tuple: the result is cached)."""
    paths = []
    root_folder = stdlib_folder()
    for folder, subfolders, names in os.walk(root_folder):
        subfolders[:] = sorted(name for name in subfolders if name != "site-packages")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                if _host_accepts(path):
                    paths.append(path)
    return tuple(paths)


def sample_files(count, seed=20261122):
    """A reproducible random sample of the corpus, for tests that must stay quick."""
    paths = stdlib_files()
    return sorted(random.Random(seed).sample(paths, min(count, len(paths))))


def _host_accepts(path):
    with open(path, "rb") as file:
        source = file.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError):
            return False
    return True
