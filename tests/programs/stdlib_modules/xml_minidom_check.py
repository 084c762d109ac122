# Checks: xml.dom.minidom: parseString, DOM traversal, attributes, building documents, toprettyxml, errors.
import xml.dom.minidom
from xml.parsers.expat import ExpatError

document = xml.dom.minidom.parseString('<root a="1"><item n="x">first</item><item n="y">second<!-- c --></item><empty/></root>')
root = document.documentElement
print(root.tagName, root.getAttribute("a"), root.hasAttribute("b"), len(root.childNodes))
items = document.getElementsByTagName("item")
print([(item.getAttribute("n"), item.firstChild.data) for item in items], items[1].lastChild.nodeType == items[1].COMMENT_NODE)
new_document = xml.dom.minidom.Document()
top = new_document.createElement("catalog")
new_document.appendChild(top)
for index, name in enumerate(["apple", "pear & plum"]):
    entry = new_document.createElement("entry")
    entry.setAttribute("index", str(index))
    entry.appendChild(new_document.createTextNode(name))
    top.appendChild(entry)
top.appendChild(new_document.createComment("end"))
print(new_document.toxml())
print(new_document.toprettyxml(indent="  "))
print(top.toprettyxml(indent="\t", newl="|"))
top.removeChild(top.firstChild)
print(top.toxml(), top.firstChild.attributes.items(), top.childNodes.length)
clone = top.cloneNode(deep=True)
print(clone.toxml() == top.toxml(), clone.parentNode, document.getElementsByTagName("empty")[0].toxml())
try:
    xml.dom.minidom.parseString("<a><b></a>")
except ExpatError as error:
    print("ExpatError:", error)
document.unlink()
