# Checks: complex arithmetic, attributes, repr and conjugate.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, abs(z), -z, z.conjugate())
print(z.real, z.imag, z == complex(3, 4), z ** 2, 1j ** 2)
print(complex("1+2j"), complex(0, 0), complex(-0.0, 1), repr(2j), 0j == 0)
print((1 + 2j) * 1.5, 2 - 1j + 1, hash(3 + 0j) == hash(3))
try:
    z < w
except TypeError as error:
    print("TypeError:", error)
