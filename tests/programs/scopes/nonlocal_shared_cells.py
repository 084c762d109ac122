# Checks: several closures sharing one cell, modified from both sides.
def bank():
    balance = 100

    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError("insufficient funds")
        balance -= amount
        return balance

    def report():
        return f"balance={balance}"
    return deposit, withdraw, report


deposit, withdraw, report = bank()
print(deposit(50), withdraw(30), report())
try:
    withdraw(1000)
except ValueError as error:
    print(error, report())
