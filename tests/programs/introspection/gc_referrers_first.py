# Checks: gc.get_referrers() as the program's first call into gc finds the referrers start-up made (posixpath's namespace, sys's) and the program's, and the freeze count stays 0.
import gc
import posixpath
import sys

table = {"join": posixpath.join}
print("posixpath's namespace:",
      any(item is vars(posixpath) for item in gc.get_referrers(posixpath.join)))
print("the program's dict:", any(item is table for item in gc.get_referrers(posixpath.join)))
print("sys's namespace:", any(item is vars(sys) for item in gc.get_referrers(sys.path)))
print("freeze count", gc.get_freeze_count())
