# Checks: lists as stacks and queues; balanced bracket checking with a stack.
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in pairs:
            if not stack or stack.pop() != pairs[char]:
                return False
    return not stack


print([balanced(t) for t in ("()", "([]{})", "(]", "((", "", "{[()()]}", ")(")])
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
