def describe():
    return f"module __name__ = {__name__}"


if __name__ == "__main__":
    print("this only runs as a script")
