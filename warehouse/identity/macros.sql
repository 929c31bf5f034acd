-- A raw model name in its normalised form: lower case, no provider prefix ('openai/'), and runs of
-- anything but letters, digits and dots turned into one '-'. 'openai/GPT-4o_2024 08 06' becomes
-- 'gpt-4o-2024-08-06'. Canonical model ids are normalised names.
CREATE OR REPLACE TEMP MACRO canonical_slug(raw) AS
    trim(regexp_replace(regexp_replace(lower(trim(raw)), '^.*/', ''), '[^a-z0-9.]+', '-', 'g'), '-.');
