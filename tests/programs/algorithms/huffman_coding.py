# Checks: Huffman coding with heapq and tie-breaking counters, encode and decode round trip.
import collections
import heapq
import itertools


def build_codes(text):
    counter = itertools.count()
    heap = [(count, next(counter), char) for char, count in sorted(collections.Counter(text).items())]
    heapq.heapify(heap)
    while len(heap) > 1:
        count_a, _, left = heapq.heappop(heap)
        count_b, _, right = heapq.heappop(heap)
        heapq.heappush(heap, (count_a + count_b, next(counter), (left, right)))
    codes = {}

    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix or "0"
            return
        walk(node[0], prefix + "0")
        walk(node[1], prefix + "1")
    walk(heap[0][2], "")
    return codes


text = "abracadabra alakazam"
codes = build_codes(text)
encoded = "".join(codes[c] for c in text)
decode = {code: char for char, code in codes.items()}
decoded, buffer = [], ""
for bit in encoded:
    buffer += bit
    if buffer in decode:
        decoded.append(decode[buffer])
        buffer = ""
print(sorted(codes.items()), len(encoded), "".join(decoded) == text)
