# Checks: dataclasses get __match_args__ automatically; keyword patterns on any attribute.
import dataclasses


@dataclasses.dataclass
class User:
    name: str
    role: str = "guest"
    active: bool = True


def greet(user):
    match user:
        case User(name, "admin"):
            return f"welcome, administrator {name}"
        case User(name, active=False):
            return f"{name} is inactive"
        case User(name=name):
            return f"hello {name}"


print(User.__match_args__)
print([greet(u) for u in (User("ada", "admin"), User("bob", active=False), User("cy"))])
