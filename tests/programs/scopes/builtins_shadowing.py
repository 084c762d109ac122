# Checks: module globals shadow builtins; deleting the global reveals the builtin again.
import builtins


def len(value):
    return "shadowed"


print(len([1, 2]), builtins.len([1, 2]))
del len
print(len([1, 2]))


def local_shadow():
    print = lambda *args: builtins.print("local print:", *args)
    print("hello")


local_shadow()
print("builtin print")
