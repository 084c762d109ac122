# Checks: textwrap: wrap/fill options, shorten, dedent/indent, TextWrapper attributes.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill("supercalifragilisticexpialidocious word", width=10))
print(textwrap.fill("supercalifragilisticexpialidocious word", width=10, break_long_words=False))
print(textwrap.shorten(text, width=40), textwrap.shorten("Hello  world!", width=12), textwrap.shorten(text, 30, placeholder=" [...]"))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.dedent("\ta\n  b")))
print(textwrap.indent("one\n\ntwo\n", "> "), end="")
print(textwrap.indent("one\n\ntwo\n", "+ ", predicate=lambda line: True), end="")
wrapper = textwrap.TextWrapper(width=20, max_lines=2, placeholder="...", expand_tabs=True, tabsize=4)
print(wrapper.wrap("a\tb c d e f g h i j k l m n o p"), wrapper.fix_sentence_endings)
print(textwrap.wrap("first.  Second sentence here", width=15, fix_sentence_endings=True, drop_whitespace=False))
print(textwrap.wrap("hy-phen-ated-words-everywhere", width=8), textwrap.wrap("", width=5))
try:
    textwrap.wrap("x", width=0)
except ValueError as error:
    print("ValueError:", error)
