# Checks: csv: reader/writer dialects, quoting modes, DictReader/DictWriter, Sniffer, errors.
import csv
import io

data = 'name;age;note\n"Smith; J";42;"said ""hi"""\nDoe;7;\n'
rows = list(csv.reader(io.StringIO(data), delimiter=";"))
print(rows)
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    output = io.StringIO()
    writer = csv.writer(output, quoting=quoting, escapechar="\\", lineterminator="\n")
    writer.writerow(["a", 1, 2.5, "x,y", 'q"'])
    print(quoting, output.getvalue(), end="")
csv.register_dialect("pipes", delimiter="|", quotechar="'", lineterminator="\n")
output = io.StringIO()
writer = csv.DictWriter(output, ["id", "value"], dialect="pipes", extrasaction="ignore")
writer.writeheader()
writer.writerow({"id": 1, "value": "a|b", "extra": "dropped"})
print(output.getvalue(), csv.list_dialects()[-1] if "pipes" in csv.list_dialects() else None)
reader = csv.DictReader(io.StringIO("a,b\n1,2\n3\n4,5,6\n"), restkey="rest", restval="none")
print([dict(row) for row in reader], reader.fieldnames, reader.line_num)
sample = "x\ty\tz\n1\t2\t3\n4\t5\t6\n"
dialect = csv.Sniffer().sniff(sample)
print(repr(dialect.delimiter), csv.Sniffer().has_header(sample))
try:
    list(csv.reader(io.StringIO('"unterminated\n'), strict=True))
except csv.Error as error:
    print("Error:", error)
print(csv.field_size_limit())
