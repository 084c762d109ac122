# Checks: compile, exec and eval inherit the caller's future features unless dont_inherit; compile's flags turn features on; code objects carry them in co_flags.
from __future__ import annotations

import __future__

exec("def inherited(x: undefined) -> also_undefined: pass")
print(inherited.__annotations__)
print(eval("(lambda: 0).__code__.co_flags") & __future__.annotations.compiler_flag)

code = compile("def kept(x: y): pass", "<flags>", "exec")
print(hex(code.co_flags), [hex(constant.co_flags) for constant in code.co_consts
                           if hasattr(constant, "co_flags")])
namespace = {}
exec(code, namespace)
print(namespace["kept"].__annotations__)

code = compile("def evaluated(x: int): pass", "<no inherit>", "exec", dont_inherit=True)
print(hex(code.co_flags))
exec(code, namespace)
print(namespace["evaluated"].__annotations__)
try:
    exec(compile("def fails(x: not_defined): pass", "<no inherit>", "exec", 0, True), {})
except NameError as error:
    print("NameError:", error)

flags = __future__.division.compiler_flag | __future__.generator_stop.compiler_flag
code = compile("x = 1", "<old features>", "exec", flags, dont_inherit=True)
print(hex(code.co_flags))
try:
    compile("x = 1", "<bad>", "exec", 0x2000000)
except ValueError as error:
    print("ValueError:", error)

# A string compiled in a function of this module inherits too.
def compile_in_a_function():
    return compile("def nested(x: missing): pass", "<function>", "exec").co_flags
print(hex(compile_in_a_function()))
