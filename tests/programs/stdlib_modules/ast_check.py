# Checks: ast: parse, dump, NodeVisitor, NodeTransformer, unparse, literal_eval, compile of a tree.
import ast

source = "def add(a, b=2):\n    return a + b * 3\n\nx = add(1) if True else [i for i in range(3)]\n"
tree = ast.parse(source)
print(ast.dump(tree.body[0].body[0]))
print(ast.dump(ast.parse("x: int = 1"), include_attributes=False, indent=1))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))
        self.generic_visit(node)


visitor = Names()
visitor.visit(tree)
print(visitor.names)


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


doubled = ast.fix_missing_locations(Doubler().visit(ast.parse(source)))
print(ast.unparse(doubled))
namespace = {}
exec(compile(doubled, "<doubled>", "exec"), namespace)
print(namespace["x"], namespace["add"](5))
print(ast.literal_eval("{'a': (1, 2.5, -3j), 'b': [None, True, b'x'], 'c': {1, 2}}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as error:
    print("ValueError:", str(error).split(":")[0])
expression = ast.parse("1 + 2 * 3", mode="eval")
print(eval(compile(expression, "<e>", "eval")))
print([type(node).__name__ for node in ast.walk(ast.parse("f(x)[0]"))])
print(ast.get_docstring(ast.parse('"""Doc."""\nx = 1')))
node = tree.body[0]
print(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
print(ast.get_source_segment(source, node.body[0].value))
