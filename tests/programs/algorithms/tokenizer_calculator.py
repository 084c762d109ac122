# Checks: a recursive-descent calculator with a regex tokenizer and error reporting.
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")


def tokenize(text):
    for number, operator in TOKEN.findall(text):
        yield ("number", float(number)) if number else ("op", operator)
    yield ("end", None)


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.advance()

    def advance(self):
        self.kind, self.value = next(self.tokens)

    def expression(self):
        result = self.term()
        while self.kind == "op" and self.value in "+-":
            operator = self.value
            self.advance()
            result = result + self.term() if operator == "+" else result - self.term()
        return result

    def term(self):
        result = self.factor()
        while self.kind == "op" and self.value in "*/":
            operator = self.value
            self.advance()
            result = result * self.factor() if operator == "*" else result / self.factor()
        return result

    def factor(self):
        if self.kind == "number":
            value = self.value
            self.advance()
            return value
        if self.kind == "op" and self.value == "-":
            self.advance()
            return -self.factor()
        if self.kind == "op" and self.value == "(":
            self.advance()
            value = self.expression()
            if self.value != ")":
                raise SyntaxError("expected )")
            self.advance()
            return value
        raise SyntaxError(f"unexpected {self.value!r}")


for text in ("1 + 2 * 3", "(1 + 2) * 3", "-4 / (2 - 4)", "2 * (3 + ", "7 / 0"):
    try:
        print(text, "=", Parser(text).expression())
    except (SyntaxError, ZeroDivisionError) as error:
        print(text, "->", type(error).__name__, error)
