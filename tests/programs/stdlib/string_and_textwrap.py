# Checks: string.Template, string constants, textwrap fill/dedent/shorten.
import string
import textwrap

template = string.Template("$name owes $$${amount}")
print(template.substitute(name="ada", amount=10), template.safe_substitute(name="bob"))
print(string.ascii_lowercase, string.digits, string.punctuation[:5], string.capwords("hello big world"))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.dedent("""\
    indented
      more
    back"""))
print(textwrap.shorten("Hello   there  general kenobi", width=20), textwrap.indent("a\nb", "> "))
