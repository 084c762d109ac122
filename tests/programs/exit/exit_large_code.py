# Checks: exit codes are taken modulo 256 by the operating system (300 becomes 44).
import sys

print("exit with 300")
sys.exit(300)
