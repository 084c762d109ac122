# Checks: html.parser: a HTMLParser subclass sees tags, attributes, data, comments, entities, declarations.
from html.parser import HTMLParser


class Recorder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("data", data.strip()))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_entityref(self, name):
        self.events.append(("entity", name))

    def handle_charref(self, name):
        self.events.append(("charref", name))

    def handle_decl(self, declaration):
        self.events.append(("decl", declaration))

    def handle_pi(self, data):
        self.events.append(("pi", data))


document = """<!DOCTYPE html>
<html><head><title>Test &amp; page</title></head>
<body class="main" data-x='1'><!-- a comment -->
<p id=first>Hello <b>world</b>&#33; &copy;</p><br/><img src="a.png" alt>
<?php echo 1 ?><script>if (a < b) { x = "</p>"; }</script>
</body></html>"""
parser = Recorder()
parser.feed(document[:40])
parser.feed(document[40:])
parser.close()
for event in parser.events:
    print(event)
print(parser.getpos())


class Texts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_data(self, data):
        self.texts.append(data)


texts = Texts()
texts.feed("<p>caf&eacute; &lt;3 &#x41;</p>")
texts.close()
print(texts.texts)
