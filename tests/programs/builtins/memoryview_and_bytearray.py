# Checks: memoryview slicing and writing through to a bytearray; cast and tolist.
data = bytearray(b"abcdef")
view = memoryview(data)
view[0] = ord("A")
view[2:4] = b"CD"
print(data, view[1], bytes(view[::2]), view.nbytes, view.readonly)
numbers = bytearray(range(8))
print(memoryview(numbers).cast("H").tolist(), memoryview(b"xy").tobytes())
view.release()
try:
    view[0]
except ValueError as error:
    print("ValueError:", error)
