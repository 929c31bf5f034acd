-- What the demo warehouse holds, one line per claim: canonical models with release dates, the
-- first-party price history of the major labs (prices that took effect, or were recorded, in each
-- year), models with openness assessments, the sources of benchmark results, and the speed,
-- throughput and system costs behind the deployment figures.
SELECT 'canonical models with a release date' AS what, count(*)::VARCHAR AS value
FROM models WHERE release_date IS NOT NULL
UNION ALL
SELECT 'first-party prices of ' || m.creator || ' starting in 2024 / 2025 / 2026',
       count(*) FILTER (WHERE year(p.valid_from) = 2024) || ' / ' || count(*) FILTER (WHERE year(p.valid_from) = 2025)
           || ' / ' || count(*) FILTER (WHERE year(p.valid_from) = 2026) || ' (' || count(DISTINCT p.model) || ' models)'
FROM prices p
JOIN models m USING (model)
JOIN endpoints e USING (model, provider)
WHERE e.first_party AND m.creator IN ('openai', 'anthropic', 'google', 'mistral', 'deepseek', 'xai', 'meta', 'alibaba')
GROUP BY m.creator
UNION ALL
SELECT 'models with openness assessments', count(DISTINCT model)::VARCHAR FROM openness_assessments
UNION ALL
SELECT 'sources of benchmark results',
       count(DISTINCT source)::VARCHAR || ': ' || string_agg(DISTINCT source, ', ' ORDER BY source)
FROM (SELECT source FROM published_aggregates
      UNION ALL
      SELECT b.source FROM eval_runs r JOIN ingest_batches b USING (batch_id)
      WHERE b.source <> 'native')
UNION ALL
SELECT 'generated task results (the house''s demo runs)', count(*)::VARCHAR
FROM task_results t JOIN eval_runs r USING (run_id) JOIN ingest_batches b USING (batch_id)
WHERE b.generated
UNION ALL
SELECT 'speed measurements (performance)',
       count(*) || ' rows from ' || count(DISTINCT source) || ' sources (' || string_agg(DISTINCT source, ', ' ORDER BY source)
           || '): ' || count(DISTINCT provider) || ' providers, ' || count(DISTINCT model) || ' models'
FROM performance_measurements
UNION ALL
SELECT 'throughput of whole systems', count(*) || ' results: ' || count(DISTINCT system) || ' systems, '
           || count(DISTINCT model) || ' models'
FROM throughput_measurements
UNION ALL
SELECT 'systems with a cost an hour', count(DISTINCT system) || ' (latest priced ' || max(priced_at) || ')'
FROM systems
