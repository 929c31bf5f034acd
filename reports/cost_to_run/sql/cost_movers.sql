-- Variants whose cost to run version $version moved between $previous_as_of and $as_of, largest
-- move first, then the newly priced.
SELECT * FROM cost_to_run_change
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of AND previous_as_of = $previous_as_of
ORDER BY newly_priced, log_change DESC, display_name, model, effort
