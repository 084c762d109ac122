# Checks: traceback markers for an IndexError in a chained subscript expression.
matrix = [[1, 2], [3, 4]]
row = 1
column = 5
value = matrix[row][column]
