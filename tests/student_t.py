"""Student's t distribution computed from its definition, to check the warehouse's quantiles
(warehouse/macros/010_student_t.sql, a Cornish-Fisher expansion) against: the upper tail P(T > t) with df
degrees of freedom is I_x(df/2, 1/2) / 2 at x = df / (df + t^2), the regularised incomplete beta
function, evaluated by its continued fraction (Lentz's method); a quantile is found by bisection."""

from __future__ import annotations

import math

_TINY = 1e-300


def _fraction(a: float, b: float, x: float) -> float:
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 10_000):
        for term in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                     -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + term * d
            d = 1 / (d if abs(d) > _TINY else _TINY)
            c = 1 + term / c
            c = c if abs(c) > _TINY else _TINY
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            return h
    raise ArithmeticError(f"the continued fraction of I_{x}({a}, {b}) did not converge")


def incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0 or x >= 1:
        return float(x >= 1)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _fraction(a, b, x) / a
    return 1 - front * _fraction(b, a, 1 - x) / b


def upper_tail(t: float, df: float) -> float:
    """P(T > t) for t >= 0."""
    return 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t))


def quantile(level: float, df: float) -> float:
    """The t with P(T <= t) = level (level above 0.5), to 1e-12."""
    low, high = 0.0, 1e4
    while high - low > 1e-12:
        middle = (low + high) / 2
        low, high = (middle, high) if upper_tail(middle, df) > 1 - level else (low, middle)
    return (low + high) / 2
