# Checks: colorsys: conversions between RGB, HSV, HLS and YIQ, rounded for stable output.
import colorsys

for rgb in ((1.0, 0.0, 0.0), (0.2, 0.4, 0.6), (0.5, 0.5, 0.5), (0.0, 1.0, 0.25)):
    hsv = colorsys.rgb_to_hsv(*rgb)
    hls = colorsys.rgb_to_hls(*rgb)
    yiq = colorsys.rgb_to_yiq(*rgb)
    print([round(value, 6) for value in hsv], [round(value, 6) for value in hls],
          [round(value, 6) for value in yiq])
    print([round(value, 6) for value in colorsys.hsv_to_rgb(*hsv)],
          [round(value, 6) for value in colorsys.hls_to_rgb(*hls)],
          [round(value, 6) for value in colorsys.yiq_to_rgb(*yiq)])
print(colorsys.hsv_to_rgb(0.5, 1.0, 1.0), colorsys.hls_to_rgb(2 / 3, 0.5, 1.0))
