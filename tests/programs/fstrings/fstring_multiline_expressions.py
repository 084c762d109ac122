# Checks: f-string replacement fields with comments-free multi-line expressions inside triple quotes and dict literals.
data = {"a": 1, "b": 2}
report = f"""Report:
  keys={sorted(
      data
  )}
  total={sum(
      value for value in data.values()
  )}
  lookup={ {'x': 10}['x'] }"""
print(report)
