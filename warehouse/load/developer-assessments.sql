-- Load accepted developer-level indicators (developers are registered as creators: creators.sql).
INSERT INTO developer_assessments
SELECT creator, framework, edition, indicator, domain, score, assessed_at, $batch_id
FROM accepted;
