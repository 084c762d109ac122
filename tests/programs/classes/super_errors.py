# Checks: super() outside a method raises RuntimeError; super in nested function and lambda via __class__.
try:
    super()
except RuntimeError as error:
    print("RuntimeError:", error)


class Parent:
    def name(self):
        return "parent"


class Child(Parent):
    def name(self):
        helper = lambda: super(Child, self).name()
        return "child of " + helper()

    def uses_class_cell(self):
        return __class__.__name__


print(Child().name(), Child().uses_class_cell())


def not_a_method(self):
    return super().__init__


class Attached:
    method = not_a_method


try:
    Attached().method()
except RuntimeError as error:
    print("RuntimeError:", error)
