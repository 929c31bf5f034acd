-- Student's t quantiles at any degrees of freedom, for the confidence intervals of every view, public
-- and private: student_t975(df) for two-sided 95% intervals, student_t95(df) for two-sided 90%.
-- G. W. Hill, "Algorithm 396: Student's t-quantiles", Communications of the ACM 13(10), 1970: exact
-- at 1 and 2 degrees of freedom, within 4e-5 of the true quantile between 2 and 4, 1e-7 from 4 and
-- 1e-10 from 30 (tests/unit/metrics/test_student_t.py checks it against the distribution itself).
-- A real df (the index's Welch-Satterthwaite df) is used as it is, never rounded; below 2, where
-- the approximation is poor, the quantile of 1 df stands in (a wider interval, never a narrower
-- one). A NULL df gives NULL. Created as temporary macros in every connection, like
-- clustered_interval. A macro has no local variables, so each step of the algorithm is a macro
-- that passes its value on to the next (hill_t -> hill_b -> hill_c -> hill_d -> hill_tail), each
-- created after the macros it calls.

CREATE OR REPLACE TEMP MACRO hill_expm1(y) AS CASE WHEN y > 0.002 THEN exp(y) - 1 ELSE 0.5 * y * y + y END;
CREATE OR REPLACE TEMP MACRO hill_tail(p, z, n, a, b, c, d) AS
    CASE WHEN (d * p) ^ (2 / n) > 0.05 + a
         THEN sqrt(n * hill_expm1(a * ((((((0.4 * z * z + 6.3) * z * z + 36) * z * z + 94.5)
                                        / ((((0.05 * d * z - 5) * z - 7) * z - 2) * z + b + c
                                           + CASE WHEN n < 5 THEN 0.3 * (n - 4.5) * (z + 0.6) ELSE 0 END)
                                        - z * z - 3) / b + 1) * z) ^ 2))
         ELSE sqrt(n * (((1 / (((n + 6) / (n * (d * p) ^ (2 / n)) - 0.089 * d - 0.822) * (n + 2) * 3)
                          + 0.5 / (n + 4)) * (d * p) ^ (2 / n) - 1) * (n + 1) / (n + 2) + 1 / (d * p) ^ (2 / n)))
    END;
CREATE OR REPLACE TEMP MACRO hill_d(p, z, n, a, b, c) AS
    hill_tail(p, z, n, a, b, c, ((94.5 / (b + c) - 3) / b + 1) * sqrt(a * pi() / 2) * n);
CREATE OR REPLACE TEMP MACRO hill_c(p, z, n, a, b) AS hill_d(p, z, n, a, b, ((20700 * a / b - 98) * a - 16) * a + 96.36);
CREATE OR REPLACE TEMP MACRO hill_b(p, z, n, a) AS hill_c(p, z, n, a, 48 / (a * a));
-- p: the two-sided tail probability; z: the normal quantile of p / 2 (negative); n: the df.
CREATE OR REPLACE TEMP MACRO hill_t(p, z, n) AS
    CASE WHEN n IS NULL THEN NULL
         WHEN n < 2 THEN cot(p * pi() / 2)
         WHEN n = 2 THEN sqrt(2 / (p * (2 - p)) - 2)
         ELSE hill_b(p, z, n, 1 / (n - 0.5)) END;
CREATE OR REPLACE TEMP MACRO student_t975(df) AS
    hill_t(CAST(0.05 AS DOUBLE), CAST(-1.959963984540054 AS DOUBLE), CAST(df AS DOUBLE));
CREATE OR REPLACE TEMP MACRO student_t95(df) AS
    hill_t(CAST(0.10 AS DOUBLE), CAST(-1.6448536269514722 AS DOUBLE), CAST(df AS DOUBLE));
