-- One row per stored price the house does not use, and why: quarantined, never deleted, so that a
-- subscriber can be shown what was left out. price_as_of reads every other price. A price is
-- checked on every day, from its first, on which a price of the same model and token type begins
-- or ends (between those days nothing beside it changes); one failed check quarantines it. The
-- first reason that applies is given, in this order:
--  * placeholder: $10,000 or more per million tokens, which no model has cost (a stand-in such as
--    $99,999, or a unit slip per token or per thousand);
--  * implausibly low: above zero but below $0.001 per million tokens, a price in another unit (per
--    audio minute, per character) or a unit slip, which no model has cost either;
--  * zero: a zero input or output price is a free offer or an unknown price, not a price to run at;
--    a zero cached-input, cache-write or reasoning price is the source saying it has none or does
--    not know it;
--  * above input: a cached-input price above the input price of the same provider and source that
--    day (a cache read is always a discount), or a cache-write price above twice the input price
--    (the dearest real cache write, Anthropic's one-hour write, costs 2x input; its five-minute
--    write 1.25x: above input, but real);
--  * no discount: a cached-input price equal to the input price at the model's creator's own API,
--    where that creator sells a cached read below its input price in another record (the same
--    model at another time, or another of its models): a catalogue that copied the input price
--    (Claude 3.5 Haiku's cache read listed at $0.80 for two months; Anthropic's is a tenth of
--    input). A reseller without a cache discount is real, and kept;
--  * off-peak rate: an input, output or cached-input price equal to a time-of-day discount of the
--    same model, provider and token type valid that day (price_tiers, tier 'off-peak'): a
--    catalogue that recorded DeepSeek's off-peak hours as the model's price. The standard rate is
--    the list price with no discount;
--  * corrected: an input, output or reasoning price the same source replaced, within 92 days, with
--    one five times or more as high for the same model, provider and token type: the price of one
--    model at one provider does not rise fivefold in a quarter; its catalogue fixed an error (LiteLLM
--    listed Gemini 1.5 Pro at Gemini 1.5 Flash's $0.35/$1.05 for a month in 2024, then $3.50/$10.50);
--  * subscription plan: a price at a provider that is a subscription plan (a monthly fee with a usage
--    quota: models.dev's Z.AI Coding Plan, Alibaba Token Plan and the like, whose ids end in
--    coding-plan or token-plan, or have it before a region: alibaba-coding-plan-cn): its per-token rate
--    is what the quota is counted in, not a pay-as-you-go list price, and is compared with none;
--  * outlier: an input, output or reasoning price more than 10x away (above or below) from the
--    median of the other providers' prices of the same model and token type that day, where at
--    least three other providers price it (each provider's price the median of its sources that
--    day; the prices quarantined for another reason left out). Cached-input and cache-write prices
--    are not compared across providers: one provider's 90% cache discount and another's none are
--    both real, 10x apart; they are checked against their own input price instead.
CREATE OR REPLACE VIEW price_anomalies AS
WITH stored AS MATERIALIZED (
    SELECT row_number() OVER () AS id, model, provider, token_type, usd_per_mtok, valid_from, valid_to, source,
           date_basis, coalesce(origin, 'house') AS origin
    FROM prices
),
change_days AS (  -- the days on which the prices of a model and token type change
    SELECT DISTINCT model, token_type, day
    FROM (SELECT model, token_type, valid_from AS day FROM stored
          UNION ALL
          SELECT model, token_type, valid_to FROM stored WHERE valid_to IS NOT NULL)
),
checks AS MATERIALIZED (  -- each price on each day the prices beside it change, from its first day
    SELECT s.*, d.day
    FROM stored s
    JOIN change_days d ON d.model = s.model AND d.token_type = s.token_type
     AND d.day >= s.valid_from AND (s.valid_to IS NULL OR d.day < s.valid_to)
),
valid_on AS (  -- every input, output or reasoning price valid on a day prices change
    SELECT d.model, d.token_type, d.day, s.provider, s.usd_per_mtok
    FROM change_days d
    JOIN stored s ON s.model = d.model AND s.token_type = d.token_type
     AND s.valid_from <= d.day AND (s.valid_to IS NULL OR d.day < s.valid_to)
    WHERE s.usd_per_mtok >= 0.001 AND s.usd_per_mtok < 10000 AND d.token_type IN ('input', 'output', 'reasoning')
      AND NOT subscription_plan(s.provider)
),
provider_day AS MATERIALIZED (  -- each provider's price that day: the median of its sources
    SELECT model, token_type, day, provider, median(usd_per_mtok) AS usd FROM valid_on GROUP BY ALL
),
ranked AS (  -- per model, token type and day: the providers' prices, cheapest first
    SELECT model, token_type, day, list_transform(sorted, x -> x.usd) AS prices,
           list_transform(sorted, x -> x.provider) AS providers
    FROM (SELECT model, token_type, day, list_sort(list({'usd': usd, 'provider': provider})) AS sorted
          FROM provider_day
          GROUP BY ALL
          HAVING count(*) >= 4)
),
others AS (  -- the median of the other providers' prices: the middle one or two of the list without
    -- the price's own provider (at place `own`), read by place
    SELECT id, day, others,
           (prices[low + CASE WHEN low >= own THEN 1 ELSE 0 END]
            + prices[high + CASE WHEN high >= own THEN 1 ELSE 0 END]) / 2 AS others_median
    FROM (SELECT c.id, c.day, r.prices, len(r.prices) - 1 AS others, list_position(r.providers, c.provider) AS own,
                 len(r.prices) // 2 AS low, (len(r.prices) - 1) // 2 + 1 AS high
          FROM checks c
          JOIN ranked r USING (model, token_type, day)
          WHERE c.usd_per_mtok >= 0.001 AND c.usd_per_mtok < 10000)
),
own_input AS (  -- the input price of the same provider and source on the day checked
    SELECT c.id, c.day, max(v.usd_per_mtok) AS input
    FROM checks c
    JOIN stored v ON v.model = c.model AND v.provider = c.provider AND v.origin = c.origin
     AND v.token_type = 'input' AND v.valid_from <= c.day AND (v.valid_to IS NULL OR c.day < v.valid_to)
    WHERE c.token_type IN ('cached_input', 'cache_write')
    GROUP BY ALL
),
discounting AS (  -- creators whose own API sells a cached read below its input price, in some record
    SELECT DISTINCT m.creator
    FROM stored c
    JOIN models m ON m.model = c.model AND m.creator = c.provider
    JOIN stored v ON v.model = c.model AND v.provider = c.provider AND v.origin = c.origin AND v.token_type = 'input'
     AND v.valid_from <= c.valid_from AND (v.valid_to IS NULL OR c.valid_from < v.valid_to)
    WHERE c.token_type = 'cached_input' AND c.usd_per_mtok > 0 AND c.usd_per_mtok < v.usd_per_mtok
),
off_peak AS (  -- a time-of-day discount at this very price, of the same offer, on the day checked
    SELECT c.id, c.day, any_value(t.detail ORDER BY t.detail) AS hours
    FROM checks c
    JOIN price_tiers t ON t.model = c.model AND t.provider = c.provider AND t.token_type = c.token_type
     AND t.tier = 'off-peak' AND t.usd_per_mtok = c.usd_per_mtok
     AND t.valid_from <= c.day AND (t.valid_to IS NULL OR c.day < t.valid_to)
    WHERE c.token_type IN ('input', 'output', 'cached_input')
    GROUP BY ALL
),
corrected AS (  -- a price its own source replaced soon after with one five times or more as high
    SELECT s.id, min(n.usd_per_mtok) AS next_usd, min(n.valid_from) AS next_from
    FROM stored s
    JOIN stored n ON n.origin = s.origin AND n.model = s.model AND n.provider = s.provider
     AND n.token_type = s.token_type AND n.valid_from = s.valid_to
    WHERE s.token_type IN ('input', 'output', 'reasoning') AND s.usd_per_mtok > 0
      AND s.valid_to - s.valid_from <= 92 AND n.usd_per_mtok >= 5 * s.usd_per_mtok
      AND n.usd_per_mtok < 10000  -- the replacement a placeholder itself: the error is that one
    GROUP BY s.id
),
reasons AS (
    SELECT c.id, c.token_type, c.day, c.usd_per_mtok, i.input, k.creator, op.hours, cr.next_usd, cr.next_from,
           o.others_median, o.others,
           CASE WHEN c.usd_per_mtok >= 10000 THEN 'placeholder'
                WHEN c.usd_per_mtok < 0.001 AND c.usd_per_mtok > 0 THEN 'implausibly low'
                WHEN c.usd_per_mtok = 0 THEN 'zero'
                WHEN c.token_type = 'cached_input' AND c.usd_per_mtok > i.input THEN 'above input'
                WHEN c.token_type = 'cache_write' AND c.usd_per_mtok > 2 * i.input THEN 'above input'
                WHEN c.token_type = 'cached_input' AND c.usd_per_mtok = i.input AND k.creator IS NOT NULL
                    THEN 'no discount'
                WHEN op.hours IS NOT NULL THEN 'off-peak rate'
                WHEN cr.id IS NOT NULL THEN 'corrected'
                WHEN subscription_plan(c.provider) THEN 'subscription plan'
                WHEN c.usd_per_mtok > 10 * o.others_median OR c.usd_per_mtok < o.others_median / 10 THEN 'outlier'
           END AS reason
    FROM checks c
    LEFT JOIN others o USING (id, day)
    LEFT JOIN own_input i USING (id, day)
    LEFT JOIN models m ON m.model = c.model
    LEFT JOIN discounting k ON k.creator = m.creator AND c.provider = m.creator
    LEFT JOIN off_peak op ON op.id = c.id AND op.day = c.day
    LEFT JOIN corrected cr ON cr.id = c.id
),
explained AS (
    SELECT id, day, reason,
           CASE reason WHEN 'placeholder' THEN 1 WHEN 'implausibly low' THEN 1 WHEN 'zero' THEN 2
                       WHEN 'above input' THEN 3 WHEN 'no discount' THEN 3 WHEN 'off-peak rate' THEN 3
                       WHEN 'subscription plan' THEN 3 WHEN 'corrected' THEN 3 ELSE 4 END AS rank,
           CASE reason
               WHEN 'placeholder' THEN '$' || usd_per_mtok || ' per million tokens'
               WHEN 'implausibly low' THEN '$' || usd_per_mtok || ' per million tokens'
               WHEN 'zero' THEN 'a price of 0'
               WHEN 'above input' THEN token_type || ' $' || usd_per_mtok || ' against input $' || input || ' on ' || day
               WHEN 'no discount' THEN 'cached_input $' || usd_per_mtok || ' equal to input on ' || day || ', where '
                    || creator || ' discounts cached input in other records'
               WHEN 'off-peak rate' THEN '$' || usd_per_mtok || ' is the off-peak rate (' || hours || ') on ' || day
                    || ', not the standard rate'
               WHEN 'corrected' THEN '$' || usd_per_mtok || ', replaced by the same source with $' || next_usd || ' on '
                    || next_from || ': a fivefold rise in a quarter is a corrected error, not a price change'
               WHEN 'subscription plan' THEN '$' || usd_per_mtok || ' is a rate of a subscription plan (a monthly fee '
                    || 'with a usage quota), not a pay-as-you-go list price'
               ELSE '$' || usd_per_mtok || ' against a median of $' || others_median || ' from ' || others
                    || ' other providers on ' || day
           END AS detail
    FROM reasons
    WHERE reason IS NOT NULL
)
SELECT s.origin, s.model, s.provider, s.token_type, s.valid_from, s.valid_to, s.usd_per_mtok, s.date_basis,
       s.source, r.reason, r.detail
FROM stored s
JOIN (SELECT id, arg_min(reason, (rank, day, reason)) AS reason, arg_min(detail, (rank, day, reason)) AS detail
      FROM explained
      GROUP BY id) r USING (id);
COMMENT ON VIEW price_anomalies IS 'Per stored price the house does not use (key: origin, model, provider, token_type, valid_from): its period, usd_per_mtok, date_basis, source, and reason (placeholder, implausibly low, zero, above input, no discount: cached input equal to input at a creator that discounts it elsewhere, off-peak rate: equal to a time-of-day discount of the same offer that day, corrected: replaced by its source within 92 days with a price five times or more as high, subscription plan: a provider that sells a monthly fee with a usage quota, outlier) with the detail that shows it.';
