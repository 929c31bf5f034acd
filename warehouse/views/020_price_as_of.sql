-- One row per as-of date, model, provider and token type: the price valid on that date, chosen by
-- what its date rests on. Quarantined prices (price_anomalies) are never read. A price is valid
-- from valid_from up to (not including) valid_to, and never before the model is dated
-- (model_dates.dated_from: its release, or for a model no catalogue dates its first dated
-- evidence; a model with none is never priced). On any day
-- the candidates rank:
--  1. a dated price (date_basis effective or recorded) while it is evidence: a vendor's effective
--     price until it is replaced; a catalogue's recorded price until the next change it recorded,
--     and an open one only up to the last day that catalogue recorded anything (after that its
--     history ends, and the price is only carried forward);
--  2. an undated price (the source knows it holds now, not since when). It never reaches back over
--     a period that a dated source prices differently: it starts after the last such evidence ends,
--     and only where nothing dated precedes it does it reach back to the release, with date_basis
--     'undated' saying its date is unknown;
--  3. a dated price carried forward past the end of its catalogue's history.
-- Within a rank the most trusted origin wins (price_origins).
CREATE OR REPLACE VIEW price_as_of AS
WITH usable AS (
    SELECT p.model, p.provider, p.token_type, p.usd_per_mtok, p.valid_from, p.valid_to,
           coalesce(p.origin, 'house') AS origin, coalesce(p.date_basis, 'effective') AS date_basis
    FROM prices p
    ANTI JOIN price_anomalies a
        ON a.origin = coalesce(p.origin, 'house') AND a.model = p.model AND a.provider = p.provider
       AND a.token_type = p.token_type AND a.valid_from = p.valid_from
),
recorded_through AS (  -- the last day each catalogue recorded a price: where its history ends
    SELECT origin, max(valid_from) AS last_recorded
    FROM usable
    WHERE date_basis = 'recorded'
    GROUP BY origin
),
dated AS (
    SELECT u.*,
           CASE WHEN u.valid_to IS NOT NULL THEN u.valid_to
                WHEN u.date_basis = 'recorded' THEN greatest(r.last_recorded, u.valid_from) + 1
           END AS evidence_ends  -- exclusive; NULL: evidence as long as it is valid
    FROM usable u
    LEFT JOIN recorded_through r USING (origin)
    WHERE u.date_basis <> 'undated'
),
undated AS (
    SELECT u.model, u.provider, u.token_type, u.usd_per_mtok, u.valid_from, u.valid_to, u.origin, u.date_basis,
           greatest(u.valid_from,
                    max(CASE WHEN d.model IS NOT NULL THEN coalesce(d.evidence_ends, DATE 'infinity') END)) AS starts
    FROM usable u
    LEFT JOIN dated d
        ON d.model = u.model AND d.provider = u.provider AND d.token_type = u.token_type
       AND d.usd_per_mtok <> u.usd_per_mtok AND d.valid_from < coalesce(u.valid_to, DATE 'infinity')
    WHERE u.date_basis = 'undated'
    GROUP BY u.model, u.provider, u.token_type, u.usd_per_mtok, u.valid_from, u.valid_to, u.origin, u.date_basis
),
candidates AS (
    SELECT c.as_of, d.model, d.provider, d.token_type, d.usd_per_mtok, d.origin, d.date_basis,
           CASE WHEN d.evidence_ends IS NULL OR c.as_of < d.evidence_ends THEN 1 ELSE 3 END AS rank
    FROM calendar c
    JOIN dated d ON c.as_of >= d.valid_from AND (d.valid_to IS NULL OR c.as_of < d.valid_to)
    UNION ALL
    SELECT c.as_of, u.model, u.provider, u.token_type, u.usd_per_mtok, u.origin, u.date_basis, 2 AS rank
    FROM calendar c
    JOIN undated u ON c.as_of >= coalesce(u.starts, u.valid_from) AND (u.valid_to IS NULL OR c.as_of < u.valid_to)
)
SELECT p.as_of, p.model, p.provider, p.token_type,
       arg_min(p.usd_per_mtok, (p.rank, coalesce(o.precedence, 99), p.origin)) AS usd_per_mtok,
       arg_min(p.origin, (p.rank, coalesce(o.precedence, 99), p.origin)) AS origin,
       arg_min(p.date_basis, (p.rank, coalesce(o.precedence, 99), p.origin)) AS date_basis
FROM candidates p
JOIN model_dates m ON m.model = p.model
LEFT JOIN price_origins o ON o.origin = p.origin
WHERE p.as_of >= m.dated_from
GROUP BY p.as_of, p.model, p.provider, p.token_type;
COMMENT ON VIEW price_as_of IS 'Per as_of, model, provider, token_type: usd_per_mtok valid that day (never before model_dates.dated_from; quarantined prices never; dated evidence before undated prices, then the most trusted origin), its origin and date_basis (effective, recorded, or undated: the date it holds from is unknown).';
