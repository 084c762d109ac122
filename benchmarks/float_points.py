"""Float: objects with attributes and methods, math calls (pyperformance's 'float' idea)."""

import math
import sys
import time


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def main(count):
    points = [Point(i) for i in range(count)]
    for point in points:
        point.normalize()
    best = points[0]
    for point in points[1:]:
        best = best.maximize(point)
    return "%.6f %.6f %.6f" % (best.x, best.y, best.z)


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 80000
    start = time.process_time()
    print(main(count))
    print("elapsed", time.process_time() - start)
