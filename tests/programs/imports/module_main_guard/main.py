# Checks: an imported module sees __name__ == its name, so its main guard does not run.
import tool_with_guard

print("main program __name__ =", __name__)
print(tool_with_guard.describe())
