# Checks: comprehensions in class bodies see only their first iterable from the class scope.
class Table:
    columns = ["id", "name", "email"]
    widths = {column: len(column) for column in columns}
    upper = [column.upper() for column in columns]
    pairs = [(index, column) for index, column in enumerate(columns)]


print(Table.widths, Table.upper, Table.pairs)
