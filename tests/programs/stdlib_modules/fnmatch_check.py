# Checks: fnmatch: fnmatch/fnmatchcase, filter, translate of shell patterns.
import fnmatch

names = ["data.csv", "Data.CSV", "notes.txt", "image01.png", "image1.png", "a[1].txt", "setup.py"]
for pattern in ("*.csv", "image??.png", "[!a-m]*", "*[0-9].png", "a[[]1].txt", "*.[tp][xy]*"):
    print(pattern, fnmatch.filter(names, pattern), [fnmatch.fnmatchcase(name, pattern) for name in names])
print(fnmatch.fnmatch("README", "readme"), fnmatch.fnmatchcase("README", "readme"))
for pattern in ("*.py", "a?c", "[!x]z", "[a-", "**/x", "[]]"):
    print(repr(fnmatch.translate(pattern)))
