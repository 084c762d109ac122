# Checks: datetime: dates, times, timedeltas, arithmetic, formatting, parsing, fixed-offset time zones.
import datetime

day = datetime.date(2024, 2, 28)
print(day, day + datetime.timedelta(days=2), day.weekday(), day.isocalendar(), day.toordinal())
print(day.replace(day=1).strftime("%A %d %B %Y"), datetime.date.fromisoformat("2023-12-31").ctime())
moment = datetime.datetime(2024, 3, 10, 14, 30, 5, 123456)
print(moment.isoformat(), moment.isoformat(sep=" ", timespec="milliseconds"), repr(moment))
print(moment.strftime("%Y-%m-%dT%H:%M:%S.%f %j %U %p"), moment.date(), moment.time())
print(datetime.datetime.strptime("05/06/2021 07:08", "%d/%m/%Y %H:%M"))
delta = datetime.timedelta(days=1, hours=25, minutes=-30, microseconds=5)
print(delta, repr(delta), delta.total_seconds(), -delta, delta // 3, delta / datetime.timedelta(hours=1))
paris = datetime.timezone(datetime.timedelta(hours=1), "CET")
aware = datetime.datetime(2024, 1, 1, 12, tzinfo=paris)
print(aware, aware.astimezone(datetime.timezone.utc), aware.utcoffset(), aware.tzname())
print(aware.timestamp(), datetime.datetime.fromtimestamp(0, datetime.timezone.utc))
print(datetime.datetime.fromisoformat("2024-05-06T07:08:09+02:00"))
print(datetime.time(23, 59, 59, 999999).isoformat(), datetime.time(1, 2) < datetime.time(1, 3))
print(moment - datetime.datetime(2024, 1, 1), sorted([day, datetime.date(2020, 1, 1)]))
print(datetime.date.min, datetime.date.max, datetime.timedelta.resolution)
try:
    datetime.date(2023, 2, 29)
except ValueError as error:
    print("ValueError:", error)
try:
    aware - moment
except TypeError as error:
    print("TypeError:", error)


class Weekend(datetime.tzinfo):
    def utcoffset(self, moment):
        return datetime.timedelta(hours=-5)

    def dst(self, moment):
        return datetime.timedelta(0)

    def tzname(self, moment):
        return "EST-ish"


print(datetime.datetime(2024, 6, 1, 8, tzinfo=Weekend()).astimezone(datetime.timezone.utc))
print(datetime.datetime(2024, 6, 1, 8, tzinfo=Weekend()).strftime("%Z %z"))
