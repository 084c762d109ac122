# Checks: non-ASCII strings, escapes, raw strings, identifiers.
café = "naïve ☕ 日本"
print(café, len(café), café.upper(), café.encode("utf-8"))
print("\u00e9", "\N{GREEK SMALL LETTER ALPHA}", "\U0001F600".encode("utf-8"), "\x41\101")
print(r"raw\n", len(r"\n"), "tab\tend", repr("\a\b\f\v"))
print("".join(sorted("αβγabc")), "ÅÄÖ".lower(), "ǅ".istitle(), "١٢٣".isdigit(), int("١٢٣"))
print("""triple
quoted""", '''another
one''')
print("concatenated" " implicitly", "x" 'y' """z""")
