# Checks: subprocess: run/check_output/Popen on sys.executable -c, pipes, input, return codes, CalledProcessError, timeout.
import subprocess
import sys

result = subprocess.run([sys.executable, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"],
                        capture_output=True, text=True)
print(result.returncode, repr(result.stdout), repr(result.stderr), result.args[1:2])
print(subprocess.check_output([sys.executable, "-c", "print(input()[::-1])"], input=b"olleh"))
echo = subprocess.run([sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read().upper())"],
                      input="piped text", stdout=subprocess.PIPE, text=True, check=True)
print(echo.stdout)
try:
    subprocess.run([sys.executable, "-c", "raise SystemExit(2)"], check=True)
except subprocess.CalledProcessError as error:
    print("CalledProcessError:", error.returncode, str(error).replace(sys.executable, "PYTHON"))
try:
    subprocess.run([sys.executable, "-c", "import time; time.sleep(5)"], timeout=0.5)
except subprocess.TimeoutExpired as error:
    print("TimeoutExpired:", error.cmd[1:])
process = subprocess.Popen([sys.executable, "-c", "for i in range(3): print(i)"], stdout=subprocess.PIPE, text=True)
lines = [line.strip() for line in process.stdout]
print(lines, process.wait(), process.returncode)
process.stdout.close()
merged = subprocess.run([sys.executable, "-c", "import sys; print('a'); sys.stdout.flush(); print('b', file=sys.stderr)"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(merged.stdout.splitlines(), subprocess.getstatusoutput("exit 4"), subprocess.list2cmdline(["a b", "c"]))
try:
    subprocess.run(["no-such-program-pvm"])
except FileNotFoundError as error:
    print("FileNotFoundError:", error.filename)
