# Checks: locale: the C locale's conventions, number formatting helpers, normalize and aliases.
import locale

print(locale.setlocale(locale.LC_ALL, "C"))
conventions = locale.localeconv()
print(sorted(conventions.items()))
print(locale.format_string("%d items, %.2f each", (1234567, 3.14159), grouping=True))
print(locale.str(3.5), locale.atof("2.75"), locale.atoi("42"), locale.currency(5, symbol=False, international=False) if conventions["frac_digits"] != 127 else "no currency in C")
print(locale.normalize("en_US"), locale.normalize("de_de.utf8"), locale.normalize("fr"))
print(locale.delocalize("1234.5"), locale.getlocale(locale.LC_NUMERIC))
try:
    locale.setlocale(locale.LC_ALL, "no_SUCH.locale")
except locale.Error as error:
    print("Error:", error)
print(locale.strcoll("a", "b") < 0, locale.strxfrm("abc"))
