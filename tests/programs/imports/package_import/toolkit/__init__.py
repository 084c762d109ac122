print("initialising toolkit")
VERSION = "1.0"
