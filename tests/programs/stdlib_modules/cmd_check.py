# Checks: cmd: a Cmd subclass driven by cmdqueue on StringIO streams, help, default, completion.
import cmd
import io


class Shell(cmd.Cmd):
    intro = "Welcome."
    prompt = "(shell) "

    def __init__(self, stdin, stdout):
        super().__init__(stdin=stdin, stdout=stdout)
        self.use_rawinput = False
        self.total = 0

    def do_add(self, argument):
        """add N: add N to the total."""
        self.total += int(argument)
        print("total", self.total, file=self.stdout)

    def do_show(self, argument):
        print("show", repr(argument), file=self.stdout)

    def complete_add(self, text, line, begin, end):
        return [number for number in ("1", "10", "100") if number.startswith(text)]

    def default(self, line):
        print("unknown:", line, file=self.stdout)

    def emptyline(self):
        print("(empty)", file=self.stdout)

    def do_quit(self, argument):
        print("bye", file=self.stdout)
        return True


commands = io.StringIO("add 5\nadd 7\nshow me\n\nfrobnicate\n? add\nhelp\n!sh\nquit\n")
output = io.StringIO()
shell = Shell(commands, output)
shell.cmdloop()
print(output.getvalue())
print(shell.total, shell.lastcmd)
print(shell.completenames("a"), shell.complete_add("1", "add 1", 4, 5))
print(shell.parseline("show  x y"), shell.onecmd("add 1"))
