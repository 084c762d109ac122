"""Modules pvm gives the guest in place of C modules it cannot share with the host.

Each is guest code: the guest's importlib loads it from here (``pvm.world.importer``,
GUEST_REPLACEMENTS) and pvm runs it like any other module.
"""

import os

FOLDER = os.path.dirname(os.path.abspath(__file__))
