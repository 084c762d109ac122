# Checks: traceback of an exception raised inside exec'd code shows the <string> frame.
source = "def inner():\n    return [][0]\ninner()\n"
exec(source)
