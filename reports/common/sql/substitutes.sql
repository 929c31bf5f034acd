-- For each variant of the subscriber's focus models ($models) on index version $version at $as_of: each
-- cheaper model that scores higher or cannot be told apart (cheaper_candidates), cheapest first, that meets the
-- subscriber's constraints on a substitute: $open_weights, weights that can be downloaded;
-- $min_context_window, at least that many tokens of context (NULL: none asked); $exclude_creators, made by
-- none of these creators; $input_modalities and $output_modalities, reads (generates) at least these (empty:
-- none asked); $min_categories with $min_scores, at least that score on each of these categories of the
-- index (alternative_category_scores: wholly scored categories); $served_in, a provider stated to serve it
-- in one of these geographies that has not stopped by then (alternative_served; empty: none asked), those
-- providers kept as alternative_served_in. What no source states (a context window, a creator,
-- modalities, a category's score, a region) does not meet a constraint on it: it is never assumed.
SELECT model, effort, alternative_model, alternative_effort, alternative_name, alternative_index,
       alternative_ci_low, alternative_ci_high, alternative_usd, saving_usd, saving_share,
       alternative_open_weights, alternative_context_window, alternative_creator,
       alternative_input_modalities, alternative_output_modalities, alternative_category_scores,
       list_filter(alternative_served, s -> list_contains($served_in, s.geography)) AS alternative_served_in
FROM cheaper_candidates
WHERE version = $version AND as_of = $as_of AND list_contains($models, model)
  AND (NOT $open_weights OR coalesce(alternative_open_weights, false))
  AND ($min_context_window IS NULL OR alternative_context_window >= $min_context_window)
  AND (len($exclude_creators) = 0
       OR (alternative_creator IS NOT NULL AND NOT list_contains($exclude_creators, alternative_creator)))
  AND (len($input_modalities) = 0 OR coalesce(list_has_all(alternative_input_modalities, $input_modalities), false))
  AND (len($output_modalities) = 0 OR coalesce(list_has_all(alternative_output_modalities, $output_modalities), false))
  AND len(list_filter(range(1, len($min_categories) + 1),
                      i -> coalesce(alternative_category_scores[$min_categories[i]] >= $min_scores[i], false)))
      = len($min_categories)
  AND (len($served_in) = 0
       OR coalesce(len(list_filter(alternative_served, s -> list_contains($served_in, s.geography))) > 0, false))
ORDER BY model, effort, alternative_usd, alternative_index DESC, alternative_model, alternative_effort
