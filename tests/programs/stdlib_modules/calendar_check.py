# Checks: calendar: text month and year, leap years, weekdays, monthrange, HTML calendar.
import calendar

print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 7, 4), calendar.monthrange(2023, 2), calendar.monthrange(2024, 2))
print(list(calendar.day_name), list(calendar.month_abbr))
print(calendar.monthcalendar(2024, 3))
print(calendar.timegm((2024, 1, 1, 12, 0, 0)))
print(calendar.HTMLCalendar().formatmonth(2024, 1).splitlines()[:4])
print(calendar.calendar(2021, m=4)[:400])
cal = calendar.Calendar(firstweekday=calendar.MONDAY)
print([day for day in cal.itermonthdays2(2024, 4)][:9])
print(calendar.firstweekday())
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as error:
    print("IllegalMonthError:", error)
