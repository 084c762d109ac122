# Checks: urllib.parse: urlparse/urlsplit, urljoin, query strings, quoting, urlencode, defrag, netloc properties.
from urllib import parse

url = "https://user:pw@Example.com:8443/path/to;params/page.html?q=1&q=2&x=a%20b#frag"
parts = parse.urlparse(url)
print(parts)
print(parts.hostname, parts.port, parts.username, parts.password, parts.netloc, parts.geturl() == url)
print(parse.urlsplit("http://[::1]:80/a?b#c"), parse.urlsplit("http://[::1]:80/a").hostname)
print(parse.urlunparse(("ftp", "host", "/p", "", "a=1", "")), parse.urlunsplit(("s", "n", "/p", "q", "f")))
for relative in ("other.html", "../up", "/root", "//cdn.example.org/x", "?only=query", "#only-frag", "https://abs/"):
    print(relative, parse.urljoin("http://a/b/c/d;p?q", relative))
print(parse.parse_qs("a=1&a=2&b=&c=x+y", keep_blank_values=True), parse.parse_qsl("k=v&k2=%41"))
print(parse.urlencode({"q": "café au lait", "n": 5, "list": ["a", "b"]}, doseq=True), parse.urlencode([("a", "&=")]))
print(parse.quote("a b/c?d=é"), parse.quote("/a b", safe=""), parse.quote_plus("a b&c"), parse.quote(b"\xff"))
print(parse.unquote("a%20b%C3%A9"), parse.unquote_plus("a+b%2B"), parse.unquote_to_bytes("%FF%00"))
print(parse.urldefrag("http://x/y#z"), parse.urlparse("mailto:a@b.c"))
try:
    parse.urlsplit("http://[::1/")
except ValueError as error:
    print("ValueError:", error)
try:
    parse.urlparse("http://host:notaport/").port
except ValueError as error:
    print("ValueError:", error)
