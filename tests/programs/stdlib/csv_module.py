# Checks: csv reader/writer/DictReader/DictWriter on in-memory text.
import csv
import io

source = io.StringIO('name,age,city\nAda,36,"London, UK"\nBob,25,Paris\n')
rows = list(csv.reader(source))
print(rows)
source.seek(0)
for record in csv.DictReader(source):
    print(record["name"], int(record["age"]) + 1, record["city"])
output = io.StringIO()
writer = csv.DictWriter(output, fieldnames=["x", "y"], lineterminator="\n")
writer.writeheader()
writer.writerows([{"x": 1, "y": "a,b"}, {"x": 2, "y": 'quote"d'}])
print(output.getvalue())
