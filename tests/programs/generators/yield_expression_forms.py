# Checks: yield as expression in assignments, arguments, conditionals and bare yield.
def forms():
    a = yield
    b = (yield a) + 1
    c = [(yield b), (yield "second in list")]
    print("c is", c)
    d = yield from [10, 20]
    print("d is", d)
    yield (yield "nested") * 2


gen = forms()
print(next(gen))
print(gen.send(5))
print(gen.send(41))
print(gen.send("x"))
print(gen.send("y"))
print(next(gen))
print(next(gen))
print(gen.send(21))
print(list(gen))
