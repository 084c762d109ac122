# Checks: zipfile: writing stored and deflated members to BytesIO with fixed dates, reading, infolist, Path, testzip, errors.
import io
import zipfile

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    archive.writestr(zipfile.ZipInfo("docs/readme.txt", date_time=(2024, 1, 2, 3, 4, 6)), "read me\n" * 10)
    info = zipfile.ZipInfo("data.bin", date_time=(2020, 5, 6, 7, 8, 10))
    info.compress_type = zipfile.ZIP_STORED
    archive.writestr(info, bytes(range(16)))
    archive.writestr(zipfile.ZipInfo("empty/", date_time=(2021, 1, 1, 0, 0, 0)), "")
    archive.comment = b"archive comment"
print(zipfile.is_zipfile(buffer), len(buffer.getvalue()))
with zipfile.ZipFile(buffer) as archive:
    print(archive.namelist(), archive.comment, archive.testzip())
    for member in archive.infolist():
        print(member.filename, member.date_time, member.compress_type, member.file_size, member.is_dir(), member.CRC)
    print(archive.read("data.bin"), archive.getinfo("docs/readme.txt").compress_size < 80)
    with archive.open("docs/readme.txt") as handle:
        print(handle.readline(), len(handle.read()))
    root = zipfile.Path(archive)
    print(sorted(entry.name for entry in root.iterdir()), (root / "docs" / "readme.txt").read_text()[:7])
    try:
        archive.read("missing")
    except KeyError as error:
        print("KeyError:", error)
with zipfile.ZipFile(buffer, "a") as archive:
    archive.writestr(zipfile.ZipInfo("added.txt", date_time=(2022, 2, 2, 2, 2, 2)), "new")
with zipfile.ZipFile(buffer) as archive:
    print(archive.namelist())
try:
    zipfile.ZipFile(io.BytesIO(b"not a zip"))
except zipfile.BadZipFile as error:
    print("BadZipFile:", error)
