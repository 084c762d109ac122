"""Compiled regular expressions kept between processes (pvm/world/patterns.py).

A program's patterns are compiled by the guest's re the first time and found in the
cache by later processes: both runs must give what python3 gives, warnings and errors
included (patterns that warn or fail are never kept).
"""

import sys

from subprocesses import run

PROGRAM = r'''
import re, warnings
warnings.simplefilter("always")
for pattern, flags in [(r"(?P<word>\w+)\s+(?P=word)", 0), (rb"(a|b)*c{2,5}?", re.I),
                       (r"(?x) [^\W\d_]+ | \d+  # letters or digits", 0), (r"(?i)straße", 0),
                       (r"[[a]", 0), (r"\d+(?P<unit>[a-z]+)", re.ASCII | re.M)]:
    compiled = re.compile(pattern, flags)
    print(compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex))
    subject = "Hello hello 42km ẞtraße STRASSE [a" if isinstance(pattern, str) else b"abACCCc"
    print([match.group(0) for match in compiled.finditer(subject)])
re.compile(r"(unclosed")
'''


def test_patterns_like_python_cold_and_warm(tmp_path):
    (tmp_path / "program.py").write_text(PROGRAM, encoding="utf-8")
    expected = run([sys.executable, "program.py"], tmp_path)
    assert expected[0] == 1 and "FutureWarning" in expected[2] and "re.error" in expected[2]
    for _ in range(2):
        assert run([sys.executable, "-m", "pvm", "program.py"], tmp_path) == expected
