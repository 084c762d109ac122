# Checks: name mangling of __private attributes inside classes.
class Account:
    def __init__(self):
        self.__balance = 100
        self._protected = 1

    def balance(self):
        return self.__balance

    def __secret(self):
        return "secret"

    def reveal(self):
        return self.__secret()


account = Account()
print(account.balance(), account.reveal(), sorted(vars(account)), account._Account__balance)
try:
    account.__balance
except AttributeError as error:
    print("AttributeError:", error)


class Sub(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as error:
            return f"AttributeError: {error}"


print(Sub().peek())
