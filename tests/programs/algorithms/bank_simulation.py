# Checks: a small object-oriented simulation: accounts, transfers, exceptions and history.
class InsufficientFunds(Exception):
    pass


class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.number}, {self.owner}, {self.balance})"


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, owner, balance=0):
        account = Account(owner, balance)
        self.accounts[account.number] = account
        return account

    def transfer(self, source, target, amount):
        source.withdraw(amount)
        target.deposit(amount)


bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
bank.transfer(alice, bob, 30)
for attempt in ((bob, alice, 500), (alice, bob, -5)):
    try:
        bank.transfer(*attempt)
    except (InsufficientFunds, ValueError) as error:
        print(type(error).__name__, error)
print(list(bank.accounts.values()), alice.history, bob.history)
