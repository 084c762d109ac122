"""Guest frames as host objects: what making one costs the host."""

import tracemalloc

from pvm.engine.frames import ENTERED, Frame


def bytes_per_frame(names, count=200):
    """The host memory each of ``count`` frames takes, made as enter makes them, then
    given ``names``."""
    tracemalloc.start()
    try:
        frames = []
        for _ in range(count):
            frame = Frame()
            for name in ENTERED + names:
                setattr(frame, name, None)
            frames.append(frame)
        return tracemalloc.get_traced_memory()[0] / count
    finally:
        tracemalloc.stop()


def test_every_common_frame_keeps_the_compact_layout():
    # A frame whose attributes all come from the one table of names that frames share
    # keeps only its values, as many slots whichever of those names it stores; one
    # that stores a name the table lacks, on an instance that lacks some of the
    # table's, becomes a dict of its own, hundreds of bytes larger (and slower to
    # make).  Before frames.py shared one layout, a generator's frame at tier 1, made
    # with no caller (no depth), took 464 bytes once it stored translated, where a
    # called function's took 176.
    call = bytes_per_frame(("depth", "back", "resume_index", "return_value"))
    for names in (("cells",),                                             # a generator expression's
                  ("translated", "back"),                                 # a generator's at tier 1
                  ("cells", "translated", "return_value", "resume_index")):
        assert bytes_per_frame(names) < call + 64, names
