# Checks: stringprep: RFC 3454 table lookups for a range of code points.
import stringprep

samples = ["a", " ", "\u00a0", "\u00ad", "\u0221", "\u200b", "\u0041", "\u00df", "\ue000", "\ufffe", "\u0627", "\u05d0", "\u0300", "\u2ff0", "\U000e0001"]
for character in samples:
    flags = [name for name in ("in_table_a1", "in_table_b1", "in_table_c11", "in_table_c12", "in_table_c21", "in_table_c22",
                               "in_table_c3", "in_table_c4", "in_table_c5", "in_table_c6", "in_table_c7", "in_table_c8",
                               "in_table_c9", "in_table_d1", "in_table_d2") if getattr(stringprep, name)(character)]
    print(hex(ord(character)), flags, repr(stringprep.map_table_b2(character)), repr(stringprep.map_table_b3(character)))
