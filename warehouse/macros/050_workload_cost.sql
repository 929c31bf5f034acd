-- What a workload costs a month, one token type at a time: requests a month x tokens of that type a
-- request x that type's price in USD per million tokens / 10^6 (NULL where the type has no price).
-- The one definition of a workload's monthly cost: the private views price a client's workload by
-- its five token types at each model's prices (private_workload_cost), the model-deployment report a
-- subscriber's by input and output at each provider's (reports/model_deployment/sql/workload_*.sql);
-- each sums this over the token types it prices.
CREATE OR REPLACE TEMP MACRO workload_usd_per_month(requests_per_month, tokens_per_request, usd_per_mtok) AS
    requests_per_month * tokens_per_request * usd_per_mtok / 1e6;

-- The million output tokens a month of a workload: what a dedicated system's capacity is measured in.
CREATE OR REPLACE TEMP MACRO workload_output_mtok(requests_per_month, output_tokens_per_request) AS
    requests_per_month * output_tokens_per_request / 1e6;

-- Dedicated systems a month of output needs at their capacity flat out: as many as it fills, at least
-- one (a system is hired or bought whole); none known without a capacity above zero.
CREATE OR REPLACE TEMP MACRO systems_needed(output_mtok_per_month, capacity_mtok_per_month) AS
    CASE WHEN capacity_mtok_per_month > 0
         THEN CAST(greatest(1, ceil(output_mtok_per_month / capacity_mtok_per_month)) AS BIGINT) END;
