# Checks: site: run at start-up (sys.modules, builtins it installs), addsitedir with a .pth file's paths and import lines.
import os
import sys
import tempfile

print("site" in sys.modules, sys.flags.no_site)
import site

print(type(exit).__name__, type(quit).__name__, type(help).__name__, type(copyright).__name__)
print(str(exit), repr(quit))
print(isinstance(site.ENABLE_USER_SITE, (bool, type(None))), callable(site.getsitepackages))
with tempfile.TemporaryDirectory() as folder:
    os.mkdir(os.path.join(folder, "extra"))
    with open(os.path.join(folder, "demo.pth"), "w") as file:
        file.write("# a comment line\nextra\nmissing-folder\nimport sys; sys.pth_line_ran = True\n")
    before = list(sys.path)
    site.addsitedir(folder)
    added = [os.path.relpath(path, folder) for path in sys.path if path not in before]
    print(added, getattr(sys, "pth_line_ran", False))
    sys.path[:] = before
