# Checks: platform: version queries consistent with sys and os.uname, parsing helpers.
import os
import platform
import sys

print(platform.python_version_tuple()[:2], platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.system() == os.uname().sysname, platform.machine() == os.uname().machine, platform.node() == os.uname().nodename)
print(platform.release() == os.uname().release, platform.uname()._fields, platform.architecture()[0])
print(platform.python_implementation(), platform.python_branch() is not None)
print(platform.libc_ver()[0], platform.platform(terse=True).startswith(platform.system()))
print(platform._comparable_version("3.10.2") > platform._comparable_version("3.9"), platform.system_alias("Linux", "5", "x"))
