"""``python3 -m pvm.explore [FILE]`` (the console script ``pvm-explore``): serve the
stage explorer for FILE (or an example program) on 127.0.0.1, print its URL, open it
in a browser unless ``--no-browser``, and serve until interrupted."""

import argparse
import os
import sys
import webbrowser

from pvm.explore import record, server


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="pvm-explore",
        description="Serve a web page that shows how pvm runs a program, stage by stage: "
                    "tokens, syntax tree, symbol tables, bytecode, cache file, and its "
                    "run, instruction by instruction, forwards and backwards.")
    parser.add_argument("file", nargs="?", help="the program (default: an example)")
    parser.add_argument("--port", type=int, default=0,
                        help="the port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--no-browser", action="store_true",
                        help="print the URL only; open no browser")
    parser.add_argument("--budget", type=int, default=record.DEFAULT_BUDGET,
                        help="record at most so many instructions (default %(default)s; "
                             "the page can raise it)")
    parser.add_argument("--input", metavar="TEXT_FILE",
                        help="the program's standard input (the page can change it)")
    arguments = parser.parse_args(argv)
    if arguments.file is not None:
        path = arguments.file
        try:
            with open(path, encoding="utf-8", newline="") as file:
                source = file.read()
        except (OSError, UnicodeDecodeError) as error:
            parser.exit(2, "pvm-explore: cannot read %s: %s\n" % (
                path, getattr(error, "strerror", None) or error))
    else:
        path = os.path.join(os.getcwd(), "example.py")
        source = server.EXAMPLE
    input_text = ""
    if arguments.input is not None:
        try:
            with open(arguments.input, encoding="utf-8") as file:
                input_text = file.read()
        except (OSError, UnicodeDecodeError) as error:
            parser.exit(2, "pvm-explore: cannot read %s: %s\n" % (
                arguments.input, getattr(error, "strerror", None) or error))
    try:
        httpd = server.Server(arguments.port, os.path.abspath(path), source, input_text,
                              arguments.budget, record.DEFAULT_HEAP_STEPS,
                              server.DEFAULT_TIMEOUT)
    except OSError as error:
        parser.exit(1, "pvm-explore: cannot serve on port %d: %s\n" % (
            arguments.port, error.strerror))
    print("pvm-explore: serving %s on %s (Ctrl-C ends)" % (path, httpd.url), flush=True)
    if not arguments.no_browser:
        webbrowser.open(httpd.url)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
