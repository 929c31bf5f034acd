-- Every variant with a complete index in version $version, as of $as_of, that its creator no longer
-- sells (model_buyable): it has no cost to run, so the ranking lists it not, but every rank counts it
-- (a rank is 1 plus the variants whose interval lies wholly above), and the data pack lists it so that
-- each rank can be counted from the pack.
SELECT i.model, i.effort, n.name AS display_name, i."index", i.ci_low, i.ci_high, i.rank, b.why
FROM intelligence_index i
JOIN model_buyable b ON b.model = i.model AND b.as_of = i.as_of
JOIN model_names n ON n.model = i.model
WHERE i.index_id = 'intelligence' AND i.version = $version AND i.as_of = $as_of AND i.complete AND NOT b.buyable
ORDER BY i.rank, i."index" DESC, i.model, i.effort
