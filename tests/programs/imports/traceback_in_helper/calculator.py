def safe_divide(a, b):
    return divide(a, b) if b else None


def divide(a, b):
    return a / b
