# Checks: submodules a C extension puts in sys.modules while it is made (pyexpat registers pyexpat.errors and pyexpat.model) are found by imports, and are the very objects the extension's attributes name.
import sys

import pyexpat

print("pyexpat.errors" in sys.modules, "pyexpat.model" in sys.modules)
import pyexpat.errors
from pyexpat import model
import pyexpat.model as model_again

print(pyexpat.errors is sys.modules["pyexpat.errors"])
print(model is sys.modules["pyexpat.model"] is model_again)
print(pyexpat.errors.XML_ERROR_SYNTAX, model.XML_CTYPE_ANY)
print(pyexpat.errors.__spec__, type(pyexpat.errors).__name__)

# xml.parsers.expat re-registers them under its own name, in Python.
import xml.parsers.expat.errors as errors
import xml.parsers.expat.model

print(errors is pyexpat.errors, xml.parsers.expat.model.XML_CQUANT_PLUS)
