# Checks: a for loop discards the generator's return value; yield inside try/finally in a loop with continue.
def produce():
    for index in range(4):
        try:
            if index == 1:
                continue
            yield index
        finally:
            print("finally for", index)
    return "ignored by for"


for value in produce():
    print("got", value)
print(list(produce()))
