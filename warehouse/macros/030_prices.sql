-- The blended price of a model's or a provider's tokens: 3 input tokens to 1 output (the ratio
-- Artificial Analysis and Epoch AI both use), per million tokens. The one definition blended_price
-- and provider_prices read (docs/methodology.md).
CREATE OR REPLACE TEMP MACRO blended_usd_per_mtok(input_usd_per_mtok, output_usd_per_mtok) AS
(3 * input_usd_per_mtok + output_usd_per_mtok) / 4;

-- Whether a provider is a subscription plan: a monthly fee with a usage quota, not a pay-as-you-go
-- offer (models.dev lists Z.AI's, Alibaba's, MiniMax's, Tencent's and Xiaomi's as providers of their
-- own, with ids ending in coding-plan or token-plan, or with it before a region: alibaba-coding-plan-cn).
-- Its per-token rates count the quota; price_anomalies keeps them out of every comparison.
CREATE OR REPLACE TEMP MACRO subscription_plan(provider) AS
regexp_matches(provider, '(^|-)(coding|token)-plan(-[a-z]+)?$');
