# Checks: datetime arithmetic, formatting and parsing with fixed values.
import datetime

day = datetime.date(2024, 1, 31)
print(day + datetime.timedelta(days=1), day.weekday(), day.isoformat(), day.replace(month=2, day=29))
moment = datetime.datetime(2023, 12, 31, 23, 59, 30)
print(moment + datetime.timedelta(seconds=45), moment.strftime("%d/%m/%Y %I:%M %p"))
print(datetime.datetime.strptime("2020-02-29 12:00", "%Y-%m-%d %H:%M"), datetime.date.fromisoformat("2021-07-04"))
delta = datetime.datetime(2024, 3, 1) - datetime.datetime(2024, 2, 1)
print(delta, delta.days, delta.total_seconds(), datetime.timedelta(hours=25))
zone = datetime.timezone(datetime.timedelta(hours=2))
aware = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=zone)
print(aware, aware.astimezone(datetime.timezone.utc), aware.utcoffset())
print(sorted([datetime.date(2024, 5, 1), datetime.date(2023, 5, 1)]), datetime.date(2024, 1, 1) < day)
