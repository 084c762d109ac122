# Checks: functools.cached_property computes once per instance and can be reset with del.
import functools


class Report:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.values)


report = Report([1, 2, 3])
print(report.total, report.total)
del report.total
report.values.append(4)
print(report.total, "total" in vars(report))
