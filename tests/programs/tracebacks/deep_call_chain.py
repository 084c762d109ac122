# Checks: a traceback through several function calls, methods and a lambda.
class Parser:
    def parse(self, text):
        return self.convert(text.split(","))

    def convert(self, parts):
        return list(map(lambda part: int(part.strip()), parts))


def main():
    parser = Parser()
    print(parser.parse("1, 2, 3"))
    print(parser.parse("4, five"))


main()
