# Checks: matrix multiplication, transpose, determinant and identity with nested lists and Fractions.
import fractions


def multiply(a, b):
    return [[sum(x * y for x, y in zip(row, column)) for column in zip(*b)] for row in a]


def determinant(matrix):
    if len(matrix) == 1:
        return matrix[0][0]
    return sum((-1) ** column * matrix[0][column] *
               determinant([row[:column] + row[column + 1:] for row in matrix[1:]])
               for column in range(len(matrix)))


def inverse(matrix):
    size = len(matrix)
    augmented = [[fractions.Fraction(v) for v in row] + [fractions.Fraction(int(i == j)) for j in range(size)]
                 for i, row in enumerate(matrix)]
    for column in range(size):
        pivot = next(r for r in range(column, size) if augmented[r][column] != 0)
        augmented[column], augmented[pivot] = augmented[pivot], augmented[column]
        factor = augmented[column][column]
        augmented[column] = [v / factor for v in augmented[column]]
        for r in range(size):
            if r != column:
                scale = augmented[r][column]
                augmented[r] = [a - scale * b for a, b in zip(augmented[r], augmented[column])]
    return [row[size:] for row in augmented]


a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(multiply(a, b), [list(row) for row in zip(*a)], determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
print([[str(v) for v in row] for row in inverse([[2, 1], [7, 4]])])
print(multiply(a, inverse(a)) == [[1, 0], [0, 1]])
