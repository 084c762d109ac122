# Checks: complex-number arithmetic in loops: an ASCII Mandelbrot set.
for row in range(12):
    line = ""
    for column in range(40):
        c = complex(-2.2 + column * 0.075, -1.2 + row * 0.2)
        z = 0j
        for iteration in range(30):
            z = z * z + c
            if abs(z) > 2:
                break
        line += " .:-=+*#%@"[iteration % 10] if abs(z) > 2 else "@"
    print(line)
