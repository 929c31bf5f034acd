-- A workload file is the client's whole workload: it replaces the one before (earlier snapshots of
-- the tenant's catalog keep it).
DELETE FROM workload;

INSERT INTO workload
SELECT use_case, description, requests_per_month, input_tokens, cached_input_tokens, cache_write_tokens,
       reasoning_tokens, answer_tokens, evaluation, $batch_id
FROM accepted;
