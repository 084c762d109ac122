# Checks: quopri: quoted-printable encoding and decoding of bytes, headers mode, file objects.
import io
import quopri

text = "Grüße, café = 100% sure!\ttab \nline two   \n".encode("utf-8")
encoded = quopri.encodestring(text)
print(encoded, quopri.decodestring(encoded) == text)
print(quopri.encodestring(b"hello world_x", header=True), quopri.decodestring(b"hello_world=3F", header=True))
print(quopri.encodestring(b"x" * 100), quopri.encodestring(b"trailing space \n", quotetabs=True))
output = io.BytesIO()
quopri.encode(io.BytesIO(b"a=b\n"), output, quotetabs=False)
decoded = io.BytesIO()
quopri.decode(io.BytesIO(output.getvalue()), decoded)
print(output.getvalue(), decoded.getvalue(), quopri.decodestring(b"soft=\nbreak =ZZ"))
