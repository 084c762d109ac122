# Checks: mimetypes: guess_type/guess_extension from the built-in table (no system files), add_type.
import mimetypes

database = mimetypes.MimeTypes(filenames=())
for name in ("page.html", "photo.JPG", "archive.tar.gz", "data.json", "script.py", "noext", "https://x.org/a.css?q=1", "doc.pdf"):
    print(name, database.guess_type(name))
print(database.guess_extension("application/json"), database.guess_extension("text/plain"), database.guess_extension("image/png"))
print(sorted(database.guess_all_extensions("image/jpeg")))
database.add_type("application/x-pvm", ".pvm")
print(database.guess_type("module.pvm"), database.guess_extension("application/x-pvm"))
print(database.guess_type("data:text/plain;base64,SGVsbG8="), database.guess_type("file.xyz", strict=False))
print(mimetypes.MimeTypes(filenames=()).guess_type("x.bz2"), mimetypes.MimeTypes(filenames=()).guess_type("x.rtf", strict=False))
