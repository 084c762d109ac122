# Checks: for/while loops with else, break, continue, nested loops.
for n in range(2, 20):
    for divisor in range(2, n):
        if n % divisor == 0:
            break
    else:
        print(n, "is prime")
count = 0
while count < 5:
    count += 1
    if count == 2:
        continue
    print("count", count)
else:
    print("while finished normally")
while True:
    count -= 1
    if count < 2:
        break
else:
    print("never printed")
print("after", count)
for item in []:
    print("never")
else:
    print("empty for runs else")
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
