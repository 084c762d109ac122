# Checks: a traceback through an imported helper module shows both files.
import calculator

print(calculator.safe_divide(6, 3))
print(calculator.divide(1, 0))
