# Checks: time.tzset() after a change of TZ updates the time module's timezone, altzone, daylight and tzname as the program sees them, as in CPython; found by python-dateutil's suite (pvm updated the host's copy of the module only).
import os
import time

saved = os.environ.get("TZ")
try:
    for zone in ("EST5", "GMT0", "JST-9", "EST+05EDT,M3.2.0,M11.1.0"):
        os.environ["TZ"] = zone
        time.tzset()
        print(zone, time.timezone, time.altzone, time.daylight, time.tzname,
              time.localtime(0).tm_hour)
finally:
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()
