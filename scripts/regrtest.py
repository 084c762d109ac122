"""CPython's regression tests under pvm: of the tests that pass on CPython, how many pass on pvm.

    python3 scripts/regrtest.py [--jobs N] [--timeout SECONDS] [--failures]
                                [--cpython-only-tests] [--pvm-option OPTION] [--wide]
                                [MODULE ...]

Each module (default: CORE_MODULES, the core-language tests; ``--wide``: WIDE_MODULES,
those and the behaviour tests of the rest of the language core and the pure-Python
standard library) is run by
scripts/regrtest_runner.py under ``python3`` and under ``python3 -m pvm``, side by
side; a test counts for pvm when it passes on CPython and on pvm.  Each module's row
is printed as it finishes, the total at the end.  A module that
crashes or times out under pvm keeps the outcomes it printed (none if it died
before printing: the runner prints at the end).  ``--failures`` lists, per
module, the tests that pass on CPython and not on pvm, with the error's last line.
A test the suite itself keeps for CPython's implementation (``@support.cpython_only``,
``support.impl_detail``: a reference count, a tuple reused, ``gc.is_tracked``) is skipped
under pvm, as on any other implementation; it counts for neither side and is shown in
the ``impl only`` column: the run measures behaviour, as the choice of modules does.
``--cpython-only-tests`` runs those tests under pvm too (see
scripts/regrtest_runner.py), and then they count as any other.
Both interpreters write their bytecode caches under the repository's
``.pycache-prefix/`` folder, as scripts/run_programs.py does.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(REPOSITORY, "scripts", "regrtest_runner.py")
PYCACHE_PREFIX = os.path.join(REPOSITORY, ".pycache-prefix")
MARK = "@@ "

CORE_MODULES = (
    "test_grammar test_opcodes test_scope test_class test_descr test_exceptions test_raise "
    "test_generators test_with test_contextlib test_unpack test_keywordonlyarg test_patma "
    "test_int test_list test_dict test_set test_string_literals test_fstring test_coroutines"
).split()

# The wider run (--wide): the core modules and the other behaviour tests of the language
# core and the pure-Python standard library.  Modules that test CPython's bytecode or C
# internals (test_dis, test_code, test_peepholer, test_opcache, test_sys, test_gc,
# test_capi) are left out: pvm's bytecode and frames are its own.
WIDE_MODULES = CORE_MODULES + (
    "test_typing test_builtin test_funcattrs test_enumerate test_super "
    "test_exception_group test_except_star test_long test_itertools test_asyncgen "
    "test_tuple test_bool test_float test_complex test_unicode test_bytes test_augassign "
    "test_binop test_unary test_compare test_contains test_iter test_iterlen "
    "test_listcomps test_setcomps test_dictcomps test_genexps test_pow test_print "
    "test_property test_slice test_sort test_types test_richcmp test_index "
    "test_isinstance test_positional_only_arg test_named_expressions test_unpack_ex "
    "test_global test_decorators test_dictviews test_extcall test_format test_range "
    "test_metaclass test_subclassinit test_genericclass test_genericalias "
    "test_generator_stop test_exception_variations test_baseexception test_structseq "
    "test_int_literal test_string test_userdict test_userlist test_userstring test_abc "
    "test_dynamicclassattribute test_context test_numeric_tower test_abstract_numbers "
    "test_descrtut test_dataclasses test_enum test_pep646_syntax test_type_annotations "
    "test_unicode_identifiers test_keyword test_collections test_functools test_operator "
    "test_copy test_copyreg test_defaultdict test_deque test_ordered_dict test_heapq "
    "test_bisect test_fractions test_statistics test_textwrap test_shlex test_json "
    "test_pprint test_reprlib test_weakset test_contextlib_async test_difflib "
    "test_fnmatch test_glob test_posixpath test_genericpath test_csv test_configparser "
    "test_getopt test_calendar test_html test_htmlparser test_urlparse test_ipaddress "
    "test_colorsys test_graphlib test_sched test_secrets test_stat test_base64 "
    "test_random test_math test_queue test_tomllib test_netrc test_quopri test_linecache "
    "test_uuid test_strptime test_cmd test_argparse test_optparse test_weakref"
).split()


def environment():
    variables = dict(os.environ)
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    variables["PYTHONPYCACHEPREFIX"] = PYCACHE_PREFIX
    variables["PYTHONPATH"] = REPOSITORY
    variables["PYTHONIOENCODING"] = "utf-8"
    return variables


def outcomes_of(command, timeout):
    """({test id: (outcome, detail)}, how the process ended)."""
    try:
        result = subprocess.run(command, capture_output=True, timeout=timeout,
                                env=environment(), cwd=REPOSITORY, stdin=subprocess.DEVNULL)
        output = result.stdout
        ending = "exit %d" % result.returncode
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout or b""
        ending = "timeout"
    outcomes = {}
    for line in output.decode("utf-8", "replace").splitlines():
        if not line.startswith(MARK):
            continue
        outcome, _, rest = line[len(MARK):].partition(" ")
        test_id, _, detail = rest.partition(" | ")
        outcomes[test_id] = (outcome, detail)
    return outcomes, ending


def run_module(name, timeout, cpython_only_tests=False, pvm_options=()):
    module = name if name.startswith("test.") else "test." + name
    expected, _ = outcomes_of([sys.executable, RUNNER, module], timeout)
    options = ["--cpython-only-tests"] if cpython_only_tests else []
    actual, ending = outcomes_of([sys.executable, "-m", "pvm", *pvm_options, RUNNER, *options,
                                  module], timeout)
    passing = sorted(test_id for test_id, (outcome, _) in expected.items()
                     if outcome == "pass")
    implementation_only = [test_id for test_id in passing
                           if _is_implementation_detail(actual.get(test_id))]
    passing = [test_id for test_id in passing if test_id not in implementation_only]
    failing = [(test_id, actual.get(test_id, ("missing", ending))) for test_id in passing
               if actual.get(test_id, ("missing",))[0] != "pass"]
    return (name, len(expected), len(passing), len(passing) - len(failing), failing,
            len(implementation_only), ending)


def _is_implementation_detail(outcome):
    """Whether pvm skipped the test as one kept for CPython's implementation: the
    reasons test.support.impl_detail gives (cpython_only is impl_detail(cpython=True))."""
    return (outcome is not None and outcome[0] == "skip"
            and outcome[1].startswith(("implementation detail specific to ",
                                       "implementation detail not available on ")))


def results_as_finished(modules, arguments):
    """run_module's results, in the order the modules finish."""
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        futures = [pool.submit(run_module, name, arguments.timeout,
                               arguments.cpython_only_tests, arguments.pvm_option)
                   for name in modules]
        for future in concurrent.futures.as_completed(futures):
            yield future.result()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per module run")
    parser.add_argument("--failures", action="store_true",
                        help="list the tests that pass on CPython and not on pvm")
    parser.add_argument("--cpython-only-tests", action="store_true",
                        help="run under pvm the tests kept for CPython's implementation")
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, e.g. --pvm-option=-Xtier=1 "
                             "(repeat for several)")
    parser.add_argument("--wide", action="store_true",
                        help="run WIDE_MODULES (%d modules) instead of CORE_MODULES"
                             % len(WIDE_MODULES))
    arguments = parser.parse_args(argv)
    modules = arguments.modules or (WIDE_MODULES if arguments.wide else CORE_MODULES)
    print("%-22s %8s %8s %8s %7s %9s  %s" % ("module", "tests", "cpython", "pvm", "pvm %",
                                              "impl only", "pvm run"), flush=True)
    results = []
    total_passing = total_pvm = total_implementation_only = 0
    # A row a module as it finishes, flushed: a long run stopped half-way keeps its rows.
    for result in results_as_finished(modules, arguments):
        results.append(result)
        name, tests, passing, pvm_passing, failing, implementation_only, ending = result
        total_passing += passing
        total_pvm += pvm_passing
        total_implementation_only += implementation_only
        percent = 100.0 * pvm_passing / passing if passing else 100.0
        print("%-22s %8d %8d %8d %6.1f%% %9d  %s" % (name, tests, passing, pvm_passing,
                                                     percent, implementation_only, ending),
              flush=True)
    percent = 100.0 * total_pvm / total_passing if total_passing else 100.0
    print("%-22s %8s %8d %8d %6.1f%% %9d" % ("total", "", total_passing, total_pvm, percent,
                                             total_implementation_only))
    if arguments.failures:
        for name, _, _, _, failing, _, _ in results:
            for test_id, (outcome, detail) in failing:
                print("%s: %s %s | %s" % (name, outcome, test_id, detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
