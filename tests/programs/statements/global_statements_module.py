# Checks: module-level code: if __name__ == "__main__", __name__, and conditional definitions.
import sys

print(__name__)
if sys.version_info >= (3, 11):
    def feature():
        return "new"
else:
    def feature():
        return "old"
print(feature())
if __name__ == "__main__":
    print("running as the main program")
