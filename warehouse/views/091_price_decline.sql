-- One row per as-of date and smile-curve threshold, with and without reasoning models: how fast the
-- price of that level of intelligence falls, as known on the as-of date (models launched by then
-- that meet the threshold on the scores measured by then: a report for a period reads its last
-- day, so later runs never move a published factor), by Epoch AI's method ("LLM inference prices
-- have fallen rapidly but unequally across tasks", 2025). Walk the models that meet the threshold (threshold_models) by
-- release date; keep a model when its blended launch price is below that of every model before it;
-- fit log10(price) against the release date by least squares. The yearly decline factor is
-- 10^(-365 x slope), with the 90% interval from the slope's t-interval (n - 2 degrees of freedom).
-- A launch price is the blended price at the first month end on or after release with one. A fit
-- is marked reliable when it rests on at least four models released over at least a year: a factor
-- extrapolated from a few months of launches is printed by no report (the house's rule; Epoch AI
-- reports long series). A history view: a model's launch price stands whether or not it was
-- retired since.
CREATE OR REPLACE VIEW price_decline AS
WITH launch AS (
    SELECT b.model, min(b.as_of) AS launched, arg_min(b.blended_usd_per_mtok, b.as_of) AS price
    FROM blended_price b
    JOIN models m ON m.model = b.model
    WHERE b.as_of >= m.release_date
    GROUP BY b.model
),
series AS (
    SELECT q.as_of, q.threshold, q.label, w.with_reasoning, q.model, q.release_date, l.price, q.reasoning
    FROM threshold_models q
    CROSS JOIN (VALUES (true), (false)) AS w(with_reasoning)
    JOIN launch l ON l.model = q.model AND l.launched <= q.as_of
    WHERE w.with_reasoning OR NOT q.reasoning
),
walked AS (
    SELECT *,
           min(price) OVER (PARTITION BY as_of, threshold, with_reasoning ORDER BY release_date, price, model
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS cheapest_before
    FROM series
),
kept AS (
    SELECT *, log10(price) AS y, CAST(datediff('day', DATE '1970-01-01', release_date) AS DOUBLE) AS x
    FROM walked
    WHERE cheapest_before IS NULL OR price < cheapest_before
),
fit AS (
    SELECT as_of, threshold, any_value(label) AS label, with_reasoning,
           CAST(regr_count(y, x) AS BIGINT) AS n, regr_slope(y, x) AS slope, regr_sxx(y, x) AS sxx,
           regr_syy(y, x) AS syy, regr_sxy(y, x) AS sxy,
           min(release_date) AS first_release, max(release_date) AS last_release,
           string_agg(model, ', ' ORDER BY release_date) AS models
    FROM kept
    GROUP BY as_of, threshold, with_reasoning
),
interval AS (
    SELECT f.*,
           CASE WHEN n > 2 THEN sqrt(greatest(syy - slope * sxy, 0) / (n - 2) / sxx) END AS slope_se,
           CASE WHEN f.n > 2 THEN student_t95(f.n - 2) END AS t95  -- Student's t at n - 2 degrees of freedom
    FROM fit f
)
SELECT as_of, threshold, label, with_reasoning, n AS models_on_frontier, first_release, last_release, models,
       n >= 4 AND last_release - first_release >= 365 AS reliable,
       -- a finding may rest on a factor only when its interval spans at most two orders of magnitude
       n >= 4 AND last_release - first_release >= 365 AND n > 2 AND 2 * 365 * t95 * slope_se <= 2 AS precise,
       CASE WHEN n >= 2 THEN slope END AS log10_price_per_day,
       CASE WHEN n >= 2 THEN power(10, -365 * slope) END AS decline_factor_per_year,
       power(10, -365 * (slope + t95 * slope_se)) AS decline_factor_low,
       power(10, -365 * (slope - t95 * slope_se)) AS decline_factor_high
FROM interval;
COMMENT ON VIEW price_decline IS 'Per as_of (models released, and scores measured, by then), threshold and with_reasoning: models_on_frontier (the running-minimum models fitted), first_release, last_release, models, reliable (4+ models over 1+ year), precise (reliable, and the 90% interval spans at most 100x), log10_price_per_day (slope), decline_factor_per_year = 10^(-365 slope) and its 90% interval (decline_factor_low, decline_factor_high).';
