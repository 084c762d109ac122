"""Compile whole folders to pvm cache files, as the stdlib's ``compileall``.

    python -m pvm.compileall [-l] [-r N] [-f] [-q] [-b] [-d DIR | -s DIR -p DIR]
                             [-x REGEX] [-i LIST] [-j N] [-e DIR] [--hardlink-dupes]
                             [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                             [-o LEVEL] [FILE|DIR ...]

The options, the printed lines ("Listing '...'...", "Compiling '...'...", the
error reports) and the exit status are the stdlib command's; the files written
are the ones pvm's import system reads (``pvm.py_compile`` writes each).  With
no FILE or DIR, the folders of ``sys.path`` are compiled, not recursively.

Two additions: on a terminal, without -q, a progress line ("files: 120/450
done") is kept at the bottom and rewritten in place (never in output sent to a
pipe or a file, which stays the stdlib's); with -j N, the N worker processes
hand their lines back to this one, which prints them in the order of the files.
With either, the folders are all listed before the first file is compiled: the
progress line needs the total, the workers the whole list.
"""

import argparse
import contextlib
import filecmp
import functools
import io
import os
import sys
from pathlib import Path

from pvm import cache
from pvm import py_compile

__all__ = ["compile_dir", "compile_file", "compile_path"]

SOURCE_SUFFIX = ".py"


def _walk_dir(folder, maxlevels, quiet=0):
    """The files of ``folder``, sorted by name, and those of its subfolders down
    to ``maxlevels`` levels (links to folders are not followed)."""
    folder = os.fspath(folder)
    if not quiet:
        print("Listing {!r}...".format(folder))
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        if quiet < 2:
            print("Can't list {!r}".format(folder))
        names = []
    for name in names:
        if name == cache.PYCACHE:
            continue
        path = os.path.join(folder, name)
        if not os.path.isdir(path):
            yield path
        elif maxlevels > 0 and name not in (os.curdir, os.pardir) and not os.path.islink(path):
            yield from _walk_dir(path, maxlevels - 1, quiet)


def compile_dir(dir, maxlevels=None, ddir=None, force=False, rx=None, quiet=0, legacy=False,
                optimize=-1, workers=1, invalidation_mode=None, *, stripdir=None,
                prependdir=None, limit_sl_dest=None, hardlink_dupes=False,
                progress_on_terminal=False):
    """Compile every source file in the folder ``dir`` and its subfolders (down to
    ``maxlevels``, default: the recursion limit); True if all compiled.

    The arguments are the stdlib function's (see ``compile_file``); ``workers``
    processes compile in parallel (0: one per CPU).  ``progress_on_terminal``
    shows the progress line when standard output is a terminal and ``quiet`` is 0.
    """
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError("Destination dir (ddir) cannot be used in combination with "
                         "stripdir or prependdir")
    if ddir is not None:
        # A destination folder is the source folder's path replaced by ddir.
        stripdir, prependdir, ddir = dir, ddir, None
    if workers < 0:
        raise ValueError("workers must be greater or equal to 0")
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    compile_one = functools.partial(
        compile_file, ddir=ddir, force=force, rx=rx, quiet=quiet, legacy=legacy,
        optimize=optimize, invalidation_mode=invalidation_mode, stripdir=stripdir,
        prependdir=prependdir, limit_sl_dest=limit_sl_dest, hardlink_dupes=hardlink_dupes)
    files = _walk_dir(dir, maxlevels, quiet)
    executor = _process_pool(workers)
    show_progress = progress_on_terminal and not quiet and sys.stdout.isatty()
    if executor is not None or show_progress:
        # Both need the whole list first: the pool to share it out, the progress
        # line for its total.
        files = list(files)
    progress = ProgressLine(sys.stdout, files) if show_progress else NO_PROGRESS
    success = True
    with executor or contextlib.nullcontext():
        if executor is not None:
            outcomes = zip(files, executor.map(
                functools.partial(_compile_capturing_output, compile_one), files))
        elif show_progress:
            outcomes = ((file, _compile_capturing_output(compile_one, file)) for file in files)
        else:
            # The stdlib's way: each file's lines are printed as it is compiled.
            outcomes = ((file, (compile_one(file), "")) for file in files)
        try:
            for file, (compiled, output) in outcomes:
                progress.print_above(output)
                progress.advance(file, compiled)
                if not compiled:
                    success = False
        finally:
            progress.finish()
    return success


def _process_pool(workers):
    """A pool of ``workers`` processes (None: as many as CPUs), or None to compile
    in this process: when one worker is asked for, or the system has no working
    multiprocessing (no semaphores)."""
    if workers == 1:
        return None
    try:
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(max_workers=workers or None)
    except (ImportError, NotImplementedError):
        return None


class _CapturedOutput(io.StringIO):
    """Lines printed by one file's compile, kept to be printed by the main process;
    its encoding is the real output's, which decides how messages are escaped."""

    def __init__(self, encoding):
        super().__init__()
        self.real_encoding = encoding

    @property
    def encoding(self):
        return self.real_encoding


def _compile_capturing_output(compile_one, file):
    """(compile_one(file), what it printed)."""
    captured = _CapturedOutput(sys.stdout.encoding)
    with contextlib.redirect_stdout(captured):
        compiled = compile_one(file)
    return compiled, captured.getvalue()


class ProgressLine:
    """The line "files: N/M done" at the bottom of a terminal, rewritten in place with
    a carriage return; other lines are printed above it.  A file is done when it
    has been compiled, found up to date or skipped."""

    def __init__(self, stream, files):
        self.stream = stream
        self.total = sum(1 for file in files if _is_source(file))
        self.done = 0
        self.failed = 0
        self.width = 0          # of the line as shown, 0 when it is not shown

    def print_above(self, text):
        if text:
            self.clear()
            self.stream.write(text)

    def advance(self, file, compiled):
        if not _is_source(file):
            return
        self.done += 1
        if not compiled:
            self.failed += 1
        self.draw()

    def draw(self):
        text = "files: {}/{} done".format(self.done, self.total)
        if self.failed:
            text += ", {} failed".format(self.failed)
        # Spaces cover what a longer line before it left.
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def clear(self):
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0

    def finish(self):
        if self.total:
            if not self.width:
                self.draw()
            self.stream.write("\n")
            self.stream.flush()


class _NoProgress:
    """Where no progress line is shown: lines are printed as they come."""

    def print_above(self, text):
        if text:
            sys.stdout.write(text)

    def advance(self, file, compiled):
        pass

    def finish(self):
        pass


NO_PROGRESS = _NoProgress()


def _is_source(path):
    return os.path.basename(path).endswith(SOURCE_SUFFIX)


def compile_file(fullname, ddir=None, force=False, rx=None, quiet=0, legacy=False,
                 optimize=-1, invalidation_mode=None, *, stripdir=None, prependdir=None,
                 limit_sl_dest=None, hardlink_dupes=False):
    """Compile the file ``fullname`` if it is a ``.py`` file; False if that failed.

    ``ddir``: the folder whose path replaces the file's folder in the name compiled
    into the code (and shown in tracebacks); ``stripdir`` and ``prependdir`` do
    that in two steps (remove those leading parts, then prepend).  ``force``:
    compile even a file whose cache file is up to date.  ``rx``: skip a file whose
    path it matches.  ``quiet``: 0 prints every file compiled, 1 only errors, 2
    nothing.  ``legacy``: write ``FILE.pyc`` beside the source instead of in
    ``__pycache__``.  ``optimize``: a level or a list of levels (-1: this
    interpreter's -O), one cache file each.  ``invalidation_mode``: a
    ``py_compile.PycInvalidationMode``.  ``limit_sl_dest``: skip a symbolic link
    that points out of this folder.  ``hardlink_dupes``: link the cache files of
    two levels that came out the same.
    """
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError("Destination dir (ddir) cannot be used in combination with "
                         "stripdir or prependdir")
    fullname = os.fspath(fullname)
    shown_name = _shown_name(fullname, ddir, stripdir, prependdir)
    # Sorted, so that the files are written in the same order every time.
    levels = sorted({optimize} if isinstance(optimize, int) else set(optimize))
    if hardlink_dupes and len(levels) < 2:
        raise ValueError("Hardlinking of duplicated bytecode makes sense only for more "
                         "than one optimization level")
    if rx is not None and rx.search(fullname):
        return True
    if (limit_sl_dest is not None and os.path.islink(fullname)
            and Path(limit_sl_dest).resolve() not in Path(fullname).resolve().parents):
        return True
    if not os.path.isfile(fullname) or not _is_source(fullname):
        return True
    cache_files = {level: _cache_file(fullname, level, legacy) for level in levels}
    if not force and _all_up_to_date(fullname, cache_files.values()):
        return True
    if not quiet:
        print("Compiling {!r}...".format(fullname))
    try:
        previous = None
        for level in levels:
            cache_file = cache_files[level]
            py_compile.compile(fullname, cache_file, shown_name, True, optimize=level,
                               invalidation_mode=invalidation_mode)
            if (hardlink_dupes and previous is not None
                    and filecmp.cmp(cache_file, previous, shallow=False)):
                os.unlink(cache_file)
                os.link(previous, cache_file)
            previous = cache_file
    except py_compile.PyCompileError as error:
        _report_failure(fullname, quiet, error.msg)
        return False
    except (SyntaxError, UnicodeError, OSError) as error:
        _report_failure(fullname, quiet, "{}: {}".format(type(error).__name__, error))
        return False
    return True


def _shown_name(fullname, ddir, stripdir, prependdir):
    """The file name compiled into the code, or None for ``fullname`` itself."""
    shown = None
    if ddir is not None:
        shown = os.path.join(ddir, os.path.basename(fullname))
    if stripdir is not None:
        # The stdlib's rule: every part of the path equal to the part of stripdir at
        # the same position is dropped (the first part with that name, in fact).
        kept = fullname.split(os.path.sep)
        for strip_part, part in zip(os.fspath(stripdir).split(os.path.sep),
                                    fullname.split(os.path.sep)):
            if strip_part == part:
                kept.remove(strip_part)
        shown = os.path.join(*kept)
    if prependdir is not None:
        shown = os.path.join(prependdir, fullname if shown is None else shown)
    return shown


def _cache_file(fullname, level, legacy):
    if legacy:
        return fullname + "c"
    if level >= 0:
        return cache.cache_from_source(fullname, optimization=level if level >= 1 else "",
                                       pycache_prefix=sys.pycache_prefix)
    return cache.cache_from_source(fullname, pycache_prefix=sys.pycache_prefix)


def _all_up_to_date(fullname, cache_files):
    """Whether every cache file is a timestamp-based pvm cache file of the source as
    it is now.  As the stdlib's compileall, a hash-based file is always compiled
    again (checking it would cost what compiling costs, near enough); unlike it,
    the size is compared too, as the importer does, so that nothing is left that
    the importer would reject."""
    try:
        source_stat = os.stat(fullname)
        for cache_file in cache_files:
            with open(cache_file, "rb") as file:
                header = cache.read_header(file.read(cache.HEADER_SIZE))
            if header is None or header.hash_based or not cache.is_fresh(
                    header, source_stat.st_mtime, source_stat.st_size, read_source=None):
                return False
    except OSError:
        return False
    return True


def _report_failure(fullname, quiet, message):
    if quiet >= 2:
        return
    if quiet:
        print("*** Error compiling {!r}...".format(fullname))
    else:
        print("*** ", end="")
    # A message may quote the source: escape what the output cannot encode.
    encoding = sys.stdout.encoding or sys.getdefaultencoding()
    print(message.encode(encoding, "backslashreplace").decode(encoding))


def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0, legacy=False,
                 optimize=-1, invalidation_mode=None, *, progress_on_terminal=False):
    """Compile the folders of ``sys.path`` (not the current folder if
    ``skip_curdir``), ``maxlevels`` deep; True if all compiled.  Unlike the
    stdlib's, a failure in one folder does not stop the folders after it from
    being compiled."""
    success = True
    for folder in sys.path:
        if (not folder or folder == os.curdir) and skip_curdir:
            if quiet < 2:
                print("Skipping current directory")
        elif not compile_dir(folder, maxlevels, None, force, quiet=quiet, legacy=legacy,
                             optimize=optimize, invalidation_mode=invalidation_mode,
                             progress_on_terminal=progress_on_terminal):
            success = False
    return success


def _argument_parser():
    parser = argparse.ArgumentParser(
        description="Compile the Python source files of folders to pvm cache files.")
    parser.add_argument("-l", action="store_const", const=0, default=None, dest="maxlevels",
                        help="do not go into subfolders")
    parser.add_argument("-r", type=int, dest="recursion",
                        help="go this many levels of subfolders deep (wins over -l)")
    parser.add_argument("-f", action="store_true", dest="force",
                        help="compile even files whose cache files are up to date")
    parser.add_argument("-q", action="count", dest="quiet", default=0,
                        help="print only errors; -qq: print nothing")
    parser.add_argument("-b", action="store_true", dest="legacy",
                        help="write FILE.pyc beside the source, not in __pycache__")
    parser.add_argument("-d", metavar="DESTDIR", dest="ddir", default=None,
                        help="the folder to name in the compiled code, in place of the "
                             "source's (as seen in tracebacks)")
    parser.add_argument("-s", metavar="STRIPDIR", dest="stripdir", default=None,
                        help="the leading part of source paths to leave out of the name "
                             "in the compiled code (not with -d)")
    parser.add_argument("-p", metavar="PREPENDDIR", dest="prependdir", default=None,
                        help="a folder to put before the name in the compiled code, after "
                             "-s has been applied (not with -d)")
    parser.add_argument("-x", metavar="REGEXP", dest="rx", default=None,
                        help="skip files whose full path this regular expression matches")
    parser.add_argument("-i", metavar="FILE", dest="flist",
                        help="also compile the files and folders listed in FILE, one a "
                             "line ('-': read the list from stdin)")
    parser.add_argument("compile_dest", metavar="FILE|DIR", nargs="*",
                        help="files and folders to compile (none: the folders of sys.path, "
                             "as with -l)")
    parser.add_argument("-j", "--workers", default=1, type=int,
                        help="compile in this many processes (0: one per CPU)")
    invalidation_modes = sorted(mode.name.lower().replace("_", "-")
                                for mode in py_compile.PycInvalidationMode)
    parser.add_argument("--invalidation-mode", choices=invalidation_modes,
                        help="how the importer tells a cache file is stale (default: "
                             "checked-hash if SOURCE_DATE_EPOCH is set, else timestamp)")
    parser.add_argument("-o", action="append", type=int, dest="opt_levels",
                        help="an optimization level to compile for; repeat for several "
                             "(default: -1, this interpreter's -O)")
    parser.add_argument("-e", metavar="DIR", dest="limit_sl_dest",
                        help="skip symbolic links that point out of DIR")
    parser.add_argument("--hardlink-dupes", action="store_true", dest="hardlink_dupes",
                        help="hard-link the cache files of levels that came out the same")
    return parser


def main():
    """The command line; True when every file compiled."""
    parser = _argument_parser()
    arguments = parser.parse_args()
    destinations = arguments.compile_dest
    rx = None
    if arguments.rx:
        import re
        try:
            rx = re.compile(arguments.rx)
        except re.error as error:
            parser.error("-x: bad regular expression {!r}: {}".format(arguments.rx, error))
    limit_sl_dest = arguments.limit_sl_dest or None
    maxlevels = arguments.maxlevels if arguments.recursion is None else arguments.recursion
    opt_levels = arguments.opt_levels or [-1]
    if len(opt_levels) == 1 and arguments.hardlink_dupes:
        parser.error("Hardlinking of duplicated bytecode makes sense only for more than one "
                     "optimization level.")
    if arguments.ddir is not None and (arguments.stripdir is not None
                                       or arguments.prependdir is not None):
        parser.error("-d cannot be used in combination with -s or -p")
    if arguments.workers < 0:
        parser.error("-j must be 0 (one process per CPU) or more")
    if arguments.flist:
        try:
            with (sys.stdin if arguments.flist == "-"
                  else open(arguments.flist, encoding="utf-8")) as names:
                destinations.extend(line.strip() for line in names)
        except OSError:
            if arguments.quiet < 2:
                print("Error reading file list {}".format(arguments.flist))
            return False
    invalidation_mode = None
    if arguments.invalidation_mode:
        invalidation_mode = py_compile.PycInvalidationMode[
            arguments.invalidation_mode.replace("-", "_").upper()]
    common = dict(invalidation_mode=invalidation_mode, stripdir=arguments.stripdir,
                  prependdir=arguments.prependdir, optimize=opt_levels,
                  limit_sl_dest=limit_sl_dest, hardlink_dupes=arguments.hardlink_dupes)
    success = True
    try:
        if not destinations:
            return compile_path(legacy=arguments.legacy, force=arguments.force,
                                quiet=arguments.quiet, invalidation_mode=invalidation_mode,
                                progress_on_terminal=True)
        for destination in destinations:
            if os.path.isfile(destination):
                compiled = compile_file(destination, arguments.ddir, arguments.force, rx,
                                        arguments.quiet, arguments.legacy, **common)
            else:
                compiled = compile_dir(destination, maxlevels, arguments.ddir,
                                       arguments.force, rx, arguments.quiet,
                                       arguments.legacy, workers=arguments.workers,
                                       progress_on_terminal=True, **common)
            if not compiled:
                success = False
        return success
    except KeyboardInterrupt:
        if arguments.quiet < 2:
            print("\n[interrupted]")
        return False


if __name__ == "__main__":
    sys.exit(int(not main()))
