-- Quantiles of Student's t distribution for confidence intervals: t975 for two-sided 95%
-- intervals, t95 for two-sided 90% intervals, by degrees of freedom; beyond 30 the normal values.
CREATE OR REPLACE VIEW student_t AS
SELECT * FROM (VALUES
    (1, 12.7062, 6.3138), (2, 4.3027, 2.9200), (3, 3.1824, 2.3534), (4, 2.7764, 2.1318),
    (5, 2.5706, 2.0150), (6, 2.4469, 1.9432), (7, 2.3646, 1.8946), (8, 2.3060, 1.8595),
    (9, 2.2622, 1.8331), (10, 2.2281, 1.8125), (11, 2.2010, 1.7959), (12, 2.1788, 1.7823),
    (13, 2.1604, 1.7709), (14, 2.1448, 1.7613), (15, 2.1314, 1.7531), (16, 2.1199, 1.7459),
    (17, 2.1098, 1.7396), (18, 2.1009, 1.7341), (19, 2.0930, 1.7291), (20, 2.0860, 1.7247),
    (21, 2.0796, 1.7207), (22, 2.0739, 1.7171), (23, 2.0687, 1.7139), (24, 2.0639, 1.7109),
    (25, 2.0595, 1.7081), (26, 2.0555, 1.7056), (27, 2.0518, 1.7033), (28, 2.0484, 1.7011),
    (29, 2.0452, 1.6991), (30, 2.0423, 1.6973), (1000000, 1.9600, 1.6449)
) AS t(df, t975, t95);
COMMENT ON VIEW student_t IS 'Student t quantiles by degrees of freedom (df): t975 (95% two-sided) and t95 (90% two-sided); df 1000000 stands for the normal, used above 30.';
