-- Time to first token against prompt length on $as_of, for every model and provider measured at two
-- prompt lengths or more, the shortest first.
SELECT g.*, n.name AS display_name
FROM ttft_growth g
JOIN model_names n USING (model)
WHERE g.as_of = $as_of AND g.buckets >= 2
ORDER BY g.model, g.provider, g.low_tokens
