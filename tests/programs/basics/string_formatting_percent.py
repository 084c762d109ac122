# Checks: printf-style % formatting.
print("%d %i %o %x %X %e %E %f %g %G %c %r %s %%" % (42, -3, 8, 255, 255, 1234.5, 0.001, 3.14159, 1e-10, 1e20, 65, "r", "s"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.3s|%10.2f|%-10s|%*d" % ("abcdef", 3.14159, "left", 6, 7))
print("%(name)s is %(age)d" % {"name": "Ada", "age": 36})
print("%s" % (1, ), "%s" % [1, 2], "%s %s" % ("a", (1, 2)))
print(b"%d bytes %s" % (3, b"raw"))
try:
    "%d" % "x"
except TypeError as error:
    print("TypeError:", error)
try:
    "%s %s" % ("only one",)
except TypeError as error:
    print("TypeError:", error)
