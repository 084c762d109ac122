# Checks: pathlib: pure paths (parts, suffixes, joins, relative_to, match) and concrete file operations in a temp dir.
import pathlib
import tempfile

pure = pathlib.PurePosixPath("/srv/www/site/index.tar.gz")
print(pure.parts, pure.parent, pure.name, pure.suffix, pure.suffixes, pure.stem, pure.anchor)
print(pure.with_suffix(".zip"), pure.with_name("x.txt"), pure.with_stem("main"), list(pure.parents)[:2])
print(pure.relative_to("/srv"), pure.is_relative_to("/etc"), pure.match("*.gz"), pure.match("/srv/*/*/*.gz"))
print(pathlib.PurePosixPath("a") / "b" / "../c", pathlib.PurePath("a", "/b", "c"), pathlib.PureWindowsPath(r"C:\x\y.txt").parts)
print(pathlib.PurePosixPath("a/b") == pathlib.PurePosixPath("a//b/"), sorted([pathlib.PurePosixPath("b"), pathlib.PurePosixPath("a")]))
print(repr(pathlib.PurePosixPath("x/y")), pathlib.PurePosixPath("x/y").as_posix(), pathlib.PurePosixPath("/a").is_absolute())
try:
    pure.relative_to("/etc")
except ValueError as error:
    print("ValueError:", error)
with tempfile.TemporaryDirectory() as folder:
    root = pathlib.Path(folder)
    (root / "docs" / "deep").mkdir(parents=True)
    (root / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    (root / "docs" / "deep" / "b.md").write_text("# B\nline\n", encoding="utf-8")
    (root / "data.bin").write_bytes(b"\x01\x02")
    print(sorted(path.relative_to(root).as_posix() for path in root.rglob("*")))
    print(sorted(path.name for path in root.glob("docs/*.md")), (root / "docs").is_dir(), (root / "data.bin").is_file())
    print((root / "docs" / "deep" / "b.md").read_text(encoding="utf-8").splitlines(), (root / "data.bin").stat().st_size)
    renamed = (root / "data.bin").rename(root / "renamed.bin")
    print(renamed.name, renamed.exists(), (root / "data.bin").exists())
    with (root / "docs" / "a.md").open("a") as file:
        file.write("more\n")
    print((root / "docs" / "a.md").read_text().count("\n"), renamed.resolve() == renamed.resolve().absolute())
    renamed.unlink()
    (root / "empty").mkdir()
    (root / "empty").rmdir()
    print(sorted(path.name for path in root.iterdir()))
    try:
        (root / "missing.txt").read_text()
    except FileNotFoundError as error:
        print("FileNotFoundError:", error.strerror)
    try:
        (root / "docs").mkdir()
    except FileExistsError as error:
        print("FileExistsError:", error.errno)
print(pathlib.Path("relative/x").is_absolute(), pathlib.Path.cwd().is_absolute())
