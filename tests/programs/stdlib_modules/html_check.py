# Checks: html: escape and unescape, named and numeric character references.
import html

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<b>'</b>", quote=False))
for text in ("&lt;p&gt;", "&amp;amp;", "&eacute;t&eacute;", "&#233;&#x263A;", "&notin; &notit;", "&copy2024", "&#0;", "&#x110000;", "&bogus;"):
    print(repr(text), repr(html.unescape(text)))
