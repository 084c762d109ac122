"""scripts/cli_compare.py, the differential matrix of command lines: its cases and its
list of expected differences agree, and a slice of it runs here (the whole matrix,
about 340 command lines, is the script's: ``python3 scripts/cli_compare.py``)."""

import sys

import cli_compare

# One case of each kind: options, each way of naming the program, refusals, variables.
SLICE = [
    "-I -c PROBE",
    "-O -m probe first",
    "-B -s app.pyz first",
    "-E app first",
    "- first <stdin PROBE",
    "raises.py",
    "-m missing",
    "--foo",
    'PYTHONHASHSEED=0 -c "print(hash(\'pvm\'), hash(b\'pvm\'))"',
    "PYTHONUTF8=2 -E -c pass",
    "PYTHONPROFILEIMPORTTIME=1 -E -c pass",
    "PYTHONOPTIMIZE=2 -I -c PROBE",
]


def test_matrix_is_large_and_its_differences_are_cases():
    names = [case.name for case in cli_compare.all_cases()]
    assert len(names) == len(set(names)) >= 150
    assert set(cli_compare.EXPECTED_DIFFERENCES) <= set(names)
    assert set(SLICE) <= set(names)


def test_slice_of_the_matrix():
    cases = [case for case in cli_compare.all_cases() if case.name in SLICE]
    results = cli_compare.compare(cases, sys.executable)
    for case in cases:
        python, pvm = results[case.name]
        if case.name in cli_compare.EXPECTED_DIFFERENCES:
            assert python != pvm, case.name
        else:
            assert python == pvm, "\n".join([case.name, *cli_compare.describe(python, pvm)])
