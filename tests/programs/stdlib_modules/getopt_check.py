# Checks: getopt: short and long options, arguments, gnu_getopt ordering, errors.
import getopt

arguments = ["-a", "-b", "value", "--output=out.txt", "--verbose", "file1", "-c", "file2"]
print(getopt.getopt(arguments, "ab:c", ["output=", "verbose"]))
print(getopt.gnu_getopt(arguments, "ab:c", ["output=", "verbose"]))
print(getopt.getopt(["-bvalue", "--verb", "--", "-a"], "ab:", ["verbose"]))
for bad in (["-x"], ["-b"], ["--output"], ["--verbose=1"], ["--ver"]):
    try:
        getopt.getopt(bad, "ab:", ["output=", "verbose", "version"])
    except getopt.GetoptError as error:
        print("GetoptError:", error, repr(error.opt))
