# Checks: difflib: SequenceMatcher, unified/context/ndiff diffs, get_close_matches, HtmlDiff table.
import difflib

before = ["one\n", "two\n", "three\n", "four\n", "five\n"]
after = ["one\n", "2\n", "three\n", "four\n", "five\n", "six\n"]
print("".join(difflib.unified_diff(before, after, "before.txt", "after.txt")))
print("".join(difflib.context_diff(before, after, "a", "b", n=1)))
print("".join(difflib.ndiff(["abcdefg\n"], ["abXdefgh\n"])))
matcher = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(matcher.ratio(), 4), matcher.get_matching_blocks())
for opcode in matcher.get_opcodes():
    print(opcode)
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "heel", "whale"], n=2, cutoff=0.5))
junk = difflib.SequenceMatcher(lambda character: character == " ", "a b c", "abc")
print(round(junk.ratio(), 4), round(junk.quick_ratio(), 4), round(junk.real_quick_ratio(), 4))
print(list(difflib.restore(difflib.ndiff(["a\n", "b\n"], ["b\n", "c\n"]), 2)))
table = difflib.HtmlDiff(wrapcolumn=20).make_table(["a line\n"], ["a lane\n"], "old", "new")
print(table.count("<tr>"), "diff_chg" in table)
print(list(difflib.diff_bytes(difflib.unified_diff, [b"x\n"], [b"y\n"], b"a", b"b", lineterm=b"\n")))
