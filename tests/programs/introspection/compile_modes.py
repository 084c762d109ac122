# Checks: compile() in exec, eval and single modes; code object attributes; syntax errors from compile.
module_code = compile("a = 3\nb = a * 2", "<module>", "exec")
namespace = {}
exec(module_code, namespace)
print(namespace["b"], module_code.co_filename, module_code.co_name)
expression = compile("b + 1", "<expr>", "eval")
print(eval(expression, namespace))
single = compile("b * 100", "<single>", "single")
exec(single, namespace)
try:
    compile("def broken(:\n", "<broken>", "exec")
except SyntaxError as error:
    print("SyntaxError:", error.msg, error.filename, error.lineno)
try:
    compile("x = 1", "<x>", "eval")
except SyntaxError as error:
    print("SyntaxError:", error.msg)
import ast
tree = ast.parse("print('from an AST', 1 + 1)")
exec(compile(tree, "<ast>", "exec"))
