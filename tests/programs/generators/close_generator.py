# Checks: generator.close raises GeneratorExit inside; finally blocks run; yielding in response is an error.
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


gen = with_cleanup()
print(next(gen))
gen.close()
print(next(gen, "closed"))
gen.close()


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


gen = catches_exit()
next(gen)
gen.close()


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


gen = stubborn()
next(gen)
try:
    gen.close()
except RuntimeError as error:
    print("RuntimeError:", error)
never_started = with_cleanup()
never_started.close()
print("never started closes quietly")
