"""scripts/instruction_profile.py, as the README runs it: it counts the runs a program
executes and says which are rows already."""

from tests.subprocesses import REPOSITORY_FOLDER, run_python


def test_profile_counts_runs_of_a_program(tmp_path):
    program = tmp_path / "loop.py"
    program.write_text("def f(items):\n    total = 0\n    for item in items:\n"
                       "        total = total + item\n    return total\nprint(f(range(50)))\n")
    status, stdout, stderr = run_python(
        ["scripts/instruction_profile.py", "--top", "200", str(program)], REPOSITORY_FOLDER)
    assert status == 0, stderr
    assert "profiled" in stderr
    lines = stdout.splitlines()
    executed = int(lines[0].split()[0])
    assert executed > 250          # fifty rounds of the loop, at least five instructions each
    # The loop's head is a row already, and counted once per round.
    head = [line for line in lines if line.endswith("FOR_ITER STORE_FAST  *")]
    assert head and int(head[0].split()[0]) >= 50
