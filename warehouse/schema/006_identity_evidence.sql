-- What identity resolution rests on: the release date each catalogue row gave (so that dates the
-- sources disagree on can be listed), where a model's release date came from, and the candidates
-- of a name that matched several models (listed as ambiguous, not loaded for any of them).

ALTER TABLE name_resolutions ADD COLUMN release_date DATE;
COMMENT ON COLUMN name_resolutions.release_date IS 'For catalogue rows (kind models): the release date the source gave under this name.';
ALTER TABLE name_resolutions ADD COLUMN candidates VARCHAR[];
COMMENT ON COLUMN name_resolutions.candidates IS 'For a name resolved_by ambiguous: the canonical models it matched equally well (none of them got its rows).';

ALTER TABLE models ADD COLUMN release_date_source VARCHAR;
COMMENT ON COLUMN models.release_date_source IS 'Where release_date came from: the source adapter, house (a native file), or curated (warehouse/identity/release_dates.csv, which decides where sources disagree).';
