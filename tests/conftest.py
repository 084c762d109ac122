import os
import sys

# The corpus helpers live with the scripts; the tests measure the same files.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "scripts"))
