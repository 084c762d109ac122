# Checks: an exception's __traceback__ is the same object each time it is read, gains a new head whose tb_next is the old traceback when it leaves another frame, and with_traceback / __traceback__ assignment keep the very object given.
import sys


def get_traceback():
    try:
        raise OSError()
    except OSError as error:
        return error.__traceback__


try:
    raise IndexError(4)
except IndexError:
    first = sys.exc_info()[2]
    again = sys.exc_info()[2]
    print(first is again, first is sys.exception().__traceback__)

for kind in (BaseException, IndexError):
    error = kind().with_traceback(first)
    print(kind.__name__, error.__traceback__ is first)

given = get_traceback()
try:
    raise IndexError().with_traceback(given)
except IndexError as error:
    print(error.__traceback__ is given, error.__traceback__.tb_next is given)


def inner():
    raise ValueError("deep")


def middle():
    inner()


try:
    middle()
except ValueError as error:
    outer_head = error.__traceback__
    chain = []
    entry = outer_head
    while entry is not None:
        chain.append(entry.tb_frame.f_code.co_name)
        entry = entry.tb_next
    print(chain)
    saved_inner = outer_head.tb_next.tb_next
    try:
        raise error
    except ValueError as same:
        print(same.__traceback__.tb_next is outer_head, same.__traceback__ is not outer_head)
        print(same.__traceback__.tb_next.tb_next.tb_next is saved_inner)

error = ValueError()
error.__traceback__ = given
print(error.__traceback__ is given)
error.__traceback__ = None
print(error.__traceback__)
