#!/usr/bin/env python3
"""Independent reference values for tests/test_trend.c and test_change.c.

Pure Python, exact integer / rational arithmetic, no code shared with
src/stats/. Run: python3 tests/data/stats/mk_reference.py

Mann-Kendall exact: the number of permutations of n elements with k
inversions is the coefficient of q^k in prod_{i=1..n} (1 + q + ... + q^(i-1))
(Mahonian numbers), computed here by polynomial multiplication with Python
big integers; with no ties S = N - 2*inv, so P(S >= s) = P(inv <= (N-s)/2)
is an exact fraction.  The C code instead runs a floating-point recurrence
on probabilities, so the two agree only if both are right.

Mann-Kendall normal: z = (S - sign S)/sqrt(Var S), p = erfc(|z|/sqrt 2)
with math.erfc (libm), not GSL.

Binomial change test: R's binom.test definition evaluated with
fractions.Fraction (exact pmf), relative slack 1 + 1e-7.
"""
from fractions import Fraction
from math import comb, erfc, sqrt, factorial
import random


def mahonian(n):
    poly = [1]
    for i in range(1, n + 1):
        new = [0] * (len(poly) + i - 1)
        for k, c in enumerate(poly):
            for j in range(i):
                new[k + j] += c
        poly = new
    return poly


def mk_S(x):
    n = len(x)
    return sum((x[j] > x[i]) - (x[j] < x[i]) for i in range(n) for j in range(i + 1, n))


def mk_exact_p(x):
    n = len(x)
    assert len(set(x)) == n
    s = mk_S(x)
    N = n * (n - 1) // 2
    K = (N - abs(s)) // 2
    c = mahonian(n)
    tail = Fraction(sum(c[:K + 1]), factorial(n))
    return s, min(Fraction(1), 2 * tail)


def mk_normal_p(x):
    n = len(x)
    s = mk_S(x)
    groups = {}
    for v in x:
        groups[v] = groups.get(v, 0) + 1
    var = Fraction(n * (n - 1) * (2 * n + 5) - sum(g * (g - 1) * (2 * g + 5) for g in groups.values()), 18)
    sign = (s > 0) - (s < 0)
    z = (s - sign) / sqrt(var)
    return s, float(var), erfc(abs(z) / sqrt(2))


def binom_test(x, n, p):
    p = Fraction(p)
    pmf = [comb(n, i) * p**i * (1 - p)**(n - i) for i in range(n + 1)]
    d = pmf[x]
    slack = Fraction(1) + Fraction(1, 10**7)
    return min(Fraction(1), sum(v for v in pmf if v <= d * slack))


def series(seed, n, trend):
    rng = random.Random(seed)
    vals = []
    while len(vals) < n:
        v = round(trend * len(vals) + rng.uniform(0, 100), 1)
        if v not in vals:
            vals.append(v)
    return vals


if __name__ == "__main__":
    x49 = series(49, 49, 0.8)
    s, p = mk_exact_p(x49)
    print("n=49 series:", x49)
    print("  S =", s, " exact p =", repr(float(p)))
    print("  normal p (same series) =", repr(mk_normal_p(x49)[2]))
    x50 = x49 + [55.5]
    assert len(set(x50)) == 50
    s, var, p = mk_normal_p(x50)
    print("n=50 series: the n=49 series plus 55.5")
    print("  S =", s, " Var S =", var, " normal p =", repr(p))
    s, pe = mk_exact_p(x50)
    print("  exact p (not used by the method at n=50) =", repr(float(pe)))
    x49t = x49[:-1] + [x49[0]]
    s, var, p = mk_normal_p(x49t)
    print("n=49 with one tie (last value = first):")
    print("  S =", s, " Var S =", var, " normal p =", repr(p))
    for n in (5, 8, 10):
        c = mahonian(n)
        print("n=%d: P(inv<=1) = %d/%d" % (n, sum(c[:2]), factorial(n)))
    for (k1, k2, e1, e2) in ((23, 37, 1, 1), (52, 88, 10400, 11560), (0, 5, 1, 1),
                             (10, 3, 1, 1), (3, 11, 20000, 21000), (40, 18, 9800, 10150),
                             (0, 1, 1, 3)):
        p = binom_test(k2, k1 + k2, Fraction(e2, e1 + e2))
        print("binom k1=%d k2=%d e1=%d e2=%d p = %r" % (k1, k2, e1, e2, float(p)))
