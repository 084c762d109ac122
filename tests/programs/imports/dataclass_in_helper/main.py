# Checks: classes from a helper module used with pickle-free copy, dataclasses and isinstance across modules.
import copy

import models

item = models.Item("widget", 3)
clone = copy.deepcopy(item)
clone.tags.append("copied")
print(item, clone, isinstance(clone, models.Item), models.Item.__module__)
print(sorted([models.Item("b", 1), models.Item("a", 2)]))
