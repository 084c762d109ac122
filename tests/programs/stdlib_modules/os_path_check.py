# Checks: os.path: pure path manipulation (join, split, normpath, relpath, common paths) and a few file queries.
import os
import os.path
import posixpath
import tempfile

print(os.path is posixpath, os.path.join("a", "b", "/c", "d"), os.path.join("a/", "", "b"))
print(os.path.split("/usr/lib/python3.11/os.py"), os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("dir/file.txt"), os.path.dirname("dir/sub/file.txt"), os.path.dirname("file"))
print(os.path.normpath("/a//b/./c/../d/"), os.path.normpath(""), os.path.normpath("../../x/./y"))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("x/y", "x"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.commonprefix(["interview", "internet", "interval"]), os.path.commonpath(["/usr/lib", "/usr/local/lib"]))
print(os.path.splitdrive("/x/y"), os.path.normcase("MiXeD"), os.path.expandvars("$NO_SUCH_VARIABLE_PVM/x"))
print(os.path.expanduser("relative"), os.path.sep, os.path.extsep, os.path.curdir, os.path.pardir)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "file.txt")
    with open(path, "w") as file:
        file.write("12345")
    link = os.path.join(folder, "link")
    os.symlink(path, link)
    print(os.path.exists(path), os.path.isfile(path), os.path.isdir(folder), os.path.getsize(path))
    print(os.path.islink(link), os.path.realpath(link) == os.path.realpath(path), os.path.lexists(link))
    print(os.path.samefile(path, link), os.path.exists(os.path.join(folder, "nope")), os.path.ismount("/"))
    print(os.path.relpath(path, folder), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
try:
    os.path.commonpath(["/a", "b"])
except ValueError as error:
    print("ValueError:", error)
try:
    os.path.join("a", 1)
except TypeError as error:
    print("TypeError:", error)
