-- One row per model: the day from which the warehouse lets it be priced, scored or trended
-- (dated_from), and what that day rests on. A model's release date is the one the catalogues give,
-- by a fixed precedence (warehouse/identity/release_dates.csv with its evidence, then Epoch AI's
-- model versions and Capabilities Index, then the other catalogues in the order they were read),
-- with the basis of the source that gave it: 'announced' (Epoch AI, LLM Stats: the day the
-- creator published it), 'API available' (models.dev, modeldeprecations.dev, LiveBench: the day
-- the catalogue's API listing starts), 'weights published' (the EOSAI index: the open weights'
-- release), 'curated' (a person settled it, evidence in release_dates.csv).
-- The date an id carries is evidence too (id_date): '-20241022' and '-2024-10-22' to the day,
-- '-03-27-2025' likewise, '-2512' (YYMM, years 2023 to 2029) to the month, whose first day it
-- takes. A release date more than 31 days before the id's date cannot be right (a model is not on
-- sale before it was made): dated_from is then the id's date, and release_date_conflicts lists it
-- until release_dates.csv settles it. A model no catalogue dates is never dated by accident: it
-- counts from its first dated evidence, the earliest of its id's date, a dated price (effective or
-- recorded, never an undated one, whose 2023-01-01 start is a placeholder, and never a zero, a
-- placeholder or a price in another unit: price_anomalies' first rules), a house run, a
-- published score or usage figure, a speed measurement and an openness assessment; with none of
-- those, dated_from is NULL and no view prices it.
CREATE OR REPLACE VIEW model_dates AS
WITH basis(source, basis) AS (
    VALUES ('curated', 'curated'), ('epoch-models', 'announced'), ('epoch-eci', 'announced'),
           ('llm-stats', 'announced'), ('models-dev', 'API available'), ('model-deprecations', 'API available'),
           ('livebench', 'API available'), ('eosai', 'weights published')
),
ids AS (
    SELECT model, release_date, release_date_source,
           coalesce(try_strptime(replace(regexp_extract(model, '(^|-)(20[0-9]{2}-?[01][0-9]-?[0-3][0-9])(-|$)', 2),
                                         '-', ''), '%Y%m%d'),
                    try_strptime(regexp_extract(model, '(^|-)([01][0-9]-[0-3][0-9]-20[0-9]{2})(-|$)', 2), '%m-%d-%Y'))
               AS id_day,
           try_strptime(regexp_extract(model, '(^|-)(2[3-9](0[1-9]|1[0-2]))(-|$)', 2), '%y%m') AS id_month
    FROM models
),
evidence(model, day, kind) AS (
    SELECT model, min(valid_from), 'dated price' FROM prices
    WHERE coalesce(date_basis, 'effective') <> 'undated' AND usd_per_mtok >= 0.001 AND usd_per_mtok < 10000
    GROUP BY ALL
    UNION ALL
    SELECT model, CAST(min(started_at) AS DATE), 'house run' FROM eval_runs WHERE started_at IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT model, min(measured_at), 'published score' FROM published_aggregates GROUP BY ALL
    UNION ALL
    SELECT model, min(measured_at), 'published usage' FROM published_usage GROUP BY ALL
    UNION ALL
    SELECT model, min(measured_at), 'speed measurement' FROM performance_measurements GROUP BY ALL
    UNION ALL
    SELECT model, min(assessed_at), 'openness assessment' FROM openness_assessments GROUP BY ALL
),
first_evidence AS (
    SELECT model, min(day) AS day, arg_min(kind, (day, kind)) AS kind FROM evidence WHERE day IS NOT NULL GROUP BY model
)
SELECT i.model, i.release_date, i.release_date_source, b.basis AS release_basis,
       CAST(coalesce(i.id_day, i.id_month) AS DATE) AS id_date,
       CASE WHEN i.id_day IS NOT NULL THEN 'day' WHEN i.id_month IS NOT NULL THEN 'month' END AS id_date_precision,
       f.day AS first_evidence, f.kind AS first_evidence_kind,
       CASE WHEN i.release_date IS NULL THEN least(CAST(coalesce(i.id_day, i.id_month) AS DATE), f.day)
            WHEN i.release_date < CAST(coalesce(i.id_day, i.id_month) AS DATE) - 31
                THEN CAST(coalesce(i.id_day, i.id_month) AS DATE)
            ELSE i.release_date END AS dated_from,
       CASE WHEN i.release_date IS NULL THEN
                CASE WHEN coalesce(i.id_day, i.id_month) IS NULL AND f.day IS NULL THEN NULL
                     WHEN f.day IS NULL OR CAST(coalesce(i.id_day, i.id_month) AS DATE) <= f.day THEN 'id date'
                     ELSE 'first evidence: ' || f.kind END
            WHEN i.release_date < CAST(coalesce(i.id_day, i.id_month) AS DATE) - 31
                THEN 'id date (the release date held is earlier)'
            ELSE 'release date' END AS dated_by
FROM ids i
LEFT JOIN basis b ON b.source = i.release_date_source
LEFT JOIN first_evidence f USING (model);
COMMENT ON VIEW model_dates IS 'Per model: release_date, release_date_source and release_basis (announced, API available, weights published, curated), id_date (the date its id carries) and id_date_precision (day, month), first_evidence (earliest dated price, run, score, usage, speed or assessment) and first_evidence_kind, dated_from (the first day it may be priced, scored or trended: its release date, unless the id''s date is more than 31 days later; undated, its earliest evidence; NULL: never) and dated_by.';
