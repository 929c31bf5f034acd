-- Student's t quantiles at the degrees of freedom a view computes, for the confidence intervals of
-- every view, public and private: student_t975(df) for two-sided 95% intervals, student_t95(df) for
-- two-sided 90%. Created as temporary macros in every connection, like clustered_interval.
--  * From 5 degrees of freedom up, whole or not (the index's Welch-Satterthwaite df is used as it
--    is, never rounded), the Cornish-Fisher expansion of t in powers of 1/df (Abramowitz and Stegun,
--    Handbook of Mathematical Functions, 26.7.5), to the fifth power:
--      t = z + g1/df + g2/df^2 + g3/df^3 + g4/df^4 + g5/df^5, z the normal quantile, and
--      g1 = (z^3 + z) / 4                     g2 = (5z^5 + 16z^3 + 3z) / 96
--      g3 = (3z^7 + 19z^5 + 17z^3 - 15z) / 384
--      g4 = (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z) / 92160
--      g5 = (27z^11 + 339z^9 + 930z^7 - 1782z^5 - 765z^3 + 17955z) / 368640,
--    written below as numbers: within 4e-5 of the distribution at 5 degrees of freedom, 1e-6 from
--    10, 1e-9 from 30 (tests/unit/metrics/test_student_t.py checks it against the distribution).
--  * Below 5, the exact quantiles of 1, 2, 3 and 4 degrees of freedom; a df between two whole
--    numbers takes the smaller's (a wider interval, never a narrower one). A NULL df gives NULL.
-- A polynomial, not an iterative algorithm: DuckDB expands a macro where it is called, and every
-- view that scores calls this one (Hill's Algorithm 396, tried first, made each query on the index
-- take 0.1 s longer to plan).
CREATE OR REPLACE TEMP MACRO student_t_expansion(z, g1, g2, g3, g4, g5, below_five, df) AS
    CASE WHEN df IS NULL THEN NULL
         WHEN df >= 5 THEN z + g1 / df + g2 / df ^ 2 + g3 / df ^ 3 + g4 / df ^ 4 + g5 / df ^ 5
         ELSE below_five[CAST(least(greatest(floor(df), 1), 4) AS BIGINT)] END;
CREATE OR REPLACE TEMP MACRO student_t975(df) AS
    student_t_expansion(1.959963984540054e0, 2.372271230299e0, 2.82249861574e0, 2.555849679508e0,
                        1.589534053394e0, 0.732898211982e0,
                        [12.706204736e0, 4.30265273e0, 3.182446305e0, 2.776445105e0], CAST(df AS DOUBLE));
CREATE OR REPLACE TEMP MACRO student_t95(df) AS
    student_t_expansion(1.6448536269514722e0, 1.523769147574e0, 1.420202982636e0, 0.983001512034e0,
                        0.433876454505e0, 0.193370485549e0,
                        [6.313751515e0, 2.91998558e0, 2.353363435e0, 2.131846786e0], CAST(df AS DOUBLE));

-- Student's t (97.5%, two-sided 95%) for a mean over n question means: n - 1 degrees of freedom, and
-- at least 1 (one question gives no spread, and its interval is Wilson's: 020_clustered_interval.sql).
-- The one definition eval_scores' t and every clustered interval (public and private) read.
CREATE OR REPLACE TEMP MACRO question_t975(n) AS student_t975(greatest(n - 1, 1));
