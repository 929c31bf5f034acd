-- The sources of the warehouse, the house's own first, for the methodology appendix.
SELECT * FROM sources_used ORDER BY source = 'benchhouse' DESC, source
