# Checks: escaped braces, backslash escapes outside expressions, quotes inside expressions, multi-line f-strings.
value = 5
print(f"{{literal}} {{{value}}} {{{{double}}}}")
print(f"tab\there newline\\n {value}")
print(f'{"double quotes inside"}', f"{'single quotes inside'}")
print(f"""triple {value}
second line {value + 1}""")
print(rf"raw \n {value}", fr"{value}\d")
print(f"{value!r:>4}", f"{'x' * 3}", f"{'a' 'b'}")
