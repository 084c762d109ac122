# Checks: the last line of a traceback for a user exception class defined in __main__ with no message.
class InventoryError(Exception):
    pass


class OutOfStock(InventoryError):
    pass


def take(stock, item):
    if stock.get(item, 0) == 0:
        raise OutOfStock
    stock[item] -= 1


take({"apple": 0}, "apple")
