"""Compile one source file to a pvm cache file, as the stdlib's ``py_compile``.

    python -m pvm.py_compile [-q] FILE...      (or ``-`` to read the names from stdin)

``compile`` takes the stdlib function's arguments and writes what pvm's import
system reads: ``__pycache__/NAME.pvm-311.pyc`` by default (``pvm.cache`` names
and formats it).  The exception and the invalidation modes are the stdlib's own
classes, so code written against ``py_compile`` (``except PyCompileError``,
``PycInvalidationMode.CHECKED_HASH``) works unchanged, and a SyntaxError is
reported in exactly the stdlib's format.
"""

import argparse
import os
import sys

from py_compile import PyCompileError, PycInvalidationMode

from pvm import cache

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


def default_invalidation_mode():
    """CHECKED_HASH when SOURCE_DATE_EPOCH asks for reproducible builds (a timestamp
    would make the file depend on when the source was checked out), else TIMESTAMP."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return PycInvalidationMode.CHECKED_HASH
    return PycInvalidationMode.TIMESTAMP


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Compile the source file ``file`` with pvm's compiler and write its cache file.

    ``cfile`` is where to write (default: the file pvm's import system reads,
    for ``optimize``, which is the host's -O level when -1); ``dfile`` is the
    name compiled into the code and shown in errors.  A compile error raises
    PyCompileError when ``doraise``, else its message goes to stderr (nothing
    at all when ``quiet`` is 2) and the result is None.  Returns ``cfile``.
    Reading the source or writing the cache file raises OSError.
    """
    from pvm.compiler import compile as pvm_compile

    if invalidation_mode is None:
        invalidation_mode = default_invalidation_mode()
    if cfile is None:
        if optimize >= 0:
            cfile = cache.cache_from_source(file, optimization=optimize if optimize else "",
                                            pycache_prefix=sys.pycache_prefix)
        else:
            cfile = cache.cache_from_source(file, pycache_prefix=sys.pycache_prefix)
    # The file is replaced by a rename, which would silently turn a link or a
    # special file into a plain one: refuse, as the stdlib does.
    if os.path.islink(cfile):
        raise FileExistsError("{} is a symlink and will be changed into a regular file if "
                              "import writes a byte-compiled file to it".format(cfile))
    if os.path.exists(cfile) and not os.path.isfile(cfile):
        raise FileExistsError("{} is a non-regular file and will be changed into a regular "
                              "one if import writes a byte-compiled file to it".format(cfile))
    with open(file, "rb") as source_file:
        source_bytes = source_file.read()
    shown_name = dfile or file
    try:
        code = pvm_compile(source_bytes, shown_name, "exec", dont_inherit=True,
                           optimize=optimize)
    except Exception as error:
        failure = PyCompileError(type(error), error, shown_name)
        if quiet < 2:
            if doraise:
                raise failure
            sys.stderr.write(failure.msg + "\n")
        return None
    folder = os.path.dirname(cfile)
    if folder:
        os.makedirs(folder, exist_ok=True)
    if invalidation_mode == PycInvalidationMode.TIMESTAMP:
        source_stat = os.stat(file)
        data = cache.code_to_timestamp_pyc(code, source_stat.st_mtime, source_stat.st_size)
    else:
        data = cache.code_to_hash_pyc(
            code, cache.source_hash(source_bytes),
            checked=invalidation_mode == PycInvalidationMode.CHECKED_HASH)
    try:
        source_mode = os.stat(file).st_mode
    except OSError:
        source_mode = 0o666
    cache.write_atomic(cfile, data, cache.mode_for_cache(source_mode))
    return cfile


def main():
    """The command line: compile each file named; at the first failure, print the
    error (unless -q) and exit with status 1."""
    parser = argparse.ArgumentParser(
        description="Compile Python source files to pvm cache files.")
    parser.add_argument("-q", "--quiet", action="store_true", help="print no error message")
    parser.add_argument("filenames", nargs="+",
                        help="the files to compile ('-' alone: read their names from stdin)")
    arguments = parser.parse_args()
    if arguments.filenames == ["-"]:
        filenames = [line.rstrip("\n") for line in sys.stdin.readlines()]
    else:
        filenames = arguments.filenames
    for filename in filenames:
        try:
            compile(filename, doraise=True)
        except PyCompileError as error:
            # The stdlib writes the message as it is: a SyntaxError's ends in a
            # newline, other messages do not.
            parser.exit(1, None if arguments.quiet else error.msg)
        except OSError as error:
            parser.exit(1, None if arguments.quiet else str(error))


if __name__ == "__main__":
    main()
