-- Every variant's turn efficiency on each agentic evaluation, with its blended price per million
-- tokens on $as_of (what a token costs, beside what a solved task costs); cheapest per solved task
-- first. Only models that can be bought on $as_of (model_buyable): the page tells a buyer what a
-- solved task costs now.
SELECT t.*, m.name AS display_name, e.name AS evaluation_name, b.blended_usd_per_mtok
FROM turn_efficiency t
JOIN model_names m USING (model)
JOIN evaluations e USING (evaluation)
JOIN model_buyable s ON s.model = t.model AND s.as_of = t.as_of AND s.buyable
LEFT JOIN blended_price b ON b.model = t.model AND b.as_of = $as_of
WHERE t.as_of = $as_of
ORDER BY e.name, t.cost_per_solved_task NULLS LAST, m.name, t.effort
