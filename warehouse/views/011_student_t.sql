-- Quantiles of Student's t distribution for confidence intervals, for an analyst to read: t975 for
-- two-sided 95% intervals, t95 for two-sided 90% intervals, at 1 to 1,000 degrees of freedom. The
-- views do not join this table: they call the macros it is computed by (warehouse/macros/010_student_t.sql)
-- at the degrees of freedom they compute, whole or not.
CREATE OR REPLACE VIEW student_t AS
SELECT CAST(df AS INTEGER) AS df, student_t975(df) AS t975, student_t95(df) AS t95
FROM range(1, 1001) AS t(df);
COMMENT ON VIEW student_t IS 'Student t quantiles by degrees of freedom (df, 1 to 1000): t975 (95% two-sided) and t95 (90% two-sided), from the macros student_t975(df) and student_t95(df) that every view calls at its own df (the Cornish-Fisher expansion from 5 df, within 4e-5; exact at 1 to 4).';
