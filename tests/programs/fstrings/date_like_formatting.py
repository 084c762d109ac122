# Checks: f-strings with datetime objects (fixed dates) and their format specs.
import datetime

moment = datetime.datetime(2024, 2, 29, 13, 5, 9)
print(f"{moment}")
print(f"{moment:%Y-%m-%d %H:%M:%S}")
print(f"{moment:%A %d %B %Y}")
print(f"{moment.date()!r}")
delta = datetime.timedelta(days=1, hours=2, minutes=3)
print(f"{delta} {moment + delta:%j} {(moment - datetime.datetime(2024, 1, 1)).days}")
