"""Chaos: the chaos game played with transformations made of B-spline curves.

Three cubic B-splines outline a figure. Each step of the game takes the current point,
picks one short piece of one curve at random (longer curves are picked more often) and
maps the point onto a thin band along that piece; the points visited draw the figure in
a bitmap. Every curve evaluation runs de Boor's algorithm on small vector objects with
operator methods, which is what the benchmark measures. The random numbers are seeded;
the checksum is over the pixels set.
"""

import math
import random
import sys
import time

WIDTH = HEIGHT = 256
THICKNESS = 0.25
LENGTH_SAMPLES = 1000
# The step used to find a curve's direction at a point, by a nearby second point.
TANGENT_STEP = 1 / 50000


class Vector:
    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    __rmul__ = __mul__

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def distance(self, other):
        return (self - other).length()

    def blend(self, other, weight):
        """The point `weight` of the way from other to self."""
        return self * weight + other * (1 - weight)


class BSpline:
    """A B-spline of the given degree over control points and a clamped knot vector."""

    def __init__(self, points, degree, knots):
        if len(points) > len(knots) - degree + 1:
            raise ValueError("too many control points for the knots")
        if len(points) < degree + 1:
            raise ValueError("too few control points for the degree")
        self.points = points
        self.degree = degree
        self.knots = knots

    def domain(self):
        return self.knots[self.degree - 1], self.knots[len(self.knots) - self.degree]

    def __call__(self, parameter):
        """The curve's point at `parameter`, by de Boor's algorithm."""
        degree = self.degree
        low, high = self.domain()
        if not low <= parameter <= high:
            raise ValueError("parameter %r outside the domain" % parameter)
        # The knot span holding the parameter; the last span is closed at its top.
        span = degree - 1
        while span < len(self.knots) - degree - 1 and parameter >= self.knots[span + 1]:
            span += 1
        column = [self.points[span - degree + 1 + offset] for offset in range(degree + 1)]
        for level in range(1, degree + 1):
            for index in range(degree, level - 1, -1):
                left = self.knots[span - degree + index]
                right = self.knots[span + index - level + 1]
                weight = (parameter - left) / (right - left)
                column[index] = column[index].blend(column[index - 1], weight)
        return column[degree]


class ChaosGame:
    def __init__(self, curves, thickness):
        self.curves = curves
        self.thickness = thickness
        xs = [point.x for curve in curves for point in curve.points]
        ys = [point.y for curve in curves for point in curve.points]
        self.left, self.right = min(xs), max(xs)
        self.bottom, self.top = min(ys), max(ys)
        self.width = self.right - self.left
        self.height = self.top - self.bottom
        # Each curve is cut into pieces no longer than the band is thick (scaled to the
        # picture's aspect), so that every piece maps the unit square to a thin band.
        longest_piece = thickness * self.width / self.height
        self.pieces = []
        for curve in curves:
            self.pieces.append(max(1, int(self.curve_length(curve) / longest_piece * 1.5)))
        self.piece_total = sum(self.pieces)

    @staticmethod
    def curve_length(curve):
        low, high = curve.domain()
        length = 0.0
        previous = curve(low)
        for sample in range(1, LENGTH_SAMPLES):
            current = curve(low + (high - low) * sample / (LENGTH_SAMPLES - 1))
            length += current.distance(previous)
            previous = current
        return length

    def random_piece(self):
        choice = random.randrange(self.piece_total)
        for curve_index, count in enumerate(self.pieces):
            if choice < count:
                return curve_index, choice
            choice -= count
        raise AssertionError("the piece counts do not add up")

    def transform(self, point):
        across = (point.x - self.left) / self.width
        up = (point.y - self.bottom) / self.height
        curve_index, piece = self.random_piece()
        curve = self.curves[curve_index]
        low, high = curve.domain()
        piece_length = (high - low) / self.pieces[curve_index]
        parameter = low + piece_length * (piece + across)
        base = curve(parameter)
        if parameter + TANGENT_STEP > high:
            tangent = curve(parameter - TANGENT_STEP) - base
        else:
            tangent = base - curve(parameter + TANGENT_STEP)
        size = tangent.length()
        if size != 0:
            # Move across the curve, along its normal, by where the point was vertically.
            offset = (up - 0.5) * self.thickness / size
            base.x += tangent.y * offset
            base.y -= tangent.x * offset
        base.x = min(self.right, max(self.left, base.x))
        base.y = min(self.top, max(self.bottom, base.y))
        return base

    def draw(self, width, height, steps):
        bitmap = [[0] * height for _ in range(width)]
        point = Vector((self.left + self.right) / 2, (self.bottom + self.top) / 2)
        for _ in range(steps):
            point = self.transform(point)
            column = min(width - 1, int((point.x - self.left) / self.width * width))
            row = min(height - 1, int((point.y - self.bottom) / self.height * height))
            bitmap[column][height - row - 1] = 1
        return bitmap


def figure():
    """Three curves: a curl, a stem beside it and a flag on the stem."""
    clamped = [0, 0, 0, 1, 1, 1]
    curl = BSpline([Vector(0.0, 0.0), Vector(0.5, 1.5), Vector(1.5, 2.0), Vector(2.5, 1.5),
                    Vector(2.0, 0.6), Vector(1.2, 0.9), Vector(1.4, 1.4)],
                   3, [0, 0, 0, 1, 2, 3, 4, 4, 4])
    stem = BSpline([Vector(3.0, 0.0), Vector(3.2, 1.0), Vector(3.1, 2.0), Vector(3.6, 2.6)],
                   3, clamped)
    flag = BSpline([Vector(3.3, 2.2), Vector(3.8, 2.0), Vector(4.2, 2.3), Vector(4.5, 1.9)],
                   3, clamped)
    return [curl, stem, flag]


def main(steps):
    random.seed(1234)
    game = ChaosGame(figure(), THICKNESS)
    bitmap = game.draw(WIDTH, HEIGHT, steps)
    set_pixels = 0
    checksum = 0
    for column, pixels in enumerate(bitmap):
        for row, pixel in enumerate(pixels):
            if pixel:
                set_pixels += 1
                checksum = (checksum * 7 + column * HEIGHT + row) % 1000000007
    return "%d steps, %d pixels set, checksum %d" % (steps, set_pixels, checksum)


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 15000
    start = time.process_time()
    print(main(steps))
    print("elapsed", time.process_time() - start)
