-- Every model the openness version of version $version's report policy scores, most open first;
-- whether the report shows it by default as of $as_of (and why not), and its weights licence.
SELECT o.*, d.shown, d.why, l.licence, l.spdx, l.licence_note
FROM openness_by_model o
JOIN openness_default_set d USING (index_id, version, as_of, model)
LEFT JOIN model_licences l USING (model)
WHERE o.index_id = 'intelligence' AND o.version = $version AND o.as_of = $as_of
ORDER BY o.score DESC, o.display_name
