# Checks: http.cookies: SimpleCookie output, attributes, parsing a Cookie header, quoting.
from http import cookies

jar = cookies.SimpleCookie()
jar["session"] = "abc123"
jar["session"]["path"] = "/"
jar["session"]["httponly"] = True
jar["session"]["max-age"] = 3600
jar["pref"] = 'dark; "mode"'
jar["pref"]["samesite"] = "Lax"
print(jar.output())
print(jar.output(attrs=["path"], header="Cookie:"))
print(jar["session"].OutputString(), jar["pref"].coded_value, jar["pref"].value)
print(jar.js_output().count("document.cookie"))
parsed = cookies.SimpleCookie('theme=light; lang="en-GB"; token="x\\073y"; Path=/docs')
print(sorted((key, morsel.value, morsel["path"]) for key, morsel in parsed.items()))
print(len(cookies.SimpleCookie("bad name=1; good=2")))
try:
    jar["session"]["unknown"] = 1
except cookies.CookieError as error:
    print("CookieError:", error)
morsel = cookies.Morsel()
morsel.set("k", "v", "v")
print(repr(morsel), morsel.isReservedKey("expires"))
