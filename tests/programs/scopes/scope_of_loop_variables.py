# Checks: loop variables leak after loops; comprehension variables do not.
for i in range(3):
    pass
print(i)
squares = [j * j for j in range(4)]
try:
    print(j)
except NameError as error:
    print("NameError:", error)
k = "before"
result = [k for k in range(2)]
print(k, result)
with open(__file__) as handle:
    pass
print(handle.closed)
try:
    raise ValueError("x")
except ValueError as caught:
    pass
try:
    print(caught)
except NameError as error:
    print("NameError:", error)
