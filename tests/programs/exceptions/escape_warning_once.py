# Checks: an invalid escape sequence warns once per compile, also when the code has a syntax error further on (the parser's error passes read the string again).
import warnings

for source in ("'\\e' $", "x = '\\q'\nif x:\n    y = (\n", "'\\e' + '\\d'", "'\\e'"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", category=DeprecationWarning)
        try:
            compile(source, "<escape>", "exec")
        except SyntaxError as error:
            print("SyntaxError:", error.msg, error.lineno)
    print(len(caught), [(str(item.message), item.lineno) for item in caught])
