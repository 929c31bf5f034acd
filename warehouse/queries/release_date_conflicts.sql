-- Models whose release date is in doubt (release_date_conflicts), the unresolved first: sources that
-- disagree by more than 30 days, or a date before the creator's first release.
SELECT * FROM release_date_conflicts
WHERE $all = 'true' OR NOT resolved
ORDER BY resolved, spread_days DESC NULLS LAST, model
