-- Load accepted developer-level indicators; developers are registered as creators on first sight.
INSERT INTO creators
SELECT DISTINCT creator, CAST(NULL AS VARCHAR), $batch_id
FROM accepted
WHERE creator NOT IN (SELECT creator FROM creators);

INSERT INTO developer_assessments
SELECT creator, framework, edition, indicator, domain, score, assessed_at, $batch_id
FROM accepted;
