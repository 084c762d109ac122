# Checks: how the interpreter's printer (sys.excepthook) shows a SyntaxError: its notes (dropped where it read a location, until 3.11.6), and in an exception group, its source line and ^ line without the group's margin.
import sys


def show(title, error):
    print(title, flush=True)
    sys.excepthook(type(error), error, error.__traceback__)
    sys.stderr.flush()


def noted(error, *notes):
    for note in notes:
        error.add_note(note)
    return error


class Custom(SyntaxError):
    pass


located = ("f.py", 1, 2, "x y\n", 1, 3)
show("located, with a note", noted(SyntaxError("bad", located), "a note"))
show("not located, with a note", noted(SyntaxError("bad"), "a note"))
show("a subclass, with two notes", noted(Custom("bad", located), "one", "two"))
try:
    compile("x y", "<source>", "exec")
except SyntaxError as error:
    show("from compile(), with a note", noted(error, "compiled"))
show("in a group", ExceptionGroup("g", [noted(SyntaxError("bad", located), "in"),
                                        Custom("worse", ("g.py", 2, 1, "  a b c\n", 2, 5))]))
show("in a nested group", ExceptionGroup("outer", [
    ExceptionGroup("inner", [SyntaxError("bad", ("h.py", 3, 3, "if if\n", 3, 5))])]))
try:
    raise ValueError(1)
except ValueError:
    try:
        raise ExceptionGroup("g", [SyntaxError("bad", located)])
    except ExceptionGroup as group:
        show("in a group with a context", group)
