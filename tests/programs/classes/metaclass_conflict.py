# Checks: metaclass conflicts raise TypeError; derived metaclasses are chosen automatically.
class MetaA(type):
    pass


class MetaB(type):
    pass


class A(metaclass=MetaA):
    pass


class B(metaclass=MetaB):
    pass


try:
    class C(A, B):
        pass
except TypeError as error:
    print("TypeError:", error)


class MetaC(MetaA, MetaB):
    pass


class D(A, B, metaclass=MetaC):
    pass


class E(D):
    pass


print(type(D).__name__, type(E).__name__)
