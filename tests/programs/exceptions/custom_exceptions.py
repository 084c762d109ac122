# Checks: user exception classes with attributes, __str__, args, inheritance and pickling-free repr.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, resource, identifier):
        super().__init__(resource, identifier)
        self.resource = resource
        self.identifier = identifier

    def __str__(self):
        return f"{self.resource} {self.identifier} not found"


class Quiet(AppError):
    pass


try:
    raise NotFound("user", 42)
except AppError as error:
    print(error, repr(error), error.args, error.resource, isinstance(error, Exception))
print(str(Quiet()), repr(Quiet()), str(Quiet("one")), str(Quiet("a", "b")), repr(Quiet(1, 2)))
print(NotFound.__mro__[1:3] == (AppError, Exception), issubclass(NotFound, BaseException))
error = ValueError("with note")
error.add_note("a note")
print(error.__notes__)
