# Checks: eval() of bytes honours a UTF-8 BOM and a coding declaration as CPython's does (the bytes are compiled as bytes), strips leading blanks, and refuses other types; found by test_builtin.
a = 1
print(eval(b'\xef\xbb\xbfa'), eval(bytearray(b'  a + 1')), eval('\t a'))
print(repr(eval(b'# -*- coding: latin-1 -*-\n"\xe5"')))
print(repr(eval('"\xe5"')))
try:
    eval(3)
except TypeError as error:
    print(error)
try:
    eval(b'\xef\xbb\xbf\xff')
except SyntaxError as error:
    print(type(error).__name__)
