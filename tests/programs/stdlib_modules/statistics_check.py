# Checks: statistics: averages, spread, quantiles, NormalDist, correlation and regression, errors.
import fractions
import statistics

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.mean(data), statistics.fmean(data), statistics.median(data), statistics.median_low([1, 3, 5, 7]))
print(statistics.median_high([1, 3, 5, 7]), statistics.median_grouped([52, 52, 53, 54]), statistics.mode("aabbbc"))
print(statistics.multimode("aabbcc"), statistics.geometric_mean([54, 24, 36]), statistics.harmonic_mean([40, 60]))
print(statistics.pstdev(data), statistics.stdev(data), statistics.pvariance(data), statistics.variance(data))
print(statistics.mean([fractions.Fraction(1, 3), fractions.Fraction(1, 6)]), statistics.variance([1, 2, 3, 4]))
print(statistics.quantiles(range(1, 11), n=4), statistics.quantiles([1, 2, 3, 4, 5], n=3, method="inclusive"))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(statistics.correlation(x, y), statistics.covariance(x, y), statistics.linear_regression(x, y))
normal = statistics.NormalDist(100, 15)
print(normal, round(normal.cdf(130), 10), round(normal.pdf(100), 10), round(normal.inv_cdf(0.975), 6))
print(normal.quantiles(4), round(normal.overlap(statistics.NormalDist(110, 10)), 10), normal + 5, normal * 2)
print(statistics.NormalDist.from_samples([1, 2, 3, 4]), round(normal.zscore(115), 10))
for function, values in ((statistics.mean, []), (statistics.stdev, [1]), (statistics.geometric_mean, [-1, 2])):
    try:
        function(values)
    except statistics.StatisticsError as error:
        print("StatisticsError:", error)
