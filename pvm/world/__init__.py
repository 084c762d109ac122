"""The guest's world, built on pvm's engine: builtins, sys, the import system.

``guest_builtins`` holds the guest's builtins and sys, ``importer`` the import
system (CPython's importlib run on pvm), ``guest`` the stand-ins for C modules,
``tracebacks`` the printing of uncaught exceptions, ``unraisable`` the reports
of exceptions nothing can catch, ``host_warnings`` the warnings of the host's C
code, ``interactive`` the prompt.
"""
