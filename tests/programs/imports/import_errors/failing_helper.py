print("failing_helper starts")
value = 1 / 0
