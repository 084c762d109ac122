# Checks: a class made by calling type() or a metaclass names the calling module in __module__, and the namespace passed stays as it was.
import abc
import types

namespace = {}
Plain = type("Plain", (), namespace)
print(Plain.__module__, namespace)


class Meta(type):
    def __new__(mcls, name, bases, body):
        return super().__new__(mcls, name, bases, body)


class MetaWithKeywords(type):
    def __new__(mcls, name, bases, body, **keywords):
        return super().__new__(mcls, name, bases, body, **keywords)


print(Meta("ByMeta", (), {}).__module__)
print(MetaWithKeywords("ByKeywords", (), {}).__module__)
print(abc.ABCMeta("ByABCMeta", (), {}).__module__)
print(types.new_class("ByNewClass").__module__)
print(type("Named", (), {"__module__": "elsewhere"}).__module__)
