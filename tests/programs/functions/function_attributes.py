# Checks: function attributes: __name__, __qualname__, __doc__, __module__, __dict__, __defaults__.
def outer():
    def inner(a, b=2):
        "inner doc"
        return a + b
    return inner


function = outer()
print(function.__name__, function.__qualname__, function.__doc__, function.__module__)
print(function.__defaults__, function.__kwdefaults__, function.__code__.co_argcount)
print(function.__code__.co_varnames, function.__code__.co_name)
function.custom = "attribute"
print(function.custom, function.__dict__)
function.__name__ = "renamed"
print(function.__name__)
print(outer.__doc__, callable(outer), callable(5))
