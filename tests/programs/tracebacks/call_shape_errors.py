# Checks: errors in the common call shapes (obj.method(local), obj.attribute.method(local),
# function(local), builtins, host methods): the traceback points at the call, the callee's
# frame sees the call's line.
import sys
import traceback


class Thing:
    def method(self, value):
        return 10 // value

    def generator(self, count):
        yield from range(count)


def function(value):
    return 10 // value


def plain(value):
    return value


def show(action):
    try:
        action()
    except Exception:
        print(traceback.format_exc())


def missing_method():
    thing = Thing()
    return thing.nothing()


def failing_method():
    thing = Thing()
    zero = 0
    return thing.method(zero)


def wrong_arguments():
    thing = Thing()
    return thing.method()


def failing_host_method():
    items = []
    return items.pop()


def missing_global():
    value = 1
    return undefined_function(value)


def failing_function():
    zero = 0
    return function(zero)


def failing_builtin():
    text = "x"
    return int(text)


def too_many_arguments():
    one = 1
    return plain(one, one)


def line_in_callee():
    frame_line = Thing()
    return frame_line.generator(3)


class Holder:
    @classmethod
    def build(cls, value):
        return 10 // value


def failing_instance_attribute():
    holder = Holder()
    holder.callback = function
    zero = 0
    return holder.callback(zero)


def failing_classmethod():
    holder = Holder()
    zero = 0
    return holder.build(zero)


class Owner:
    def __init__(self):
        self.thing = Thing()
        self.items = []

    def missing_attribute(self):
        return self.nothing.method(1)

    def missing_method_of_attribute(self):
        return self.thing.nothing(1)

    def failing_method_of_attribute(self):
        zero = 0
        return self.thing.method(zero)

    def failing_host_method_of_attribute(self):
        return self.items.pop()


owner = Owner()
for action in (owner.missing_attribute, owner.missing_method_of_attribute,
               owner.failing_method_of_attribute, owner.failing_host_method_of_attribute):
    show(action)
for action in (missing_method, failing_method, wrong_arguments, failing_host_method,
               missing_global, failing_function, failing_builtin, too_many_arguments,
               failing_instance_attribute, failing_classmethod):
    show(action)
print(list(line_in_callee()))


def caller_line():
    return sys._getframe(1).f_lineno


def reports_line():
    value = 1
    return caller_line(), plain(value)


print(reports_line()[0] - reports_line.__code__.co_firstlineno)
