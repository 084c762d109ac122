# Checks: importing a helper module from the program's folder; module attributes and caching.
import sys

import shapes
from shapes import area, Square as Sq

print(shapes.area(3), area(2), Sq(4).perimeter(), shapes.__name__)
print(shapes.loaded_count, "shapes" in sys.modules)
import shapes as again
print(again is shapes, again.loaded_count)
