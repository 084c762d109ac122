# Checks: classes and functions defined via exec interoperate with code defined normally.
source = '''
class Animal:
    sound = "..."

    def speak(self):
        return f"{type(self).__name__} says {self.sound}"


def make(kind):
    return kind()
'''
namespace = {}
exec(source, namespace)
Animal = namespace["Animal"]


class Dog(Animal):
    sound = "woof"


print(namespace["make"](Dog).speak(), Animal().speak(), Dog.__mro__[1].__name__)
print(Animal.__module__)
