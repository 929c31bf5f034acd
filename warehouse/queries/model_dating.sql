-- Models no catalogue dates well enough to stand on their release date alone (model_dates): dated
-- by the date their id carries (none held, or the one held is earlier), by their first dated
-- evidence, or never (no figure of them is shown), with what the date rests on.
SELECT model, coalesce(dated_by, 'never dated: no price, score or trend of it is shown') AS dated_by,
       dated_from, id_date, id_date_precision, first_evidence, first_evidence_kind, release_date, release_date_source
FROM model_dates
WHERE dated_by IS DISTINCT FROM 'release date'
ORDER BY dated_by NULLS LAST, model
