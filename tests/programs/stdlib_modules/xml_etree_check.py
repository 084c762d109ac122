# Checks: xml.etree.ElementTree: parse, find/findall/XPath subset, iter, build and serialize, namespaces, errors.
import io
import xml.etree.ElementTree as ElementTree

document = """<?xml version="1.0"?>
<library xmlns:ex="http://example.org/ex">
  <book id="1" lang="en"><title>Dune</title><year>1965</year><ex:note>classic</ex:note></book>
  <book id="2"><title>Neuromancer</title><year>1984</year></book>
  <magazine id="3"><title>Byte</title></magazine>
</library>"""
root = ElementTree.fromstring(document)
print(root.tag, len(root), [child.tag for child in root], root.attrib)
print([book.get("id") for book in root.findall("book")], root.find("book/title").text, root.findtext("book[2]/year"))
print([element.text for element in root.iter("title")], [book.get("id") for book in root.findall(".//*[@lang='en']")])
print(root.find("book/{http://example.org/ex}note").text, root.find("book/ex:note", {"ex": "http://example.org/ex"}).tag)
print([element.tag for element in root.findall("./book[year='1984']")], root.find("missing"), root.findtext("missing", "default"))
new = ElementTree.SubElement(root, "book", id="4")
ElementTree.SubElement(new, "title").text = "Snow & Crash <1992>"
root.remove(root.find("magazine"))
root[0].set("lang", "fr")
print(ElementTree.tostring(new, encoding="unicode"))
built = ElementTree.Element("config", version="2")
for name, value in (("alpha", "1"), ("beta", "2")):
    option = ElementTree.SubElement(built, "option", name=name)
    option.text = value
ElementTree.indent(built)
print(ElementTree.tostring(built, encoding="unicode"))
tree = ElementTree.ElementTree(built)
output = io.BytesIO()
tree.write(output, encoding="utf-8", xml_declaration=True)
print(output.getvalue())
events = [(event, element.tag) for event, element in ElementTree.iterparse(io.BytesIO(b"<a><b/><c>t</c></a>"), events=("start", "end"))]
print(events)
parser = ElementTree.XMLPullParser(["end"])
parser.feed("<x><y>1</y>")
print([element.tag for _, element in parser.read_events()])
print(ElementTree.tostring(ElementTree.fromstring("<p>a<b>b</b>c</p>"), method="text"))
print(ElementTree.canonicalize("<r  b='2' a='1'><e/></r>"))
try:
    ElementTree.fromstring("<unclosed><tag></unclosed>")
except ElementTree.ParseError as error:
    print("ParseError:", error, error.position)
