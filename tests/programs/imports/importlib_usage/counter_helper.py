print("executing counter_helper")
loads = 1
