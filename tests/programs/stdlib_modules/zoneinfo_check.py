# Checks: zoneinfo: ZoneInfo from the system database, UTC offsets across DST changes, fold, conversions, errors.
import datetime
import zoneinfo

new_york = zoneinfo.ZoneInfo("America/New_York")
for month in (1, 7):
    moment = datetime.datetime(2024, month, 15, 12, tzinfo=new_york)
    print(moment, moment.tzname(), moment.utcoffset(), moment.dst())
ambiguous = datetime.datetime(2024, 11, 3, 1, 30, tzinfo=new_york)
print(ambiguous.utcoffset(), ambiguous.replace(fold=1).utcoffset())
utc_moment = datetime.datetime(2024, 3, 10, 7, 30, tzinfo=datetime.timezone.utc)
print(utc_moment.astimezone(new_york), (utc_moment + datetime.timedelta(hours=1)).astimezone(new_york))
print(datetime.datetime(2024, 6, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata")).isoformat(), str(new_york), repr(zoneinfo.ZoneInfo("UTC")))
print(zoneinfo.ZoneInfo("Europe/Paris") is zoneinfo.ZoneInfo("Europe/Paris"), zoneinfo.ZoneInfo.no_cache("Europe/Paris") is zoneinfo.ZoneInfo("Europe/Paris"))
print(datetime.datetime(1900, 1, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam")).utcoffset(), "Europe/London" in zoneinfo.available_timezones())
for bad in ("No/Such_Zone", "../etc/passwd", ""):
    try:
        zoneinfo.ZoneInfo(bad)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        print(type(error).__name__)
