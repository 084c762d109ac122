"""Raytrace: a recursive ray tracer (spheres and a checkered floor, two lights, reflections).

The workload is small vector objects made and thrown away by the million: every
operation on a Vector returns a new one, and every pixel shoots a ray that may bounce
up to four times and tests each light for shadows. The checksum is over the 8-bit
colour of every pixel, so any difference in floating point shows up.
"""

import math
import sys
import time

MAXIMUM_DEPTH = 3
EPSILON = 0.00001


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scaled(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scaled(1.0 / self.length())

    def reflected_through(self, normal):
        return self - normal.scaled(2 * self.dot(normal))


ORIGIN = Vector(0.0, 0.0, 0.0)
UP = Vector(0.0, 1.0, 0.0)


class Ray:
    def __init__(self, start, direction):
        self.start = start
        self.direction = direction.normalized()

    def point_at(self, distance):
        return self.start + self.direction.scaled(distance)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_distance(self, ray):
        """The distance along the ray to the nearer surface point in front, or None."""
        centre_offset = self.centre - ray.start
        along = centre_offset.dot(ray.direction)
        discriminant = self.radius * self.radius - (centre_offset.dot(centre_offset)
                                                    - along * along)
        if discriminant < 0:
            return None
        return along - math.sqrt(discriminant)

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_distance(self, ray):
        facing = ray.direction.dot(self.normal)
        if facing == 0:
            return None
        return (self.point - ray.start).dot(self.normal) / facing

    def normal_at(self, point):
        return self.normal


def mixed(colour, weight, other):
    return (colour[0] + weight * other[0], colour[1] + weight * other[1],
            colour[2] + weight * other[2])


class Surface:
    """Shading: a reflection, Lambert's diffuse light and an ambient term."""

    def __init__(self, colour, reflection=0.2, diffuse=0.6, ambient=None):
        self.colour = colour
        self.reflection = reflection
        self.diffuse = diffuse
        if ambient is None:
            ambient = 1.0 - reflection - diffuse
        self.ambient = ambient

    def colour_at_point(self, point):
        return self.colour

    def shade(self, scene, ray, point, normal, depth):
        base = self.colour_at_point(point)
        colour = (0.0, 0.0, 0.0)
        if self.reflection > 0:
            bounce = Ray(point, ray.direction.reflected_through(normal))
            colour = mixed(colour, self.reflection, scene.trace(bounce, depth + 1))
        if self.diffuse > 0:
            lit = 0.0
            for light in scene.lights_seen_from(point):
                contribution = (light - point).normalized().dot(normal)
                if contribution > 0:
                    lit += contribution
            colour = mixed(colour, self.diffuse * min(1.0, lit), base)
        if self.ambient > 0:
            colour = mixed(colour, self.ambient, base)
        return colour


class CheckeredSurface(Surface):
    def __init__(self, square_size, colour, other_colour, **weights):
        super().__init__(colour, **weights)
        self.square_size = square_size
        self.other_colour = other_colour

    def colour_at_point(self, point):
        cell = (point - ORIGIN).scaled(1.0 / self.square_size)
        parity = (int(abs(cell.x) + 0.5) + int(abs(cell.y) + 0.5) + int(abs(cell.z) + 0.5)) % 2
        return self.other_colour if parity else self.colour


class Scene:
    def __init__(self, eye, looking_at, field_of_view):
        self.eye = eye
        self.looking_at = looking_at
        self.field_of_view = field_of_view
        self.things = []
        self.lights = []

    def nearest_hit(self, ray):
        nearest = None
        for thing, surface in self.things:
            distance = thing.intersection_distance(ray)
            if distance is not None and distance > EPSILON:
                if nearest is None or distance < nearest[0]:
                    nearest = (distance, thing, surface)
        return nearest

    def lights_seen_from(self, point):
        seen = []
        for light in self.lights:
            hit = self.nearest_hit(Ray(point, light - point))
            if hit is None or hit[0] > (light - point).length():
                seen.append(light)
        return seen

    def trace(self, ray, depth=0):
        if depth > MAXIMUM_DEPTH:
            return (0.0, 0.0, 0.0)
        hit = self.nearest_hit(ray)
        if hit is None:
            return (0.0, 0.0, 0.0)
        distance, thing, surface = hit
        point = ray.point_at(distance)
        return surface.shade(self, ray, point, thing.normal_at(point), depth)

    def render(self, width, height):
        forward = (self.looking_at - self.eye).normalized()
        right = forward.cross(UP).normalized()
        up = right.cross(forward).normalized()
        half_width = math.tan(math.radians(self.field_of_view) / 2)
        half_height = half_width * height / width
        pixel_width = half_width * 2 / (width - 1)
        pixel_height = half_height * 2 / (height - 1)
        rows = []
        for row in range(height):
            pixels = []
            for column in range(width):
                across = right.scaled(column * pixel_width - half_width)
                down = up.scaled(row * pixel_height - half_height)
                colour = self.trace(Ray(self.eye, forward + across + down))
                pixels.append(tuple(max(0, min(255, int(channel * 255))) for channel in colour))
            rows.append(pixels)
        return rows


def build_scene():
    scene = Scene(eye=Vector(0.0, 1.8, 10.0), looking_at=Vector(0.0, 3.0, 0.0),
                  field_of_view=45.0)
    scene.lights.append(Vector(30.0, 30.0, 10.0))
    scene.lights.append(Vector(-10.0, 100.0, 30.0))
    scene.things.append((Sphere(Vector(1.0, 3.0, -10.0), 2.0), Surface((1.0, 1.0, 0.0))))
    for index in range(6):
        shade = index / 6
        scene.things.append((Sphere(Vector(-3.0 - index * 0.4, 2.3, -5.0), 0.4),
                             Surface((shade, 1.0 - shade, 0.5))))
    scene.things.append((Plane(ORIGIN, UP),
                         CheckeredSurface(2.0, (1.0, 1.0, 1.0), (0.0, 0.0, 0.0),
                                          reflection=0.2, diffuse=0.6)))
    return scene


def main(size):
    rows = build_scene().render(size, size)
    checksum = 0
    for pixels in rows:
        for red, green, blue in pixels:
            checksum = (checksum * 31 + red * 65536 + green * 256 + blue) % 1000000007
    lit = sum(1 for pixels in rows for colour in pixels if colour != (0, 0, 0))
    return "%dx%d pixels, %d lit, checksum %d" % (size, size, lit, checksum)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    start = time.process_time()
    print(main(size))
    print("elapsed", time.process_time() - start)
