PUBLIC_CONSTANT = 42


def public_function():
    return "public"


def _private_function():
    return "private"
