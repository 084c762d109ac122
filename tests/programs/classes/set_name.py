# Checks: __set_name__ is called on class attributes when the class is created.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return getattr(instance, self.private, "unset")

    def __set__(self, instance, value):
        setattr(instance, self.private, value)


class Person:
    name = Field()
    age = Field()


person = Person()
print(person.name)
person.name = "Ada"
person.age = 36
print(person.name, person.age, Person.name.name, person.__dict__)
