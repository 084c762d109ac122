# Checks: the __class__ cell in methods, self.__class__, and assigning __class__.
class Animal:
    def kind(self):
        return __class__.__name__, self.__class__.__name__, type(self).__name__


class Dog(Animal):
    def speak(self):
        return "woof"


class Cat(Animal):
    def speak(self):
        return "meow"


pet = Dog()
print(pet.kind(), pet.speak())
pet.__class__ = Cat
print(pet.kind(), pet.speak(), isinstance(pet, Cat))
