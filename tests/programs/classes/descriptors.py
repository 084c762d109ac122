# Checks: data and non-data descriptors, precedence against instance dicts, __get__ with owner.
class NonData:
    def __get__(self, instance, owner):
        return f"non-data from {owner.__name__} ({'instance' if instance else 'class'})"


class Data:
    def __get__(self, instance, owner):
        if instance is None:
            return "data on class"
        return instance.__dict__.get("_data", "default")

    def __set__(self, instance, value):
        instance.__dict__["_data"] = value * 2

    def __delete__(self, instance):
        instance.__dict__.pop("_data", None)


class Holder:
    plain = NonData()
    managed = Data()


holder = Holder()
print(holder.plain, Holder.plain, holder.managed, Holder.managed)
holder.__dict__["plain"] = "instance wins over non-data"
holder.__dict__["managed"] = "instance loses to data"
print(holder.plain, holder.managed)
holder.managed = 21
print(holder.managed)
del holder.managed
print(holder.managed)
