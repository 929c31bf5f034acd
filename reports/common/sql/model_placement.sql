-- Every model, as of $as_of: whether version $version's reports can place it, and if not, why; and
-- whether it can be bought that day (model_buyable), with why not in words.
SELECT p.model, p.display_name, p.placed, p.reason, NOT b.buyable AS retired, b.why AS lifecycle
FROM model_placement p
JOIN model_buyable b USING (as_of, model)
WHERE p.index_id = 'intelligence' AND p.version = $version AND p.as_of = $as_of
