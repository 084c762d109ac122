# Checks: methods retrieved from the class are plain functions; staticmethod is callable directly.
class Tool:
    def use(self, x):
        return ("use", x)

    @staticmethod
    def helper(x):
        return ("helper", x)


print(Tool.use(Tool(), 1), Tool.helper(2), Tool().helper(3))
method = Tool.use
print(method(None, 4), callable(Tool.helper))
print(Tool.__dict__["helper"](5))
