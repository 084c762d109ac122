# Checks: traceback through a functools.wraps decorator wrapper.
import functools


def logged(function):
    @functools.wraps(function)
    def wrapper(*args):
        print("calling", function.__name__)
        return function(*args)
    return wrapper


@logged
def parse_age(text):
    return int(text)


print(parse_age("42"))
print(parse_age("forty-two"))
