-- One row per as-of date and model: whether the model can be bought that day, the one rule for "on
-- sale on this date" that every view, report query and private view reads (public: cost_to_run,
-- price_of_intelligence, frontier_spend, blended_price_change, model_placement; private:
-- private_lifecycle). A model can be bought until its creator shuts it down (model_lifecycle:
-- active, or deprecated with its end announced) and not from the shutdown day on; a reseller's
-- lifecycle does not count. A retired model is never priced as buyable, recommended or placed on a
-- frontier; a page may name it only to say it is retired, in the words of `why`.
-- Kept to one join: a view that reads it pays for it in every query.
CREATE OR REPLACE VIEW model_buyable AS
SELECT l.as_of, l.model, l.status <> 'retired' AS buyable, l.status, l.shutdown_on, l.replacement, l.replacement_name,
       CASE WHEN l.status = 'retired' THEN 'retired by its creator on ' || strftime(l.shutdown_on, '%-d %b %Y')
                || coalesce(' (replacement: ' || l.replacement_name || ')', '')
            WHEN l.status = 'deprecated' THEN 'on sale, deprecated by its creator'
                || coalesce(', which shuts it down on ' || strftime(l.shutdown_on, '%-d %b %Y'), '')
            ELSE 'on sale' END AS why
FROM model_lifecycle l;
COMMENT ON VIEW model_buyable IS 'Per as_of and model: buyable (false from the day its creator shuts it down: model_lifecycle status retired), status, shutdown_on, replacement (as written), replacement_name (model_lifecycle), why (in words: on sale; on sale, deprecated ...; retired by its creator on DD Mon YYYY (replacement: name)). The one rule of what can be bought on a date.';
