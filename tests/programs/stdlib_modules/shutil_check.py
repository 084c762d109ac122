# Checks: shutil: copy/copytree/move/rmtree, make_archive/unpack_archive, which, disk-free-less helpers, in a temp dir.
import os
import shutil
import tempfile


def listing(root):
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            found.append(os.path.relpath(os.path.join(folder, name), root))
    return found


with tempfile.TemporaryDirectory() as folder:
    source = os.path.join(folder, "source")
    os.makedirs(os.path.join(source, "sub"))
    for relative in ("a.txt", "b.log", "sub/c.txt"):
        with open(os.path.join(source, relative), "w") as file:
            file.write(relative * 3)
    copied = shutil.copy(os.path.join(source, "a.txt"), os.path.join(folder, "copy.txt"))
    print(os.path.basename(copied), open(copied).read())
    shutil.copytree(source, os.path.join(folder, "tree"), ignore=shutil.ignore_patterns("*.log"))
    print(listing(os.path.join(folder, "tree")))
    shutil.move(os.path.join(folder, "tree", "sub"), os.path.join(folder, "moved"))
    print(listing(folder))
    archive = shutil.make_archive(os.path.join(folder, "bundle"), "zip", root_dir=source)
    print(os.path.basename(archive))
    shutil.unpack_archive(archive, os.path.join(folder, "unpacked"))
    print(listing(os.path.join(folder, "unpacked")))
    tar = shutil.make_archive(os.path.join(folder, "bundle"), "gztar", root_dir=source, base_dir="sub")
    shutil.unpack_archive(tar, os.path.join(folder, "from_tar"))
    print(os.path.basename(tar), listing(os.path.join(folder, "from_tar")))
    shutil.rmtree(os.path.join(folder, "tree"))
    print(sorted(os.listdir(folder)))
    shutil.copyfileobj(open(os.path.join(source, "b.log"), "rb"), open(os.path.join(folder, "obj"), "wb"), length=4)
    print(open(os.path.join(folder, "obj")).read())
    try:
        shutil.copytree(source, os.path.join(folder, "moved"))
    except FileExistsError as error:
        print("FileExistsError:", error.errno)
    errors = []
    shutil.rmtree(os.path.join(folder, "does-not-exist"), onerror=lambda *arguments: errors.append(arguments[2][0].__name__))
    print(errors)
print(shutil.which("sh") is not None, shutil.which("no-such-program-pvm"), sorted(name for name, _ in shutil.get_archive_formats()))
print(shutil.get_terminal_size((80, 24)).columns > 0, os.path.basename(shutil.which("python3")).startswith("python"))
