# Checks: a tiny stack-machine interpreter with a dispatch table of methods and labels.
class Machine:
    def __init__(self, program):
        self.program = program
        self.stack = []
        self.pc = 0
        self.output = []
        self.labels = {arg: i for i, (op, arg) in enumerate(program) if op == "label"}

    def run(self):
        while self.pc < len(self.program):
            op, arg = self.program[self.pc]
            self.pc += 1
            getattr(self, "op_" + op)(arg)
        return self.output

    def op_push(self, value):
        self.stack.append(value)

    def op_add(self, _):
        b, a = self.stack.pop(), self.stack.pop()
        self.stack.append(a + b)

    def op_dup(self, _):
        self.stack.append(self.stack[-1])

    def op_print(self, _):
        self.output.append(self.stack[-1])

    def op_label(self, _):
        pass

    def op_jump_if_less(self, target):
        limit = self.stack.pop()
        if self.stack[-1] < limit:
            self.pc = self.labels[target]


program = [("push", 1), ("label", "loop"), ("print", None), ("dup", None), ("add", None),
           ("push", 100), ("jump_if_less", "loop"), ("print", None)]
print(Machine(program).run())
