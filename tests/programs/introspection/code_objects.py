# Checks: co_* attributes of code objects that describe the function's shape.
def sample(a, b, /, c, *args, d, **kwargs):
    local = a + b

    def inner():
        return local
    return inner


code = sample.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames[:6], code.co_cellvars, sample(1, 2, 3, d=4).__code__.co_freevars)
print(code.co_filename == __file__, code.co_firstlineno)
